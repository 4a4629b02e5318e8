using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using CreateImageSdk.LocalServer;
using Xunit;

namespace CreateImageSdk.Cli.Tests
{
    /// <summary>Edits (<c>--edit</c>, and the <c>edit</c>/<c>mask</c> columns) as a user runs them: real processes against the local server.</summary>
    public class EditTests
    {
        private const string Key = "sk-cli-0123456789abcdef";

        // A part's name and file name as the multipart body carries them (quoted, so a ';' inside is read whole), then
        // (for a text field) its value.
        private static readonly Regex Part = new Regex("Content-Disposition: form-data; name=\"(?<name>[^\"]*)\"(?:; filename=\"(?<file>[^\"]*)\")?[^\\r\\n]*\\r\\n(?:[^\\r\\n]+\\r\\n)*\\r\\n(?<value>[^\\r\\n]*)", RegexOptions.CultureInvariant);

        private static Dictionary<string, string?> Environment(LocalImageServer server) =>
            new Dictionary<string, string?> { ["OPENAI_BASE_URL"] = server.BaseUri.ToString(), ["OPENAI_API_KEY"] = Key };

        [Fact]
        public async Task SingleEdit_WithTwoImagesAndAMask_WritesAPngOfTheRequestedSize_SentAsImageArrayParts()
        {
            await using var server = await LocalImageServer.StartAsync(new LocalImageServerOptions { ApiKey = Key });
            var folder = Tool.NewFolder();
            TestImages.Png(Path.Combine(folder, "first.png"), 64, 64);
            TestImages.Png(Path.Combine(folder, "second.png"), 64, 64, 0x10);
            TestImages.Png(Path.Combine(folder, "mask.png"), 64, 64, 0x00);

            var run = await Tool.RunAsync(folder, Environment(server), "Add a beret", "--edit", "first.png", "--edit", "second.png", "--mask", "mask.png",
                "--model", "gpt-image-1.5", "--size", "1536x1024", "--input-fidelity", "high", "--out", "edited.png");

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Equal((1536, 1024), TestImages.PngSize(Path.Combine(folder, "edited.png")));
            var request = Assert.Single(server.Requests);
            Assert.EndsWith("/images/edits", request.Path);
            var parts = Parts(request);
            Assert.Equal(new[] { "first.png", "second.png" }, parts.Where(p => p.Name == "image[]").Select(p => p.File)); // both images, in order
            Assert.DoesNotContain(parts, p => p.Name == "image");
            Assert.Equal("mask.png", Assert.Single(parts, p => p.Name == "mask").File);
            Assert.Equal("Add a beret", Assert.Single(parts, p => p.Name == "prompt").Value);
            Assert.Equal("high", Assert.Single(parts, p => p.Name == "input_fidelity").Value);
            Assert.Equal("1536x1024", Assert.Single(parts, p => p.Name == "size").Value);
        }

        [Fact]
        public async Task MaskWithoutEdit_IsRefused_WithASentence_AndNothingIsSent()
        {
            await using var server = await LocalImageServer.StartAsync(new LocalImageServerOptions { ApiKey = Key });
            var folder = Tool.NewFolder();
            TestImages.Png(Path.Combine(folder, "mask.png"), 64, 64, 0x00);

            var run = await Tool.RunAsync(folder, Environment(server), "An otter", "--mask", "mask.png", "--model", "gpt-image-1");

            Assert.Equal(2, run.ExitCode);
            Assert.Equal("error: mask needs an image to edit: a mask marks where the first edit image may change (--edit, or an edit cell).", run.Error.Trim());
            Assert.Empty(server.Requests);
        }

        [Fact]
        public async Task OptionsTheOtherEndpointHas_AreRefused_WithASentence_AndNothingIsSent()
        {
            await using var server = await LocalImageServer.StartAsync(new LocalImageServerOptions { ApiKey = Key });
            var folder = Tool.NewFolder();
            TestImages.Png(Path.Combine(folder, "otter.png"), 64, 64);

            var style = await Tool.RunAsync(folder, Environment(server), "Add a beret", "--edit", "otter.png", "--style", "vivid", "--moderation", "low");
            var fidelity = await Tool.RunAsync(folder, Environment(server), "An otter", "--input-fidelity", "high");

            Assert.Equal(2, style.ExitCode);
            Assert.Contains("error: style is for generations only: an edit (--edit, or an edit cell) does not take it.", style.Error);
            Assert.Contains("error: moderation is for generations only", style.Error);
            Assert.Equal(2, fidelity.ExitCode);
            Assert.Contains("error: input_fidelity is for edits only: it needs an image to edit (--edit, or an edit cell).", fidelity.Error);
            Assert.Empty(server.Requests);
        }

