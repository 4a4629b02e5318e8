using System.Threading.Tasks;
using Xunit;
using static CreateImageSdk.Analyzers.Tests.ModelRulesVerifier;

namespace CreateImageSdk.Analyzers.Tests
{
    public sealed class ModelRulesAnalyzerTests
    {
        [Fact]
        public async Task UnsupportedValue_InAChain_IsReportedOnTheValue()
        {
            var source = Program("""
                        await client.CreateImage("otter").WithModel({|#1:ImageModel.DallE2|}).WithQuality({|#0:ImageQuality.Hd|}).SendAsync();

                """);

            // The model expression rides along as an additional location: the "Use model X" fix replaces it.
            await VerifyAsync(source, Diagnostic(ModelRuleDescriptors.UnsupportedValue).WithLocation(0).WithLocation(1)
                .WithMessage("quality 'hd' is not supported by model 'dall-e-2'; allowed: standard"));
        }

        [Fact]
        public async Task UnsupportedValue_InAnInitializer_IsReportedOnTheValue()
        {
            var source = Program("""
                        var request = new CreateImageRequest { Prompt = "otter", Model = ImageModel.DallE2, Quality = {|CIA001:ImageQuality.Hd|} };
                        await client.CreateImageAsync(request);

                """);

            await VerifyAsync(source);
        }

        [Fact]
        public async Task UnsupportedSize_IsReported_BothShapes()
        {
            var source = Program("""
                        await client.CreateImage("otter").WithModel(ImageModel.DallE2).WithSize({|CIA001:ImageSize.Size1792x1024|}).SendAsync();
                        _ = new CreateImageRequest { Prompt = "otter", Size = {|CIA001:ImageSize.Size256x256|}, Model = ImageModel.DallE3 };

                """);

            await VerifyAsync(source);
        }

        [Fact]
        public async Task ForbiddenParameter_InAChain_IsReportedOnTheArgument()
        {
            var source = Program("""
                        await {|#1:client.CreateImage("otter").WithModel(ImageModel.DallE2).WithStyle({|#0:ImageStyle.Vivid|})|}.SendAsync();

                """);

            // The call to remove rides along as an additional location.
            await VerifyAsync(source, Diagnostic(ModelRuleDescriptors.ForbiddenParameter).WithLocation(0).WithLocation(1)
                .WithMessage("style is not supported by model 'dall-e-2'; remove it"));
        }

        [Fact]
        public async Task ForbiddenParameter_InAnInitializer_IsReported_EvenForAVariableValue()
        {
            var source = Program("""
                        var style = ImageStyle.Natural;
                        _ = new CreateImageRequest { Prompt = "otter", Model = ImageModel.GptImage1, Style = {|CIA002:ImageStyle.Vivid|} };
                        _ = client.CreateImage("otter").WithModel(ImageModel.DallE2).WithStyle({|CIA002:style|});
                        ImageStyle? maybe = null;
                        _ = new CreateImageRequest { Prompt = "otter", Model = ImageModel.GptImage1, Style = maybe, Stream = null };

                """);

            await VerifyAsync(source);
        }

        [Fact]
        public async Task NumberOutOfRange_IsReported_BothShapes()
        {
            var source = Program("""
                        await client.CreateImage("otter").WithModel(ImageModel.DallE3).WithCount({|#0:4|}).SendAsync();
                        _ = new CreateImageRequest { Prompt = "otter", Model = ImageModel.DallE3, Count = {|CIA003:4|} };

                """);

            await VerifyAsync(source, Diagnostic(ModelRuleDescriptors.OutOfRange).WithLocation(0)
                .WithMessage("n = 4 is not allowed for model 'dall-e-3' (at most 1)"));
        }

