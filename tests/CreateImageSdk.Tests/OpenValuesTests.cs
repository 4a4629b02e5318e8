using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using CreateImageSdk.LocalServer;
using CreateImageSdk.Tests.Edits;
using Xunit;

namespace CreateImageSdk.Tests
{
    /// <summary>
    /// Values this version does not know (a quality the service added last month, a model announced without a spec) go
    /// on the wire exactly as given, through every way of building a request; known models keep their checks, by kinship
    /// for dated snapshots and borrowed rules. Over a real local server that serves a new model with gpt-image-2's rules
    /// and an extra quality, as the service would.
    /// </summary>
    public sealed class OpenValuesTests : IAsyncLifetime
    {
        private const string Flare = "gpt-image-2.5-flare";
        private LocalImageServer _server = null!;
        private ImageClient _client = null!;

        public async Task InitializeAsync()
        {
            _server = await LocalImageServer.StartAsync(new LocalImageServerOptions
            {
                ApiKey = null,
                AdditionalModels = [new AdditionalModel(Flare, "gpt-image-2") { Qualities = ["xhigh"] }],
            });
            _client = new ImageClient(new ImageClientOptions { BaseUri = _server.BaseUri });
        }

        public async Task DisposeAsync()
        {
            _client.Dispose();
            await _server.DisposeAsync();
        }

        [Fact]
        public async Task UnknownQuality_ForAnUnknownModel_GoesOnTheWireAsGiven_FromTheBuilderAndTheRequest()
        {
            await _client.CreateImage("A fox").WithModel(ImageModel.Custom(Flare)).WithQuality(ImageQuality.Custom("xhigh")).SendAsync();
            Assert.Equal("{\"prompt\":\"A fox\",\"model\":\"gpt-image-2.5-flare\",\"quality\":\"xhigh\"}", _server.Requests[^1].Body);

            await _client.CreateImageAsync(new CreateImageRequest { Prompt = "A fox", Model = ImageModel.Custom(Flare), Quality = ImageQuality.Custom("xhigh") });
            Assert.Equal("{\"prompt\":\"A fox\",\"model\":\"gpt-image-2.5-flare\",\"quality\":\"xhigh\"}", _server.Requests[^1].Body);
        }

        [Fact]
        public async Task BorrowedRules_CheckTheNewModel_AndItsTypedBuilderSendsItsOwnId()
        {
            var flare = ImageModel.Custom(Flare, rulesOf: ImageModel.GptImage2);
            Assert.Equal(ImageModel.GptImage2, flare.RulesOf);
            Assert.Equal(Flare, flare.ToString());
            Assert.Equal(ImageModel.Custom(Flare), flare); // equality is the id's

            // gpt-image-2's checks: no style, free sizes within its rule.
            var refused = await Assert.ThrowsAsync<ImageRequestValidationException>(() => _client.CreateImage("A fox").WithModel(flare).WithStyle(ImageStyle.Vivid).SendAsync());
            Assert.Equal("style", Assert.Single(refused.Violations).Parameter);
            Assert.Contains(new CreateImageRequest { Prompt = "x", Model = flare, Size = ImageSize.Custom(1000, 1000) }.Validate(), v => v.Parameter == "size");

            // ... and gpt-image-2's typed builder, with the new id on the wire.
            var response = await _client.CreateImage("A fox").UsingGptImage2(flare).WithSize(GptImage2Size.Custom(1536, 864)).WithQuality(GptImage2Quality.High).SendAsync();
            Assert.Single(response.Data);
            Assert.Equal("{\"prompt\":\"A fox\",\"model\":\"gpt-image-2.5-flare\",\"quality\":\"high\",\"size\":\"1536x864\"}", _server.Requests[^1].Body);
            var wrongBuilder = Assert.Throws<ArgumentException>(() => _client.CreateImage("A fox").UsingDallE3(flare));
            Assert.Contains("ImageModel.Custom(\"gpt-image-2.5-flare\", rulesOf: ImageModel.DallE3)", wrongBuilder.Message);
            Assert.Throws<ArgumentException>(() => ImageModel.Custom(Flare, rulesOf: ImageModel.Custom("gpt-image-9")));
        }

