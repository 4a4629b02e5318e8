using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace CreateImageSdk.Tests.Edits
{
    /// <summary>Edits through the fluent, raw and streaming APIs, against the local OpenAI-compatible server.</summary>
    public class EditEndToEndTests : IClassFixture<ServerFixture>
    {
        private readonly ServerFixture _fixture;

        public EditEndToEndTests(ServerFixture fixture) => _fixture = fixture;

        [Fact]
        public async Task Fluent_ReturnsTheEditedImage_OfTheRequestedSize()
        {
            var response = await _fixture.Client
                .EditImage("Add a beret", ImageInput.FromBytes(TestImages.Png(1024, 1024)))
                .UsingGptImage1_5()
                .WithSize(GptImage1_5EditSize.Size1536x1024)
                .WithInputFidelity(InputFidelity.High)
                .WithQuality(GptImage1_5EditQuality.Low)
                .SendAsync();

            var image = Assert.Single(response.Data);
            Assert.Equal((1536, 1024), PngInfo.Read(image.Bytes!));
            Assert.True(response.Usage!.InputTokensDetails!.ImageTokens > 0); // the server counted the uploaded image
        }

        [Fact]
        public async Task DallE2_TakesOneSquarePng_AndAnswersWithTheSizeAsked()
        {
            var response = await _fixture.Client
                .EditImage("Add a beret", ImageInput.FromBytes(TestImages.Png(256, 256)))
                .UsingDallE2()
                .WithSize(DallE2EditSize.Size512x512)
                .WithResponseFormat(ImageResponseFormat.B64Json)
                .WithMask(ImageInput.FromBytes(TestImages.Png(256, 256, 0x00)))
                .SendAsync();

            Assert.Equal((512, 512), PngInfo.Read(Assert.Single(response.Data).Bytes!));
        }

        [Fact]
        public async Task Raw_ReturnsStatusAndBody_AsTheServerSentThem()
        {
            var raw = await _fixture.Client
                .EditImage("Add a beret", ImageInput.FromBytes(TestImages.Png(64, 64)), ImageInput.FromBytes(TestImages.Webp()))
                .WithModel(ImageModel.GptImage1)
                .SendRawAsync();

            Assert.Equal(200, raw.StatusCode);
            using var body = JsonDocument.Parse(raw.Body);
            Assert.Single(body.RootElement.GetProperty("data").EnumerateArray());
            var recorded = _fixture.Server.Requests.Last(r => r.Path.EndsWith("/images/edits", StringComparison.Ordinal));
            Assert.Contains("name=\"image[]\"", recorded.Body);
        }

        [Fact]
        public async Task Raw_ReturnsTheServersRefusal_WithoutThrowing()
        {
            var raw = await _fixture.Client
                .EditImage("Add a beret", ImageInput.FromBytes(TestImages.Png(64, 64)))
                .WithModel(ImageModel.Custom("no-such-model"))
                .SendRawAsync();

            Assert.Equal(400, raw.StatusCode);
            Assert.Contains("no-such-model", raw.Body);
        }

        [Fact]
        public async Task Stream_YieldsPartialImages_ThenTheEditedImage()
        {
            var events = new List<ImageStreamEvent>();
            await foreach (var e in _fixture.Client
                               .EditImage("Add a beret", ImageInput.FromBytes(TestImages.Png(1024, 1024)))
                               .UsingGptImage1_5()
                               .WithPartialImages(2)
                               .StreamAsync())
            {
                events.Add(e);
            }

            Assert.Equal(
                new[] { ImageStreamEventType.ImageEditPartialImage, ImageStreamEventType.ImageEditPartialImage, ImageStreamEventType.ImageEditCompleted },
                events.Select(e => e.Type));
            Assert.Equal(new int?[] { 0, 1, null }, events.Select(e => e.PartialImageIndex));
            Assert.NotNull(events[^1].Usage);
            PngInfo.Read(events[^1].Bytes!);
        }

        [Fact]
        public async Task ServerRefusal_IsAnImageApiException_NamingTheParameter()
        {
            var ex = await Assert.ThrowsAsync<ImageApiException>(() => _fixture.Client
                .EditImage("Add a beret", ImageInput.FromBytes(TestImages.Png(64, 64)))
                .WithModel(ImageModel.Custom("no-such-model"))
                .SendAsync());

            Assert.Equal(400, ex.StatusCode);
            Assert.Equal("model", ex.Param);
        }
    }
}
