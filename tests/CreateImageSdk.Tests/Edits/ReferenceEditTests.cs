using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using CreateImageSdk.Tests.Faults;
using Xunit;

namespace CreateImageSdk.Tests.Edits
{
    /// <summary>The JSON form of the edit operation: images by URL, data URL or file id.</summary>
    public class ReferenceEditTests : IClassFixture<ServerFixture>
    {
        private readonly ServerFixture _fixture;

        public ReferenceEditTests(ServerFixture fixture) => _fixture = fixture;

        [Fact]
        public async Task References_AreSentAsJson_ToTheEditEndpoint()
        {
            await using var server = await FaultServer.StartAsync(Fault.Ok());
            using var client = FaultTests.Client(server);

            await client.EditImageWithReferences("Add snow", ImageReference.FromUrl(new Uri("https://example.com/a.png")), ImageReference.FromFileId("file-abc123"))
                .WithMask(ImageReference.FromFileId("file-mask"))
                .WithInputFidelity(InputFidelity.High)
                .SendAsync(FaultTests.Bound());

            Assert.Equal("/v1/images/edits", Assert.Single(server.Paths));
            Assert.StartsWith("application/json", server.RawRequests[0].ContentType);
            Assert.Equal(
                "{\"prompt\":\"Add snow\",\"images\":[{\"image_url\":\"https://example.com/a.png\"},{\"file_id\":\"file-abc123\"}],\"mask\":{\"file_id\":\"file-mask\"},\"input_fidelity\":\"high\"}",
                server.Bodies[0]);
        }

        [Fact]
        public async Task ADataUrl_IsEditedByTheLocalServer_EndToEnd()
        {
            var response = await _fixture.Client
                .EditImageWithReferences("Add snow", ImageReference.FromImage(TestImages.Png(1024, 1024)))
                .UsingGptImage1_5()
                .WithSize(GptImage1_5ReferenceEditSize.Size1024x1536)
                .SendAsync();

            Assert.Equal((1024, 1536), PngInfo.Read(Assert.Single(response.Data).Bytes!));
            using var sent = JsonDocument.Parse(_fixture.Server.Requests.Last().Body);
            Assert.StartsWith("data:image/png;base64,", sent.RootElement.GetProperty("images")[0].GetProperty("image_url").GetString());
        }

        [Fact]
        public async Task DallEModels_AreRefusedBeforeSending()
        {
            await using var server = await FaultServer.StartAsync(Fault.Ok());
            using var client = FaultTests.Client(server);

            var ex = await Assert.ThrowsAsync<ImageRequestValidationException>(() =>
                client.EditImageWithReferences("Add snow", ImageReference.FromFileId("file-1")).WithModel(ImageModel.DallE2).SendAsync(FaultTests.Bound()));

            Assert.StartsWith("model \"dall-e-2\" is not accepted by POST images/edits; use gpt-image-1,", Assert.Single(ex.Violations).Message);
            Assert.Equal(0, server.Attempts);
            Assert.Null(typeof(EditImageWithReferencesRequestBuilder).GetMethod("UsingDallE2"));
        }

        [Fact]
        public void References_AreMadeWhole_OrRefused()
        {
            Assert.Contains("absolute http or https URL", Assert.Throws<ArgumentException>(() => ImageReference.FromUrl(new Uri("ftp://example.com/a.png"))).Message);
            Assert.Contains("file id is needed", Assert.Throws<ArgumentException>(() => ImageReference.FromFileId(" ")).Message);
            Assert.Contains("GIF", Assert.Throws<ArgumentException>(() => ImageReference.FromImage(TestImages.Gif())).Message);
            var reference = ImageReference.FromFileId("file-1");
            Assert.Null(reference.ImageUrl);
        }
    }
}