        [Fact]
        public async Task RangesThatHoldForEveryModel_AreReported_EvenWithoutAModel()
        {
            var source = Program("""
                        _ = client.CreateImage("otter").WithCount({|#0:0|});
                        _ = client.CreateImage("otter").WithCount({|#1:11|}).WithOutputCompression({|#2:101|}).WithPartialImages({|#3:4|});
                        _ = new CreateImageRequest { Prompt = "otter", Count = {|#4:-1|} };
                        _ = client.CreateImage("otter").WithModel(ImageModel.DallE3).WithCount({|#5:0|});
                        _ = client.CreateImage("otter").WithModel(ImageModel.Custom("flux")).WithCount({|#6:12|});
                        _ = client.CreateImage("otter").WithCount(10).WithOutputCompression(0).WithPartialImages(3);

                """);

            await VerifyAsync(
                source,
                Diagnostic(ModelRuleDescriptors.OutOfRange).WithLocation(0).WithMessage("n = 0 is not allowed for any model (at least 1)"),
                Diagnostic(ModelRuleDescriptors.OutOfRange).WithLocation(1).WithMessage("n = 11 is not allowed for any model (at most 10)"),
                Diagnostic(ModelRuleDescriptors.OutOfRange).WithLocation(2).WithMessage("output_compression = 101 is not allowed for any model (at most 100)"),
                Diagnostic(ModelRuleDescriptors.OutOfRange).WithLocation(3).WithMessage("partial_images = 4 is not allowed for any model (at most 3)"),
                Diagnostic(ModelRuleDescriptors.OutOfRange).WithLocation(4).WithMessage("n = -1 is not allowed for any model (at least 1)"),
                Diagnostic(ModelRuleDescriptors.OutOfRange).WithLocation(5).WithMessage("n = 0 is not allowed for any model (at least 1)"),
                Diagnostic(ModelRuleDescriptors.OutOfRange).WithLocation(6).WithMessage("n = 12 is not allowed for any model (at most 10)"));
        }

        [Fact]
        public async Task NumberOutOfRange_UnderstandsConstants()
        {
            var source = Program("""
                        const int Four = 4;
                        _ = client.CreateImage("otter").WithModel(ImageModel.DallE3).WithCount({|CIA003:Four|});
                        _ = client.CreateImage("otter").WithModel(ImageModel.DallE3).WithCount({|CIA003:2 + 2|});

                """);

            await VerifyAsync(source);
        }

        [Fact]
        public async Task PromptTooLong_IsReported_BothShapes()
        {
            var prompt = "\"" + new string('a', 1001) + "\"";
            var source = Program($$"""
                        _ = client.CreateImage({|#0:{{prompt}}|}).WithModel(ImageModel.DallE2);
                        _ = new CreateImageRequest { Prompt = {|CIA004:{{prompt}}|}, Model = ImageModel.DallE2 };

                """);

            await VerifyAsync(source, Diagnostic(ModelRuleDescriptors.PromptTooLong).WithLocation(0)
                .WithMessage("the prompt has 1001 characters; model 'dall-e-2' accepts at most 1000"));
        }

        [Fact]
        public async Task PromptLength_CountsASurrogatePairAsOneCharacter()
        {
            // 1000 otters are 2000 UTF-16 code units, but 1000 characters to a person and to the SDK.
            var otters = string.Concat(System.Linq.Enumerable.Repeat("\U0001F9A6", 1000));
            var source = Program($$"""
                        _ = client.CreateImage("{{otters}}").WithModel(ImageModel.DallE2);
                        _ = client.CreateImage({|CIA004:"{{otters}}a"|}).WithModel(ImageModel.DallE2);

                """);

            await VerifyAsync(source);
        }

        [Fact]
        public async Task ModelSetLaterInTheChain_StillApplies_AndEachChainIsReportedOnce()
        {
            var source = Program("""
                        await client.CreateImage("otter")
                            .WithQuality({|CIA001:ImageQuality.Hd|})
                            .WithStyle({|CIA002:ImageStyle.Vivid|})
                            .WithModel(ImageModel.DallE2)
                            .WithOutputFormat({|CIA002:ImageOutputFormat.Png|})
                            .SendAsync();

                """);

            await VerifyAsync(source);
        }

