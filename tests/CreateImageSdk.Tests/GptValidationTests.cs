using System.Linq;
using Xunit;

namespace CreateImageSdk.Tests
{
    public class GptValidationTests
    {
        private static string[] Params(CreateImageRequest request) => request.Validate().Select(v => v.Parameter).ToArray();

        [Fact]
        public void GptModels_AcceptTheirParameters()
        {
            foreach (var model in new[] { ImageModel.GptImage1, ImageModel.GptImage1Mini, ImageModel.GptImage1_5, ImageModel.GptImage2, ImageModel.GptImage2_2026_04_21 })
            {
                var request = new CreateImageRequest
                {
                    Prompt = new string('a', 32000), Model = model, Count = 10, Quality = ImageQuality.Low, Size = ImageSize.Size1536x1024,
                    Background = ImageBackground.Opaque, Moderation = ImageModeration.Low, OutputFormat = ImageOutputFormat.Jpeg, OutputCompression = 50,
                };
                Assert.Empty(request.Validate());
            }
        }

        [Fact]
        public void GptModels_RefuseDallEOnlyParameters()
        {
            var request = new CreateImageRequest { Prompt = "otter", Model = ImageModel.GptImage1, ResponseFormat = ImageResponseFormat.Url, Style = ImageStyle.Vivid, Quality = ImageQuality.Hd };
            Assert.Equal(new[] { "quality", "response_format", "style" }, Params(request));
            Assert.Contains("when model is one of gpt-image-1, gpt-image-1-mini, gpt-image-1.5, gpt-image-2, gpt-image-2-2026-04-21", request.Validate()[0].Message);
        }

        [Fact]
        public void GptPromptLimit_Is32000()
        {
            Assert.Equal(new[] { "prompt" }, Params(new CreateImageRequest { Prompt = new string('a', 32001), Model = ImageModel.GptImage1_5 }));
        }

        [Fact]
        public void DallEModels_RefuseGptOnlyParameters()
        {
            var request = new CreateImageRequest { Prompt = "otter", Model = ImageModel.DallE3, Background = ImageBackground.Transparent, Stream = true };
            Assert.Equal(new[] { "background", "stream" }, Params(request));
        }

        [Fact]
        public void AbsentModel_WithAGptParameter_IsNotJudgedAsDallE2()
        {
            // The service picks a GPT image model when a GPT-only parameter is sent without a model.
            Assert.Empty(new CreateImageRequest { Prompt = new string('a', 2000), Background = ImageBackground.Opaque, Quality = ImageQuality.High }.Validate());
        }

        [Fact]
        public void TransparentBackground_NeedsPngOrWebp()
        {
            var request = new CreateImageRequest { Prompt = "otter", Model = ImageModel.GptImage1, Background = ImageBackground.Transparent, OutputFormat = ImageOutputFormat.Jpeg };
            var violation = Assert.Single(request.Validate());
            Assert.Equal("output_format \"jpeg\" is not allowed when background is transparent; allowed values: png, webp.", violation.Message);
            Assert.Empty((request with { OutputFormat = null }).Validate());
        }

        [Fact]
        public void OutputCompression_NeedsJpegOrWebp()
        {
            var noFormat = new CreateImageRequest { Prompt = "otter", Model = ImageModel.GptImage1, OutputCompression = 50 };
            Assert.Equal("output_format is required when output_compression is set.", Assert.Single(noFormat.Validate()).Message);
            Assert.Equal(new[] { "output_format" }, Params(noFormat with { OutputFormat = ImageOutputFormat.Png }));
            Assert.Empty((noFormat with { OutputFormat = ImageOutputFormat.Webp }).Validate());
            Assert.Equal(new[] { "output_compression" }, Params(noFormat with { OutputFormat = ImageOutputFormat.Webp, OutputCompression = 101 }));
        }

        [Fact]
        public void PartialImages_NeedStreaming()
        {
            var request = new CreateImageRequest { Prompt = "otter", Model = ImageModel.GptImage1, PartialImages = 2 };
            Assert.Equal(new[] { "stream" }, Params(request));
            Assert.Equal(new[] { "stream" }, Params(request with { Stream = false }));
            Assert.Empty((request with { Stream = true }).Validate());
            Assert.Equal(new[] { "partial_images" }, Params(request with { Stream = true, PartialImages = 4 }));
        }

        [Fact]
        public void FreeSizes_OnlyForGptImage2_AndOnlyWithinTheRule()
        {
            var request = new CreateImageRequest { Prompt = "otter", Model = ImageModel.GptImage2, Size = ImageSize.Custom(1536, 864) };
            Assert.Empty(request.Validate());
            Assert.Empty((request with { Model = ImageModel.GptImage2_2026_04_21, Size = ImageSize.Size1792x1024 }).Validate());
            Assert.Equal(new[] { "size" }, Params(request with { Model = ImageModel.GptImage1 }));

            var bad = (request with { Size = ImageSize.Custom("1000x1000") }).Validate();
            Assert.Equal(
                "size \"1000x1000\" is not a valid size when model is gpt-image-2 or gpt-image-2-2026-04-21; both sides must be multiples of 16; allowed: auto, 1024x1024, 1536x1024, 1024x1536, or WIDTHxHEIGHT with both sides multiples of 16, the longest side at most 3,840, an aspect ratio between 1:3 and 3:1, and 655,360 to 8,294,400 pixels.",
                Assert.Single(bad).Message);
            Assert.Equal(new[] { "size" }, Params(request with { Size = ImageSize.Custom("huge") }));
        }

        [Fact]
        public async System.Threading.Tasks.Task StreamingFlag_OnTheNonStreamingCall_IsRefusedWithAPointer()
        {
            using var client = new ImageClient(new ImageClientOptions { ApiKey = "k", BaseUri = new System.Uri("http://127.0.0.1:9/v1/") });
            var ex = await Assert.ThrowsAsync<System.ArgumentException>(() => client.CreateImageAsync(new CreateImageRequest { Prompt = "otter", Model = ImageModel.GptImage1, Stream = true }));
            Assert.Contains("CreateImageStreamAsync", ex.Message);
        }
    }
}
