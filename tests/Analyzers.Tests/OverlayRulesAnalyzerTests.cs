using System.Threading.Tasks;
using Xunit;
using static CreateImageSdk.Analyzers.Tests.ModelRulesVerifier;

namespace CreateImageSdk.Analyzers.Tests
{
    /// <summary>
    /// Models and parameters an overlay declares (in the consumer's own assembly, in the shape OverlayEmitter prints:
    /// OverlayTests checks the attributes it emits) are checked like the SDK's own on the general builder and requests.
    /// </summary>
    public sealed class OverlayRulesAnalyzerTests
    {
        private const string Overlay = """

            namespace Acme
            {
                internal static class FlareOverlay
                {
                    [CreateImageSdk.Rules.WireName("complexity")]
                    public static CreateImageRequestBuilder WithComplexity(this CreateImageRequestBuilder builder, Complexity value) => builder.WithAdditionalProperty("complexity", value.Value);

                    public static class Models
                    {
                        [CreateImageSdk.Rules.WireValue("gpt-image-2.5-flare")]
                        [CreateImageSdk.Rules.ModelRule("complexity", Request = typeof(CreateImageRequest), Forbidden = true)]
                        [CreateImageSdk.Rules.ModelRule("n", Request = typeof(CreateImageRequest), Maximum = 4)]
                        [CreateImageSdk.Rules.ModelRule("quality", Request = typeof(CreateImageRequest), AllowedValues = new[] { "auto", "xhigh" })]
                        [CreateImageSdk.Rules.ModelRule("style", Request = typeof(EditImageRequest), Forbidden = true)]
                        public static ImageModel GptImage2_5Flare { get; } = ImageModel.Custom("gpt-image-2.5-flare");

                        [CreateImageSdk.Rules.WireValue("gpt-image-2.5-sunburst")]
                        public static ImageModel GptImage2_5Sunburst { get; } = ImageModel.Custom("gpt-image-2.5-sunburst");
                    }
                }

                internal readonly struct Complexity
                {
                    private Complexity(string value) => Value = value;

                    [CreateImageSdk.Rules.WireValue("high")]
                    public static Complexity High { get; } = new Complexity("high");

                    public string Value { get; }
                }
            }
            """;

        private static string Source(string statements) => Program(statements).Replace("using CreateImageSdk;\n", "using CreateImageSdk;\nusing Acme;\n") + Overlay;

        [Fact]
        public async Task An_overlay_models_rules_are_checked_on_the_general_builder()
        {
            var source = Source("""
                        _ = {|#1:client.CreateImage("otter").WithModel(FlareOverlay.Models.GptImage2_5Flare).WithComplexity({|#0:Complexity.High|})|};
                        _ = client.CreateImage("otter").WithModel({|#3:FlareOverlay.Models.GptImage2_5Flare|}).WithQuality({|#2:ImageQuality.High|});
                        _ = {|#6:client.CreateImage("otter").WithModel(FlareOverlay.Models.GptImage2_5Flare).WithCount({|#4:6|}).WithComplexity({|#5:Complexity.High|})|}.WithQuality(ImageQuality.Custom("xhigh"));

                """);

            await VerifyAsync(
                source,
                Diagnostic(ModelRuleDescriptors.ForbiddenParameter).WithLocation(0).WithLocation(1).WithArguments("complexity", "gpt-image-2.5-flare"),
                Diagnostic(ModelRuleDescriptors.UnsupportedValue).WithLocation(2).WithLocation(3).WithArguments("quality", "high", "gpt-image-2.5-flare", "auto, xhigh"),
                Diagnostic(ModelRuleDescriptors.OutOfRange).WithLocation(4).WithMessage("n = 6 is not allowed for model 'gpt-image-2.5-flare' (at most 4)"),
                // An extension step in the middle of a chain is read as part of it (the custom quality after it is not reported).
                Diagnostic(ModelRuleDescriptors.ForbiddenParameter).WithLocation(5).WithLocation(6).WithArguments("complexity", "gpt-image-2.5-flare"));
        }

        [Fact]
        public async Task An_overlay_models_rules_are_checked_in_a_request_and_only_for_their_operation()
        {
            var source = Source("""
                        _ = new CreateImageRequest { Prompt = "otter", Model = FlareOverlay.Models.GptImage2_5Flare, Count = {|CIA003:6|} };
                        _ = new CreateImageRequest { Prompt = "otter", Model = FlareOverlay.Models.GptImage2_5Flare, Style = ImageStyle.Vivid };   // forbidden for edits only
                        _ = client.CreateImage("otter").WithModel(FlareOverlay.Models.GptImage2_5Sunburst).WithCount(6).WithComplexity(Complexity.High);

                """);

            await VerifyAsync(source);
        }
    }
}