        [Fact]
        public async Task TheLastSettingOfAParameter_IsTheOneChecked()
        {
            var source = Program("""
                        _ = client.CreateImage("otter").WithModel(ImageModel.DallE2).WithQuality(ImageQuality.Hd).WithQuality(ImageQuality.Standard);
                        _ = client.CreateImage("otter").WithModel(ImageModel.DallE3).WithModel(ImageModel.DallE2).WithQuality({|CIA001:ImageQuality.Hd|});

                """);

            await VerifyAsync(source);
        }

        [Fact]
        public async Task AChainFromABuilderVariable_IsChecked()
        {
            var source = Program("""
                        var builder = client.CreateImage("otter");
                        await builder.WithModel(ImageModel.DallE3).WithCount({|CIA003:2|}).SendAsync();

                """);

            await VerifyAsync(source);
        }

        [Fact]
        public async Task ValidRequests_AreSilent()
        {
            var source = Program("""
                        await client.CreateImage("otter").WithModel(ImageModel.DallE3).WithQuality(ImageQuality.Hd).WithSize(ImageSize.Size1792x1024)
                            .WithStyle(ImageStyle.Vivid).WithCount(1).SendAsync();
                        await client.CreateImage("otter").WithModel(ImageModel.GptImage1_5).WithQuality(ImageQuality.High).WithSize(ImageSize.Size1536x1024)
                            .WithBackground(ImageBackground.Transparent).WithOutputFormat(ImageOutputFormat.Png).WithCount(4).SendAsync();
                        _ = new CreateImageRequest { Prompt = "otter", Model = ImageModel.DallE2, Quality = ImageQuality.Standard, Size = ImageSize.Size512x512, Count = 10 };

                """);

            await VerifyAsync(source);
        }

        [Fact]
        public async Task ValuesNotKnownAtCompileTime_AreLeftToTheRuntimeCheck()
        {
            var source = Program("""
                        var quality = ImageQuality.Hd;
                        var count = 4;
                        var model = ImageModel.DallE2;
                        _ = client.CreateImage("otter").WithModel(ImageModel.DallE2).WithQuality(quality).WithCount(count);
                        _ = client.CreateImage("otter").WithModel(model).WithQuality(ImageQuality.Hd);
                        var id = "dall-e-2";
                        _ = client.CreateImage("otter").WithModel(ImageModel.Custom(id)).WithQuality(ImageQuality.Hd).WithStyle(ImageStyle.Vivid);
                        _ = client.CreateImage("otter").WithModel(ImageModel.Custom("dall-e-2", rulesOf: model)).WithQuality(ImageQuality.Hd);
                        _ = client.CreateImage("otter").WithModel(ImageModel.DallE3).WithSize(ImageSize.Custom(256, 256));

                """);

            await VerifyAsync(source);
        }

        [Fact]
        public async Task KinModels_AreCheckedAsTheModelWhoseRulesTheyFollow()
        {
            // A known id given to Custom, a dated snapshot of a known model, and a new id that borrows a model's rules
            // are checked by that model's rules, as at run time, and the message names the id that is sent.
            var source = Program("""
                        _ = new CreateImageRequest { Prompt = "otter", Model = ImageModel.Custom("dall-e-3"), Count = {|#0:4|} };
                        _ = client.CreateImage("otter").WithModel({|#4:ImageModel.Custom("dall-e-3-2026-09-01")|}).WithQuality({|#1:ImageQuality.Low|});
                        _ = {|#5:client.CreateImage("otter").WithModel(ImageModel.Custom("gpt-image-2.5-flare", rulesOf: ImageModel.DallE2)).WithStyle({|#2:ImageStyle.Vivid|})|};
                        _ = client.CreateImage("otter").WithModel(ImageModel.Custom("dall-e-9", rulesOf: ImageModel.Custom("dall-e-3-2026-09-01"))).WithCount({|#3:2|});

                """);

            await VerifyAsync(
                source,
                Diagnostic(ModelRuleDescriptors.OutOfRange).WithLocation(0).WithMessage("n = 4 is not allowed for model 'dall-e-3' (at most 1)"),
                Diagnostic(ModelRuleDescriptors.UnsupportedValue).WithLocation(1).WithLocation(4).WithArguments("quality", "low", "dall-e-3-2026-09-01", "standard, hd"),
                Diagnostic(ModelRuleDescriptors.ForbiddenParameter).WithLocation(2).WithLocation(5).WithArguments("style", "gpt-image-2.5-flare"),
                Diagnostic(ModelRuleDescriptors.OutOfRange).WithLocation(3).WithMessage("n = 2 is not allowed for model 'dall-e-9' (at most 1)"));
        }

