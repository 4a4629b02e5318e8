using System;
using System.IO;
using System.Linq;
using CreateImageSdk.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CreateImageSdk.Generator.Tests
{
    /// <summary>Overlays in a consumer's build: the package's schemas as context, the overlay's models and parameters as internal types.</summary>
    public class OverlayTests
    {
        private static readonly string SampleOverlay = File.ReadAllText(Path.Combine(RepoPaths.Root, "samples", "Overlay", "gpt-image-2-5.overlay.json"));

        private const string Usings = "using CreateImageSdk; using Acme.Images; using System.Threading.Tasks;\n";

        [Fact]
        public void The_sample_overlay_generates_internal_builders_values_and_rules_that_compile_against_the_SDK()
        {
            var result = OverlayRunner.Run("Acme.Images", OverlayRunner.Overlay("gpt-image-2-5.overlay.json", SampleOverlay));

            Assert.Empty(result.Diagnostics);
            var hints = result.Results.Single().GeneratedSources.Select(s => s.HintName).OrderBy(h => h, StringComparer.Ordinal).ToList();
            Assert.Equal(new[] { "GptImage2_5.GptImage2_5FlareRequestBuilder.g.cs", "GptImage2_5.GptImage2_5SunburstRequestBuilder.g.cs", "GptImage2_5.Overlay.g.cs" }, hints);
            var overlay = GeneratorRunner.Source(result, "GptImage2_5.Overlay.g.cs");
            Assert.Contains("namespace Acme.Images", overlay);
            Assert.DoesNotContain("public static class GptImage2_5Overlay", overlay);
            Assert.Contains("internal static class GptImage2_5Overlay", overlay);
            // What the rules analyzer reads (OverlayRulesAnalyzerTests uses this shape): a step's wire name, a model's id and rules.
            Assert.Contains("[global::CreateImageSdk.Rules.WireName(\"complexity\")]\n        public static global::CreateImageSdk.CreateImageRequestBuilder WithComplexity(this global::CreateImageSdk.CreateImageRequestBuilder builder, Complexity value)", overlay);
            Assert.Contains("[global::CreateImageSdk.Rules.WireValue(\"gpt-image-2.5-flare\")]", overlay);
            Assert.Contains("[global::CreateImageSdk.Rules.ModelRule(\"n\", Request = typeof(global::CreateImageSdk.CreateImageRequest), Maximum = 4)]", overlay);
            Assert.Contains("[global::CreateImageSdk.Rules.ModelRule(\"complexity\", Request = typeof(global::CreateImageSdk.CreateImageRequest), Forbidden = true)]", overlay);

            var errors = OverlayRunner.Compile(result, Usings + """
                static class Consumer
                {
                    static async Task Run(ImageClient client)
                    {
                        await client.CreateImage("a lighthouse").UsingGptImage2_5Flare().WithQuality(GptImage2_5FlareQuality.Xhigh)
                            .WithSize(GptImage2_5FlareSize.Custom(2048, 1152)).WithSeed(7).WithCount(4).SendAsync();
                        await client.CreateImage("a lighthouse").UsingGptImage2_5Sunburst().WithComplexity(Complexity.High).WithQuality(GptImage2_5SunburstQuality.High).SendAsync();
                        await foreach (var e in client.CreateImage("a fox").UsingGptImage2_5Sunburst().WithPartialImages(2).StreamAsync()) { }
                        _ = client.CreateImage("a fox").WithModel(GptImage2_5Overlay.Models.GptImage2_5Sunburst).WithComplexity(Complexity.Low).WithSeed(1).Request;
                    }
                }
                """);
            Assert.Empty(errors);
        }

        [Theory]
        [InlineData("client.CreateImage(\"x\").UsingGptImage2_5Flare().WithComplexity(Complexity.High)", "CS1929")]   // flare does not take complexity (only the general builder does)
        [InlineData("client.CreateImage(\"x\").UsingGptImage2_5Flare().WithQuality(GptImage2_5FlareQuality.Hd)", "CS0117")]  // nor dall-e's hd
        [InlineData("client.CreateImage(\"x\").UsingGptImage2_5Flare().WithStyle(ImageStyle.Vivid)", "CS1061")]      // a GPT image model: no style
        [InlineData("client.CreateImage(\"x\").UsingGptImage2_5Sunburst().WithComplexity(Complexity.Extreme)", "CS0117")]  // not a value the overlay lists
        public void What_the_overlay_does_not_allow_does_not_compile(string code, string error)
        {
            var result = OverlayRunner.Run("Acme.Images", OverlayRunner.Overlay("gpt-image-2-5.overlay.json", SampleOverlay));

            var errors = OverlayRunner.Compile(result, Usings + "static class Consumer { static object Run(ImageClient client) => " + code + "; }");

            Assert.Contains(errors, e => e.Id == error);
        }

        [Theory]
        [InlineData("{\n  \"models\": {\n    \"flux-9\": { \"rulesOf\": \"gpt-image-9\" }\n  }\n}", 3, "rulesOf names 'gpt-image-9', which is not a model the SDK knows")]
        [InlineData("{\n  \"extends\": \"draw.schema.json\"\n}", 2, "extends names 'draw.schema.json', which is not one of the SDK's request schemas")]
        [InlineData("{\n  \"values\": {\n    \"colour\": [\"red\"]\n  }\n}", 3, "'colour' is not a parameter of create-image-request.schema.json with a value set")]
        [InlineData("{\n  \"properties\": {\n    \"quality\": { \"type\": \"string\" }\n  }\n}", 3, "parameter 'quality' is already one of")]
        [InlineData("{\n  \"model\": \"x\"\n}", 2, "'model' is not an overlay keyword")]
        [InlineData("{\n  \"models\": {\n", 3, "not valid JSON")]
        public void A_bad_overlay_is_CIS020_at_its_line_never_a_crashed_build(string json, int line, string message)
        {
            var result = OverlayRunner.Run("Acme.Images", OverlayRunner.Overlay("bad.overlay.json", json));

            var diagnostic = Assert.Single(result.Diagnostics);
            Assert.Equal("CIS020", diagnostic.Id);
            Assert.Equal(line, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
            Assert.Contains(message, diagnostic.GetMessage(), StringComparison.Ordinal);
            Assert.Empty(result.Results.Single().GeneratedSources);
        }

        [Fact]
        public void A_rule_the_parser_does_not_understand_is_reported_at_the_overlay()
        {
            var json = "{ \"allOf\": [ { \"if\": { \"properties\": { \"model\": { \"const\": \"gpt-image-1\" } } }, \"then\": { \"properties\": { \"colour\": false } } } ] }";

            var result = OverlayRunner.Run("Acme.Images", OverlayRunner.Overlay("rules.overlay.json", json));

            var diagnostic = Assert.Single(result.Diagnostics);
            Assert.Equal("CIS020", diagnostic.Id);
            Assert.EndsWith("rules.overlay.json", diagnostic.Location.GetLineSpan().Path, StringComparison.Ordinal);
            Assert.Contains("CIS009", diagnostic.GetMessage(), StringComparison.Ordinal);
            Assert.Contains("colour", diagnostic.GetMessage(), StringComparison.Ordinal);
        }

        [Fact]
        public void Without_an_overlay_the_package_schemas_generate_nothing()
        {
            var result = OverlayRunner.Run("Acme.Images");

            Assert.Empty(result.Diagnostics);
            Assert.Empty(result.Results.Single().GeneratedSources);
        }

        [Fact]
        public void Two_projects_with_overlays_of_the_same_names_do_not_clash()
        {
            var first = OverlayRunner.Run("Acme.Drafts", OverlayRunner.Overlay("gpt-image-2-5.overlay.json", SampleOverlay));
            var second = OverlayRunner.Run("Acme.Posters", OverlayRunner.Overlay("gpt-image-2-5.overlay.json", SampleOverlay));

            Assert.All(new[] { first, second }, r => Assert.Empty(OverlayRunner.Compile(r, "class Placeholder { }")));
            Assert.Contains("namespace Acme.Drafts", GeneratorRunner.Source(first, "GptImage2_5.Overlay.g.cs"));
            Assert.Contains("namespace Acme.Posters", GeneratorRunner.Source(second, "GptImage2_5.Overlay.g.cs"));
        }

        [Fact]
        public void Editing_one_overlay_leaves_the_other_cached()
        {
            var other = OverlayRunner.Overlay("other.overlay.json", "{ \"models\": { \"flux-2\": { \"rulesOf\": \"gpt-image-1\" } } }");
            var sample = OverlayRunner.Overlay("gpt-image-2-5.overlay.json", SampleOverlay);
            var compilation = GeneratorRunner.Compilation("class Placeholder { }");
            var driver = OverlayRunner.Driver("Acme.Images", sample, other).RunGenerators(compilation);

            var changed = OverlayRunner.Overlay("other.overlay.json", "{ \"models\": { \"flux-2\": { \"rulesOf\": \"gpt-image-1.5\" } } }");
            var second = driver.ReplaceAdditionalText(other, changed).RunGenerators(compilation).GetRunResult();

            var reasons = second.Results.Single().TrackedSteps[TrackingNames.Overlays].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
            Assert.Equal(1, reasons.Count(r => r == IncrementalStepRunReason.Modified));
            Assert.Equal(1, reasons.Count(r => r == IncrementalStepRunReason.Cached));
        }
    }
}
