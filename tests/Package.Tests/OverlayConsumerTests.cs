using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using CreateImageSdk.LocalServer;
using Xunit;

namespace CreateImageSdk.Package.Tests
{
    /// <summary>
    /// Overlays as a package consumer uses them: samples/Overlay built from the folder feed (the generator and its
    /// dependencies load from the package), run against a local server told to serve what the overlay declares.
    /// </summary>
    [Collection(PackageCollection.Name)]
    public class OverlayConsumerTests
    {
        private const string OverlayItem = """<AdditionalFiles Include="gpt-image-2-5.overlay.json" />""";

        private static readonly string SampleFolder = Path.Combine(DotNet.RepoRoot, "samples", "Overlay");

        private readonly PackageFixture _package;

        public OverlayConsumerTests(PackageFixture package) => _package = package;

        private string Consumer(string name, string program, string extraProperties = "", string extraItems = OverlayItem) =>
            _package.CreateConsumer(name, "net10.0", "Microsoft.NET.Sdk", "CreateImageSdk", "<RootNamespace>CreateImageSdk.Samples.Overlay</RootNamespace>" + extraProperties, extraItems,
                ("Program.cs", program), ("gpt-image-2-5.overlay.json", File.ReadAllText(Path.Combine(SampleFolder, "gpt-image-2-5.overlay.json"))));

        [Fact]
        public async Task The_sample_builds_from_the_package_and_sends_what_the_overlay_names()
        {
            var directory = Consumer("OverlaySample", File.ReadAllText(Path.Combine(SampleFolder, "Program.cs")));
            var build = await DotNet.RunAsync(directory, "build", "-c", "Release", "-nodeReuse:false");
            Assert.True(build.ExitCode == 0, build.ToString());
            Assert.DoesNotContain(": warning ", build.Output);

            await using var server = await LocalImageServer.StartAsync(LocalImageServerOptions.ForOverlays(Path.Combine(directory, "gpt-image-2-5.overlay.json")));
            var run = await DotNet.RunAsync(directory, "bin/Release/net10.0/OverlaySample.dll", server.BaseUri.ToString(), LocalImageServer.DefaultApiKey);

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains("flare: 1 image, 1536x1024", run.Output);
            Assert.Contains("sunburst: 1 image", run.Output);
            // Refused by the overlay's rules before sending: flare takes no complexity, and at most 4 images.
            var refused = run.Output.Split('\n').Single(l => l.StartsWith("refused before sending: ", StringComparison.Ordinal));
            Assert.Contains("complexity", refused);
            Assert.Contains("gpt-image-2.5-flare", refused);
            Assert.Contains("n", refused);

            var bodies = server.Requests.Select(r => r.Body).ToList();
            Assert.Equal(2, bodies.Count);
            Assert.Contains("\"model\":\"gpt-image-2.5-flare\"", bodies[0]);
            Assert.Contains("\"quality\":\"xhigh\"", bodies[0]);
            Assert.Contains("\"size\":\"1536x1024\"", bodies[0]);
            Assert.Contains("\"seed\":42", bodies[0]);
            Assert.Contains("\"model\":\"gpt-image-2.5-sunburst\"", bodies[1]);
            Assert.Contains("\"complexity\":\"high\"", bodies[1]);
        }

        [Fact]
        public async Task A_value_the_overlay_does_not_allow_fails_the_consumers_build()
        {
            var directory = Consumer("OverlayRefused", """
                using CreateImageSdk;
                using CreateImageSdk.Samples.Overlay;
                using var client = new ImageClient(new ImageClientOptions { ApiKey = "k", BaseUri = new System.Uri("http://127.0.0.1:1/v1/") });
                _ = client.CreateImage("x").UsingGptImage2_5Flare().WithComplexity(Complexity.High);
                _ = client.CreateImage("x").WithModel(GptImage2_5Overlay.Models.GptImage2_5Flare).WithComplexity(Complexity.High).WithCount(6);
                """);

            var build = await DotNet.RunAsync(directory, "build", "-c", "Release", "-nodeReuse:false");

            Assert.NotEqual(0, build.ExitCode);
            // The model's builder has no such step; on the general builder the rules analyzer, from the package, reads the overlay's rules.
            Assert.Contains("error CS1929", build.Output);
            Assert.Contains("WithComplexity", build.Output);
            Assert.Contains("error CIA002: complexity is not supported by model 'gpt-image-2.5-flare'; remove it", build.Output);
            Assert.Contains("error CIA003: n = 6 is not allowed for model 'gpt-image-2.5-flare' (at most 4)", build.Output);
        }