        [Fact]
        public async Task CustomValues_AndUncheckedOrUnknownModels_AreNeverReported()
        {
            // A value the SDK does not know is the runtime's to check; an unchecked or unknown model has no model's rules.
            var source = Program("""
                        _ = client.CreateImage("otter").WithModel(ImageModel.DallE2).WithQuality(ImageQuality.Custom("xhigh"));
                        _ = new CreateImageRequest { Prompt = "otter", Model = ImageModel.GptImage1, Quality = ImageQuality.Custom("ultra") };
                        _ = new CreateImageRequest { Prompt = "otter", Model = ImageModel.DallE3, Style = ImageStyle.Custom("noir"), Size = ImageSize.Custom("4096x4096") };
                        _ = client.CreateImage("otter").WithModel(ImageModel.Unchecked("dall-e-3")).WithCount(4).WithQuality(ImageQuality.Low);
                        _ = client.CreateImage("otter").WithModel(ImageModel.Custom("gpt-image-2.5-flare")).WithQuality(ImageQuality.Hd).WithStyle(ImageStyle.Vivid);
                        _ = client.CreateImage("otter").WithModel(ImageModel.Custom("dall-e-3-preview")).WithCount(4);

                """);

            await VerifyAsync(source);
        }

        [Fact]
        public async Task RequestsWithoutAModel_AreSilent()
        {
            var source = Program("""
                        _ = client.CreateImage("otter").WithQuality(ImageQuality.Hd).WithCount(10).WithStyle(ImageStyle.Vivid);
                        _ = new CreateImageRequest { Prompt = "otter", Quality = ImageQuality.Hd, Count = 10 };

                """);

            await VerifyAsync(source);
        }

        [Fact]
        public async Task FreeSizes_AreAcceptedWhereTheModelTakesThem()
        {
            // 1792x1024 is not listed for gpt-image-2 but satisfies its free-size rule; 256x256 has too few pixels.
            var source = Program("""
                        _ = client.CreateImage("otter").WithModel(ImageModel.GptImage2).WithSize(ImageSize.Size1792x1024);
                        _ = client.CreateImage("otter").WithModel({|#1:ImageModel.GptImage2|}).WithSize({|#0:ImageSize.Size256x256|});
                        _ = client.CreateImage("otter").WithModel(ImageModel.GptImage1).WithSize({|CIA001:ImageSize.Size1792x1024|});

                """);

            await VerifyAsync(source, Diagnostic(ModelRuleDescriptors.UnsupportedValue).WithLocation(0).WithLocation(1).WithMessage(
                "size '256x256' is not supported by model 'gpt-image-2'; allowed: auto, 1024x1024, 1536x1024, 1024x1536, or WIDTHxHEIGHT " +
                "with both sides multiples of 16, the longest side at most 3,840, an aspect ratio between 1:3 and 3:1, and 655,360 to 8,294,400 pixels"));
        }

        [Fact]
        public async Task ACompilationWithoutTheSdk_IsLeftAlone()
        {
            // Look-alike types without the SDK's rule attributes: nothing to read, nothing reported.
            await VerifyWithoutSdkAsync("""
                namespace CreateImageSdk
                {
                    public struct ImageModel { public static ImageModel DallE3 => default; }
                    public sealed class CreateImageRequest { public ImageModel? Model { get; init; } public int? Count { get; init; } }
                    public sealed class CreateImageRequestBuilder { }
                    public sealed class ImageClient { }

                    internal static class Program
                    {
                        internal static object Run() => new CreateImageRequest { Model = ImageModel.DallE3, Count = 4 };
                    }
                }
                """);
        }
    }
}
