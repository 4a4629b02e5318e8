using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using CreateImageSdk.LocalServer;
using Xunit;

namespace CreateImageSdk.Cli.Tests
{
    /// <summary>
    /// Values create-image does not know yet, as a user sends them: real processes against a local server that serves a
    /// new model (gpt-image-2.5-flare, with gpt-image-2's rules and an extra quality).
    /// </summary>
    public class OpenValueTests
    {
        private const string Key = "sk-cli-0123456789abcdef";

        private static async Task<LocalImageServer> StartAsync() =>
            await LocalImageServer.StartAsync(new LocalImageServerOptions
            {
                ApiKey = Key,
                AdditionalModels = [new AdditionalModel("gpt-image-2.5-flare", "gpt-image-2") { Qualities = ["xhigh"] }],
            });

        private static Dictionary<string, string?> Environment(LocalImageServer server) =>
            new Dictionary<string, string?> { ["OPENAI_BASE_URL"] = server.BaseUri.ToString(), ["OPENAI_API_KEY"] = Key };

        [Fact]
        public async Task UnknownModel_SendsAnUnknownQualityAsGiven_SayingItWasNotChecked()
        {
            await using var server = await StartAsync();
            var folder = Tool.NewFolder();

            var run = await Tool.RunAsync(folder, Environment(server), "A fox", "--model", "gpt-image-2.5-flare", "--quality", "xhigh", "--out", "fox.png");

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Equal("{\"prompt\":\"A fox\",\"model\":\"gpt-image-2.5-flare\",\"quality\":\"xhigh\"}", Assert.Single(server.Requests).Body);
            Assert.Contains("note: quality 'xhigh' was not checked: create-image does not know it, and model 'gpt-image-2.5-flare' has no rules here; it is sent as given.", run.ToString());
            Assert.True(File.Exists(Path.Combine(folder, "fox.png")));
        }

        [Fact]
        public async Task KnownModel_RefusesAnUnknownValue_UnlessUnchecked()
        {
            await using var server = await StartAsync();
            var folder = Tool.NewFolder();

            var refused = await Tool.RunAsync(folder, Environment(server), "A fox", "--model", "gpt-image-2", "--quality", "xhigh", "--out", "fox.png");
            Assert.Equal(2, refused.ExitCode);
            Assert.Contains("quality 'xhigh' is not valid for model 'gpt-image-2'; allowed values: standard, hd, low, medium, high, auto. It is not a value create-image knows: --unchecked sends it", refused.ToString());
            Assert.Empty(server.Requests);

            // --unchecked: sent as given (the server, which knows gpt-image-2, answers as the service would).
            var sent = await Tool.RunAsync(folder, Environment(server), "A fox", "--model", "gpt-image-2", "--quality", "xhigh", "--unchecked", "--out", "fox.png");
            Assert.Equal(1, sent.ExitCode);
            Assert.Contains("note: model 'gpt-image-2' was not checked by any model's rules (--unchecked)", sent.ToString());
            Assert.Equal("{\"prompt\":\"A fox\",\"model\":\"gpt-image-2\",\"quality\":\"xhigh\"}", Assert.Single(server.Requests).Body);
        }

        [Fact]
        public async Task RulesOf_ChecksANewModelAsAKnownOne_AndSnapshotsFollowTheirBase()
        {
            await using var server = await StartAsync();
            var folder = Tool.NewFolder();

            var refused = await Tool.RunAsync(folder, Environment(server), "A fox", "--model", "gpt-image-2.5-flare", "--rules-of", "gpt-image-2", "--style", "vivid", "--out", "fox.png");
            Assert.Equal(2, refused.ExitCode);
            Assert.Contains("style \"vivid\" is not supported when model is one of gpt-image-1", refused.ToString());

            var sent = await Tool.RunAsync(folder, Environment(server), "A fox", "--model", "gpt-image-2.5-flare", "--rules-of", "gpt-image-2", "--size", "1536x864", "--out", "fox.png");
            Assert.True(sent.ExitCode == 0, sent.ToString());
            Assert.Contains("\"model\":\"gpt-image-2.5-flare\"", Assert.Single(server.Requests).Body);

            var badRules = await Tool.RunAsync(folder, Environment(server), "A fox", "--model", "gpt-image-2.5-flare", "--rules-of", "gpt-image-9", "--out", "fox.png");
            Assert.Equal(2, badRules.ExitCode);
            Assert.Contains("rules_of 'gpt-image-9' is not a model create-image has rules for", badRules.ToString());

            var snapshot = await Tool.RunAsync(folder, Environment(server), "A fox", "--model", "dall-e-3-2026-01-01", "--n", "4", "--out", "fox.png");
            Assert.Equal(2, snapshot.ExitCode);
            Assert.Contains("n \"4\" must be at most 1 when model is dall-e-3.", snapshot.ToString());
        }

        [Fact]
        public async Task BatchRows_FollowTheSameRules()
        {
            await using var server = await StartAsync();
            var folder = Tool.NewFolder();
            var table = Tool.Csv(folder, "rows.csv", new[]
            {
                "id,prompt,model,quality,rules_of",
                "flare,A fox,gpt-image-2.5-flare,xhigh,",
                "known,A fox,gpt-image-2,xhigh,",
                "borrowed,A fox,gpt-image-2.5-flare,high,gpt-image-2",
            });

            var refused = await Tool.RunAsync(folder, Environment(server), "batch", table, "--out", "out");
            Assert.Equal(2, refused.ExitCode);
            Assert.Contains("invalid row 3 (known): quality 'xhigh' is not valid for model 'gpt-image-2'", refused.ToString());
            Assert.Contains("row 2 (flare): quality 'xhigh' was not checked", refused.ToString());
            Assert.Empty(server.Requests);

            var sent = await Tool.RunAsync(folder, Environment(server), "batch", table, "--out", "out", "--skip-invalid");
            Assert.True(sent.ExitCode is 0 or 1, sent.ToString());
            var bodies = server.Requests.Select(r => r.Body).OrderBy(b => b).ToList();
            Assert.Equal(new[]
            {
                "{\"prompt\":\"A fox\",\"model\":\"gpt-image-2.5-flare\",\"quality\":\"high\"}",
                "{\"prompt\":\"A fox\",\"model\":\"gpt-image-2.5-flare\",\"quality\":\"xhigh\"}",
            }, bodies);
        }
    }
}
