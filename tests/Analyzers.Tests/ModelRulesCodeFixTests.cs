using System.Threading.Tasks;
using CreateImageSdk.CodeFixes;
using Xunit;
using static CreateImageSdk.Analyzers.Tests.ModelRulesVerifier;

namespace CreateImageSdk.Analyzers.Tests
{
    public sealed class ModelRulesCodeFixTests
    {
        [Fact]
        public async Task UnsupportedValue_UseTheFirstAllowedValue()
        {
            var source = Program("""
                        await client.CreateImage("otter").WithModel(ImageModel.DallE2).WithQuality({|CIA001:ImageQuality.Hd|}).SendAsync();

                """);
            var fixedSource = Program("""
                        await client.CreateImage("otter").WithModel(ImageModel.DallE2).WithQuality(ImageQuality.Standard).SendAsync();

                """);

            await VerifyFixAsync<UnsupportedValueCodeFixProvider>(source, fixedSource, UnsupportedValueCodeFixProvider.NearestValueKey, "Use 'standard'");
        }

        [Fact]
        public async Task UnsupportedSize_UseTheNearestAllowedSize()
        {
            // dall-e-2 at 1792x1024: 1024x1024 is the nearest of 256x256, 512x512, 1024x1024; dall-e-3 at 256x256: 1024x1024.
            var source = Program("""
                        _ = client.CreateImage("otter").WithModel(ImageModel.DallE2).WithSize({|CIA001:ImageSize.Size1792x1024|});
                        _ = new CreateImageRequest { Prompt = "otter", Model = ImageModel.DallE3, Size = {|CIA001:ImageSize.Size256x256|} };

                """);
            var fixedSource = Program("""
                        _ = client.CreateImage("otter").WithModel(ImageModel.DallE2).WithSize(ImageSize.Size1024x1024);
                        _ = new CreateImageRequest { Prompt = "otter", Model = ImageModel.DallE3, Size = ImageSize.Size1024x1024 };

                """);

            await VerifyFixAsync<UnsupportedValueCodeFixProvider>(source, fixedSource, UnsupportedValueCodeFixProvider.NearestValueKey);
        }

        [Fact]
        public async Task UnsupportedValue_UseAModelThatAcceptsIt()
        {
            var source = Program("""
                        _ = new CreateImageRequest { Prompt = "otter", Model = ImageModel.DallE2, Quality = {|CIA001:ImageQuality.Hd|} };

                """);
            var fixedSource = Program("""
                        _ = new CreateImageRequest { Prompt = "otter", Model = ImageModel.DallE3, Quality = ImageQuality.Hd };

                """);

            await VerifyFixAsync<UnsupportedValueCodeFixProvider>(source, fixedSource, UnsupportedValueCodeFixProvider.ModelKeyPrefix + "DallE3", "Use model 'dall-e-3'");
        }

        [Fact]
        public async Task UnsupportedValue_OffersUpToThreeModels_InDeclarationOrder()
        {
            // 1792x1024 suits dall-e-3 (listed), gpt-image-2 and gpt-image-2-2026-04-21 (free sizes): the third is still offered.
            var source = Program("""
                        _ = client.CreateImage("otter").WithModel(ImageModel.GptImage1).WithSize({|CIA001:ImageSize.Size1792x1024|});

                """);
            var fixedSource = Program("""
                        _ = client.CreateImage("otter").WithModel(ImageModel.GptImage2_2026_04_21).WithSize(ImageSize.Size1792x1024);

                """);

            await VerifyFixAsync<UnsupportedValueCodeFixProvider>(source, fixedSource, UnsupportedValueCodeFixProvider.ModelKeyPrefix + "GptImage2_2026_04_21", "Use model 'gpt-image-2-2026-04-21'");
        }