        [Fact]
        public async Task AGifOrAMissingFile_AsEdit_IsRefused_NamingTheFile_WithoutAStackTrace()
        {
            await using var server = await LocalImageServer.StartAsync(new LocalImageServerOptions { ApiKey = Key });
            var folder = Tool.NewFolder();
            TestImages.Gif(Path.Combine(folder, "party.gif"));

            var gif = await Tool.RunAsync(folder, Environment(server), "Add a beret", "--edit", "party.gif");
            var missing = await Tool.RunAsync(folder, Environment(server), "Add a beret", "--edit", "nowhere.png");

            Assert.Equal(2, gif.ExitCode);
            Assert.Equal("error: edit: the image 'party.gif' is a GIF image; the image endpoints take PNG, JPEG or WebP images (image/png, image/jpeg, image/webp).", gif.Error.Trim());
            Assert.Equal(2, missing.ExitCode);
            Assert.Equal("error: edit: the image file 'nowhere.png' does not exist (looked for " + Path.Combine(folder, "nowhere.png") + ").", missing.Error.Trim());
            Assert.DoesNotContain(" at ", gif.Error + missing.Error); // a sentence, not an exception's stack
            Assert.Empty(server.Requests);
        }

        [Fact]
        public async Task Batch_MixingGenerationsAndEdits_SendsEachToItsEndpoint_ReportsTheInvalidEditRow_AndResumes()
        {
            await using var server = await LocalImageServer.StartAsync(new LocalImageServerOptions { ApiKey = Key });
            var folder = Tool.NewFolder();
            // The table and its images live in a folder of their own, and the tool runs from another: relative paths
            // in the edit and mask cells are the table's, not the current folder's.
            var tables = Path.Combine(folder, "tables");
            TestImages.Png(Path.Combine(tables, "img", "a.png"), 64, 64);
            TestImages.Png(Path.Combine(tables, "img", "b.png"), 64, 64, 0x10);
            TestImages.Png(Path.Combine(tables, "img", "mask.png"), 64, 64, 0x00);
            var table = Tool.Csv(tables, "rows.csv", new[]
            {
                "id,prompt,model,size,edit,mask",
                "gen,an otter,gpt-image-1,1024x1536,,",
                "two,add a beret,gpt-image-1.5,1536x1024,img/a.png; img/b.png,img/mask.png",
                "one,add a scarf,gpt-image-1,,img/b.png,",
                "piped,add a hat,gpt-image-1,,img/a.png|img/b.png,",
                "missing,add a bow,gpt-image-1,,img/nope.png,",
            });
            var arguments = new[] { "batch", table, "--out", "out", "--quality", "low", "--input-fidelity", "high" };

            var refused = await Tool.RunAsync(folder, Environment(server), arguments);
            Assert.Equal(2, refused.ExitCode);
            Assert.Contains("invalid row 6 (missing): edit: the image file 'img/nope.png' does not exist (looked for " + Path.Combine(tables, "img", "nope.png") + ").", refused.Output);
            Assert.Contains("1 invalid row(s): nothing was sent", refused.Output);
            Assert.Empty(server.Requests);

            var run = await Tool.RunAsync(folder, Environment(server), arguments.Append("--skip-invalid").ToArray());

            Assert.True(run.ExitCode == 1, run.ToString()); // the invalid row keeps it from "all done"
            var results = File.ReadAllLines(Path.Combine(folder, "out", "results.csv")).Skip(1).Select(l => l.Split(',')).ToDictionary(c => c[0], c => c);
            Assert.Equal(new[] { "gen", "missing", "one", "piped", "two" }, results.Keys.OrderBy(k => k, StringComparer.Ordinal));
            Assert.Equal(new[] { "ok", "gen.png", "1024x1536" }, results["gen"][1..3].Append(results["gen"][4]));
            Assert.Equal(new[] { "ok", "two.png", "1536x1024" }, results["two"][1..3].Append(results["two"][4]));
            Assert.Equal("ok", results["one"][1]);
            Assert.Equal("ok", results["piped"][1]);
            Assert.Equal("invalid", results["missing"][1]);
            Assert.Equal("validation", results["missing"][10]);
            Assert.StartsWith("edit: the image file 'img/nope.png' does not exist", results["missing"][12]);
            Assert.Equal((1024, 1536), TestImages.PngSize(Path.Combine(folder, "out", "gen.png")));
            Assert.Equal((1536, 1024), TestImages.PngSize(Path.Combine(folder, "out", "two.png")));

            // The generation went to its endpoint without the edit-only default; each edit went with its own images.
            var generation = Assert.Single(server.Requests, r => r.Path.EndsWith("/images/generations", StringComparison.Ordinal));
            using (var body = JsonDocument.Parse(generation.Body))
            {
                Assert.Equal("an otter", body.RootElement.GetProperty("prompt").GetString());
                Assert.Equal("low", body.RootElement.GetProperty("quality").GetString());
                Assert.False(body.RootElement.TryGetProperty("input_fidelity", out _));
            }

            var edits = server.Requests.Where(r => r.Path.EndsWith("/images/edits", StringComparison.Ordinal)).Select(Parts).ToDictionary(p => p.Single(x => x.Name == "prompt").Value);
            Assert.Equal(new[] { "add a beret", "add a hat", "add a scarf" }, edits.Keys.OrderBy(k => k, StringComparer.Ordinal));
            Assert.Equal(new[] { "image[]:a.png", "image[]:b.png", "mask:mask.png" }, Files(edits["add a beret"]));
            Assert.Equal(new[] { "image[]:a.png", "image[]:b.png" }, Files(edits["add a hat"]));
            Assert.Equal(new[] { "image:b.png" }, Files(edits["add a scarf"]));
            Assert.All(edits.Values, parts => Assert.Equal("high", parts.Single(p => p.Name == "input_fidelity").Value));
            Assert.All(edits.Values, parts => Assert.Equal("low", parts.Single(p => p.Name == "quality").Value));

            // The same command again: every row is done (the invalid one too), so nothing is sent twice.
            var again = await Tool.RunAsync(folder, Environment(server), arguments.Append("--skip-invalid").ToArray());
            Assert.True(again.ExitCode == 1, again.ToString());
            Assert.Contains("4 row(s) already done in an earlier run: skipped.", again.Output);
            Assert.Equal(4, server.Requests.Count);
            Assert.Equal(5, File.ReadAllLines(Path.Combine(folder, "out", "results.csv")).Length - 1);
        }