        [Fact]
        public async Task A_bad_overlay_is_a_diagnostic_at_its_line_in_the_consumers_build()
        {
            var directory = _package.CreateConsumer("OverlayBad", "net10.0", "Microsoft.NET.Sdk", "CreateImageSdk", string.Empty, """<AdditionalFiles Include="bad.overlay.json" />""",
                ("Program.cs", "System.Console.WriteLine();"), ("bad.overlay.json", "{\n  \"models\": {\n    \"x-1\": { \"rulesOf\": \"gpt-image-9\" }\n  }\n}\n"));

            var build = await DotNet.RunAsync(directory, "build", "-c", "Release", "-nodeReuse:false");

            Assert.NotEqual(0, build.ExitCode);
            Assert.Contains("bad.overlay.json(3,", build.Output);
            Assert.Contains("error CIS020", build.Output);
            Assert.Contains("rulesOf names 'gpt-image-9'", build.Output);
        }

        [Fact]
        public async Task Two_projects_with_their_own_overlays_build_in_one_solution()
        {
            var library = _package.CreateConsumer("DraftsLibrary", "netstandard2.0", "Microsoft.NET.Sdk", "CreateImageSdk",
                "<OutputType>Library</OutputType><LangVersion>latest</LangVersion><ImplicitUsings>disable</ImplicitUsings><RootNamespace>Acme.Drafts</RootNamespace>",
                """<AdditionalFiles Include="drafts.overlay.json" />""",
                ("Drafts.cs", "using CreateImageSdk; namespace Acme.Drafts { public static class Drafts { public static CreateImageRequest Make(ImageClient c) => c.CreateImage(\"x\").UsingFlux2().WithSeed(3).Request; } }"),
                ("drafts.overlay.json", "{ \"models\": { \"flux-2\": { \"rulesOf\": \"gpt-image-1\" } }, \"properties\": { \"seed\": { \"type\": [\"integer\", \"null\"], \"minimum\": 0 } } }"));
            var app = Consumer("PostersApp", """
                using CreateImageSdk;
                using CreateImageSdk.Samples.Overlay;
                using var client = new ImageClient(new ImageClientOptions { ApiKey = "k", BaseUri = new System.Uri("http://127.0.0.1:1/v1/") });
                var mine = client.CreateImage("a poster").UsingGptImage2_5Flare().WithSeed(1).Request;
                var theirs = Acme.Drafts.Drafts.Make(client);
                System.Console.WriteLine(mine.Model + " " + theirs.Model);
                """, extraItems: OverlayItem + """<ProjectReference Include="../DraftsLibrary/DraftsLibrary.csproj" />""");

            var build = await DotNet.RunAsync(app, "build", "-c", "Release", "-nodeReuse:false");
            Assert.True(build.ExitCode == 0, build.ToString());
            Assert.DoesNotContain("CS0436", build.Output);
            var run = await DotNet.RunAsync(app, "bin/Release/net10.0/PostersApp.dll");
            Assert.Equal("gpt-image-2.5-flare flux-2", run.Output.Trim());
            _ = library;
        }

        [Theory]
        [InlineData(false, false)]
        [InlineData(true, true)]
        public async Task The_generator_is_loaded_only_for_a_project_with_an_overlay(bool overlay, bool loaded)
        {
            var name = overlay ? "WithOverlay" : "WithoutOverlay";
            var directory = Consumer(name, "System.Console.WriteLine();", extraItems: overlay ? OverlayItem : string.Empty);

            var items = await DotNet.RunAsync(directory, "msbuild", "-restore", "-t:ResolveLockFileAnalyzers;CreateImageSdkSelectGenerator;CreateImageSdkOverlaySchemas", "-getItem:Analyzer", "-getItem:AdditionalFiles", "-p:Configuration=Release", "-nodeReuse:false");

            Assert.True(items.ExitCode == 0, items.ToString());
            Assert.Contains("CreateImageSdk.Analyzers.dll", items.Output);
            Assert.Equal(loaded, items.Output.Contains("CreateImageSdk.Generator.dll", StringComparison.Ordinal));
            Assert.Equal(loaded, items.Output.Contains("NJsonSchema.dll", StringComparison.Ordinal));
            Assert.Equal(loaded, items.Output.Contains("create-image-request.schema.json", StringComparison.Ordinal));
        }
    }
}