        [Fact]
        public async Task ForbiddenParameter_RemoveTheCallFromAMultiLineChain()
        {
            var source = Program("""
                        await client.CreateImage("otter")
                            .WithModel(ImageModel.DallE2)
                            .WithStyle({|CIA002:ImageStyle.Vivid|})
                            .WithSize(ImageSize.Size512x512)
                            .SendAsync();
                        var builder = client.CreateImage("otter")
                            .WithModel(ImageModel.DallE3)
                            .WithBackground({|CIA002:ImageBackground.Opaque|});

                """);
            var fixedSource = Program("""
                        await client.CreateImage("otter")
                            .WithModel(ImageModel.DallE2)
                            .WithSize(ImageSize.Size512x512)
                            .SendAsync();
                        var builder = client.CreateImage("otter")
                            .WithModel(ImageModel.DallE3);

                """);

            await VerifyFixAsync<ForbiddenParameterCodeFixProvider>(source, fixedSource, ForbiddenParameterCodeFixProvider.RemoveKey);
        }

        [Fact]
        public async Task ForbiddenParameter_RemoveTheInitializerAssignment()
        {
            var source = Program("""
                        _ = new CreateImageRequest { Prompt = "otter", Model = ImageModel.DallE2, Style = {|CIA002:ImageStyle.Vivid|} };

                """);
            var fixedSource = Program("""
                        _ = new CreateImageRequest { Prompt = "otter", Model = ImageModel.DallE2 };

                """);

            await VerifyFixAsync<ForbiddenParameterCodeFixProvider>(source, fixedSource, ForbiddenParameterCodeFixProvider.RemoveKey, "Remove style");
        }

        [Fact]
        public async Task ForbiddenParameter_RemoveAnAssignmentFromAMultiLineInitializer()
        {
            var source = Program("""
                        _ = new CreateImageRequest
                        {
                            Prompt = "otter",
                            Stream = {|CIA002:true|},
                            Model = ImageModel.DallE3,
                        };
                        _ = new CreateImageRequest
                        {
                            Prompt = "otter",
                            Model = ImageModel.DallE3,
                            Moderation = {|CIA002:ImageModeration.Low|}
                        };

                """);
            var fixedSource = Program("""
                        _ = new CreateImageRequest
                        {
                            Prompt = "otter",
                            Model = ImageModel.DallE3,
                        };
                        _ = new CreateImageRequest
                        {
                            Prompt = "otter",
                            Model = ImageModel.DallE3
                        };

                """);

            await VerifyFixAsync<ForbiddenParameterCodeFixProvider>(source, fixedSource, ForbiddenParameterCodeFixProvider.RemoveKey);
        }

        [Fact]
        public async Task NumberOutOfRange_UseTheNearestBound()
        {
            var source = Program("""
                        _ = client.CreateImage("otter").WithModel(ImageModel.DallE3).WithCount({|CIA003:4|});
                        _ = new CreateImageRequest { Prompt = "otter", Model = ImageModel.DallE3, Count = {|CIA003:2 + 2|} };

                """);
            var fixedSource = Program("""
                        _ = client.CreateImage("otter").WithModel(ImageModel.DallE3).WithCount(1);
                        _ = new CreateImageRequest { Prompt = "otter", Model = ImageModel.DallE3, Count = 1 };

                """);

            await VerifyFixAsync<OutOfRangeCodeFixProvider>(source, fixedSource, OutOfRangeCodeFixProvider.BoundKey, "Use 1");
        }

        [Fact]
        public async Task NumberOutOfRangeForEveryModel_UseTheNearestBound()
        {
            var source = Program("""
                        _ = client.CreateImage("otter").WithCount({|CIA003:0|}).WithPartialImages(3);

                """);
            var fixedSource = Program("""
                        _ = client.CreateImage("otter").WithCount(1).WithPartialImages(3);

                """);

            await VerifyFixAsync<OutOfRangeCodeFixProvider>(source, fixedSource, OutOfRangeCodeFixProvider.BoundKey, "Use 1");
        }
    }
}