        [Fact]
        public async Task JsonLines_TakeEditAsAnArrayOfWholePaths_OrAsAString()
        {
            await using var server = await LocalImageServer.StartAsync(new LocalImageServerOptions { ApiKey = Key });
            var folder = Tool.NewFolder();
            TestImages.Png(Path.Combine(folder, "a;1.png"), 64, 64); // a ';' a cell would split on; an array item is one path
            TestImages.Png(Path.Combine(folder, "b.png"), 64, 64, 0x10);
            TestImages.Png(Path.Combine(folder, "mask.png"), 64, 64, 0x00);
            File.WriteAllText(Path.Combine(folder, "rows.jsonl"),
                "{\"id\":\"array\",\"prompt\":\"add a beret\",\"model\":\"gpt-image-1\",\"edit\":[\"a;1.png\",\"b.png\"],\"mask\":\"mask.png\"}\n" +
                "{\"id\":\"text\",\"prompt\":\"add a hat\",\"model\":\"gpt-image-1\",\"edit\":\"b.png | mask.png\"}\n" +
                "{\"id\":\"plain\",\"prompt\":\"an otter\",\"model\":\"gpt-image-1\",\"edit\":[]}\n");

            var run = await Tool.RunAsync(folder, Environment(server), "batch", "rows.jsonl", "--out", "out");

            Assert.True(run.ExitCode == 0, run.ToString());
            var edits = server.Requests.Where(r => r.Path.EndsWith("/images/edits", StringComparison.Ordinal)).Select(Parts).ToDictionary(p => p.Single(x => x.Name == "prompt").Value);
            Assert.Equal(new[] { "image[]:a;1.png", "image[]:b.png", "mask:mask.png" }, Files(edits["add a beret"]));
            Assert.Equal(new[] { "image[]:b.png", "image[]:mask.png" }, Files(edits["add a hat"]));
            Assert.Single(server.Requests, r => r.Path.EndsWith("/images/generations", StringComparison.Ordinal)); // an empty array is no edit
            var statuses = File.ReadAllLines(Path.Combine(folder, "out", "results.jsonl")).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("status").GetString());
            Assert.All(statuses, s => Assert.Equal("ok", s));
        }

        private static List<(string Name, string? File, string Value)> Parts(RecordedRequest request) =>
            Part.Matches(request.Body).Select(m => (m.Groups["name"].Value, m.Groups["file"].Success ? m.Groups["file"].Value : null, m.Groups["value"].Value)).ToList();

        private static IEnumerable<string> Files(List<(string Name, string? File, string Value)> parts) =>
            parts.Where(p => p.File != null).Select(p => p.Name + ":" + p.File);
    }
}