        [Fact]
        public async Task UnknownValue_ForAKnownModel_IsRefusedWithTheWayToSendItUnchecked()
        {
            var request = new CreateImageRequest { Prompt = "A fox", Model = ImageModel.GptImage2, Quality = ImageQuality.Custom("xhigh") };
            var violation = Assert.Single(request.Validate());
            Assert.Equal(
                "quality \"xhigh\" is not allowed when model is one of gpt-image-1, gpt-image-1-mini, gpt-image-1.5, gpt-image-2, gpt-image-2-2026-04-21; allowed values: auto, low, medium, high; " +
                "\"xhigh\" is not a value this version of the SDK knows, so the model's list may be out of date: to send it anyway, name the model with ImageModel.Unchecked(\"gpt-image-2\") " +
                "(create-image: --unchecked), which only the rules every model shares check.",
                violation.Message);
            // A known value the model does not take says nothing about sending it unchecked.
            Assert.DoesNotContain("Unchecked", Assert.Single((request with { Quality = ImageQuality.Hd }).Validate()).Message);
            // Nor does a rule every model shares (transparent needs png or webp), which Unchecked would not lift.
            Assert.DoesNotContain("Unchecked", Assert.Single(new CreateImageRequest { Prompt = "x", Model = ImageModel.Custom(Flare), Background = ImageBackground.Transparent, OutputFormat = ImageOutputFormat.Custom("avif") }.Validate()).Message);

            // Unchecked: the id as given, only the shared rules (n still at most 10; the prompt still not blank).
            var unchecked_ = request with { Model = ImageModel.Unchecked("gpt-image-2") };
            Assert.True(unchecked_.Model!.Value.IsUnchecked);
            Assert.Null(unchecked_.Model.Value.RulesOf);
            Assert.Empty(unchecked_.Validate());
            Assert.Equal("n", Assert.Single((unchecked_ with { Count = 11 }).Validate()).Parameter);
            Assert.Equal("{\"prompt\":\"A fox\",\"model\":\"gpt-image-2\",\"quality\":\"xhigh\"}", JsonSerializer.Serialize(unchecked_, CreateImageSdkJsonContext.Default.CreateImageRequest));
        }

        [Theory]
        [InlineData("gpt-image-2-2026-09-01", "gpt-image-2")]
        [InlineData("gpt-image-1.5-2026-12-01", "gpt-image-1.5")]
        [InlineData("dall-e-3-2026-01-01", "dall-e-3")]
        [InlineData("gpt-image-2-2026-04-21", "gpt-image-2-2026-04-21")]
        [InlineData("gpt-image-9-2026-01-01", null)]
        [InlineData("gpt-image-2-2026-9-01", null)]
        [InlineData("gpt-image-2-latest", null)]
        public void DatedSnapshot_FollowsItsBaseModelsRules(string id, string? rulesOf)
        {
            Assert.Equal(rulesOf, ImageModel.Custom(id).RulesOf?.Value);
        }

        [Fact]
        public async Task DatedSnapshot_IsCheckedAsItsBase_AndTakesItsBasesBuilder()
        {
            var snapshot = ImageModel.Custom("dall-e-3-2026-01-01");
            var violation = Assert.Single(new CreateImageRequest { Prompt = "otter", Model = snapshot, Count = 4 }.Validate());
            Assert.Equal("n \"4\" must be at most 1 when model is dall-e-3.", violation.Message);
            Assert.Empty(new CreateImageRequest { Prompt = "otter", Model = ImageModel.Custom("gpt-image-9-2026-01-01"), Count = 4 }.Validate());

            // The server serves snapshots of known models too; the builder of the base sends the snapshot's id.
            await _client.CreateImage("A fox").UsingGptImage2(ImageModel.Custom("gpt-image-2-2026-09-01")).WithSize(GptImage2Size.Custom(1536, 864)).SendAsync();
            Assert.Contains("\"model\":\"gpt-image-2-2026-09-01\"", _server.Requests[^1].Body);
        }

        [Fact]
        public async Task UnknownValues_InAnEdit_GoOnTheWireAsGiven()
        {
            await _client.EditImage("Add a beret", ImageInput.FromBytes(TestImages.Png(1024, 1024)))
                .WithModel(ImageModel.Custom(Flare)).WithQuality(ImageQuality.Custom("xhigh")).WithInputFidelity(InputFidelity.Custom("high")).SendAsync();
            var body = System.Text.Encoding.UTF8.GetString(_server.Requests[^1].RawBody);
            Assert.Contains("name=model\r\n\r\ngpt-image-2.5-flare\r\n", body.Replace("\"", string.Empty));
            Assert.Contains("name=quality\r\n\r\nxhigh\r\n", body.Replace("\"", string.Empty));

            // chatgpt-image-latest edits (both forms) and is refused for generations before sending.
            Assert.Empty(new EditImageRequest { Prompt = "x", Images = new[] { ImageInput.FromBytes(TestImages.Png(64, 64)) }, Model = ImageModel.ChatgptImageLatest, InputFidelity = InputFidelity.High }.Validate());
            Assert.Contains("is not accepted by POST images/generations", Assert.Single(new CreateImageRequest { Prompt = "x", Model = ImageModel.ChatgptImageLatest }.Validate()).Message);
        }
    }
}
