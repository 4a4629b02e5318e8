using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using CreateImageSdk.LocalServer;
using Xunit;

namespace CreateImageSdk.Package.Tests
{
    /// <summary>CreateImageSdk.Extensions from the folder feed, and the README's integration snippets compiled as a user would.</summary>
    [Collection(PackageCollection.Name)]
    public class ExtensionsConsumerTests
    {
        private static readonly Regex Snippet = new Regex(@"<!-- compiled: (?<kind>program|body) -->\s*```csharp\n(?<code>.*?)```", RegexOptions.Singleline | RegexOptions.CultureInvariant);

        private const string Usings = """
            global using System.Drawing;
            global using CreateImageSdk;
            global using Microsoft.Extensions.AI;
            global using Microsoft.Extensions.DependencyInjection;
            global using OpenTelemetry.Metrics;
            global using OpenTelemetry.Trace;
            """;

        private readonly PackageFixture _package;

        public ExtensionsConsumerTests(PackageFixture package) => _package = package;

        [Fact]
        public async Task ReadmeSnippets_CompileInAWebProject_FromThePackages()
        {
            var snippets = Snippet.Matches(File.ReadAllText(Path.Combine(DotNet.RepoRoot, "README.md"))).ToList();
            Assert.True(snippets.Count >= 3, "expected the README's compiled snippets, found " + snippets.Count);
            Assert.Single(snippets, s => s.Groups["kind"].Value == "program");

            var files = new List<(string, string)> { ("Usings.cs", Usings) };
            var bodies = new StringBuilder("internal static class Snippets\n{\n");
            var index = 0;
            foreach (var snippet in snippets)
            {
                if (snippet.Groups["kind"].Value == "program")
                {
                    files.Add(("Program.cs", snippet.Groups["code"].Value));
                    continue;
                }

                bodies.Append("    internal static async Task Snippet").Append(index++).Append("()\n    {\n").Append(snippet.Groups["code"].Value).Append("\n    }\n");
            }

            files.Add(("Snippets.cs", bodies.Append("}\n").ToString()));
            var directory = _package.CreateConsumer(
                "ReadmeSnippets", "net10.0", "Microsoft.NET.Sdk.Web", "CreateImageSdk.Extensions", "<NoWarn>$(NoWarn);MEAI001</NoWarn>",
                """
                <PackageReference Include="Microsoft.Extensions.AI" Version="10.11.0" />
                <PackageReference Include="OpenTelemetry.Extensions.Hosting" Version="1.20.1" />
                <PackageReference Include="Azure.Identity" Version="1.21.0" />
                """,
                files.ToArray());

            var build = await DotNet.RunAsync(directory, "build", "-c", "Release", "-nodeReuse:false");

            Assert.True(build.ExitCode == 0, build.ToString());
        }

        [Fact]
        public async Task ExtensionsConsumer_RegistersTheClient_AndGeneratesThroughMeai()
        {
            var program = """
                using CreateImageSdk;
                using Microsoft.Extensions.AI;
                using Microsoft.Extensions.DependencyInjection;

                var services = new ServiceCollection();
                services.AddImageClient(o => { o.BaseUri = new Uri(args[0]); o.ApiKey = args[1]; });
                using var provider = services.BuildServiceProvider();
                var generator = provider.GetRequiredService<ImageClient>().AsImageGenerator(ImageModel.GptImage1);
                #pragma warning disable MEAI001
                var response = await generator.GenerateAsync(new ImageGenerationRequest("otter"), new ImageGenerationOptions { Count = 2 });
                #pragma warning restore MEAI001
                Console.WriteLine(response.Contents.Count + " " + ((DataContent)response.Contents[0]).MediaType + " " + response.Usage?.OutputTokenCount);
                """;
            var directory = _package.CreateConsumer("ExtensionsConsumer", "net10.0", "Microsoft.NET.Sdk", "CreateImageSdk.Extensions", string.Empty, string.Empty, ("Program.cs", program));
            var build = await DotNet.RunAsync(directory, "build", "-c", "Release", "-nodeReuse:false");
            Assert.True(build.ExitCode == 0, build.ToString());

            await using var server = await LocalImageServer.StartAsync();
            var run = await DotNet.RunAsync(directory, "bin/Release/net10.0/ExtensionsConsumer.dll", server.BaseUri.ToString(), LocalImageServer.DefaultApiKey);

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Matches(@"^2 image/png \d+$", run.Output.Trim());
        }
    }
}
