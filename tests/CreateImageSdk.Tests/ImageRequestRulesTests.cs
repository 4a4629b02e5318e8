using System;
using System.Linq;
using System.Threading.Tasks;
using CreateImageSdk.Extensibility;
using Xunit;

namespace CreateImageSdk.Tests
{
    /// <summary>
    /// The seam overlay-generated code uses: a rule added for a request type is checked by its Validate(), so every send
    /// path refuses the request before anything goes on the wire. Rules are process-wide, so these name a model no other
    /// test uses.
    /// </summary>
    public class ImageRequestRulesTests : IClassFixture<ServerFixture>
    {
        private const string Model = "rules-test-model";
        private static readonly Lazy<bool> Registered = new Lazy<bool>(() =>
        {
            ImageRequestRules.Add<CreateImageRequest>((request, check) =>
            {
                if (request.Model?.Value != Model) return;
                check.OneOf("quality", request.Quality?.Value, new[] { "xhigh" }, "model is " + Model);
                check.Range("seed", ImageRequestRules.AdditionalInteger(request.AdditionalProperties, "seed"), 0, 9, "model is " + Model);
                check.Forbidden("style", request.Style?.Value, "model is " + Model);
            });
            return true;
        });

        private readonly ServerFixture _fixture;

        public ImageRequestRulesTests(ServerFixture fixture)
        {
            _fixture = fixture;
            _ = Registered.Value;
        }

        [Fact]
        public void Validate_reports_an_added_rule_in_the_SDKs_words()
        {
            var request = new CreateImageRequest { Prompt = "otter", Model = ImageModel.Custom(Model), Quality = ImageQuality.High, Style = ImageStyle.Vivid };

            var violations = request.Validate();

            Assert.Equal(new[] { "quality", "style" }, violations.Select(v => v.Parameter));
            Assert.Equal("quality \"high\" is not allowed when model is rules-test-model; allowed values: xhigh.", violations[0].Message);
            Assert.Empty((request with { Model = ImageModel.GptImage1, Style = null }).Validate());
        }

        [Fact]
        public async Task A_request_an_added_rule_refuses_is_never_sent()
        {
            var before = _fixture.Server.Requests.Count;

            var ex = await Assert.ThrowsAsync<ImageRequestValidationException>(() => _fixture.Client.CreateImage("otter")
                .WithModel(ImageModel.Custom(Model)).WithQuality(ImageQuality.Custom("xhigh")).WithAdditionalProperty("seed", 12).SendAsync());

            Assert.Equal("seed", Assert.Single(ex.Violations).Parameter);
            Assert.Contains("must be between 0 and 9", ex.Message);
            Assert.Equal(before, _fixture.Server.Requests.Count);
        }

        [Theory]
        [InlineData("{\"seed\":7}", "7", 7L)]
        [InlineData("{\"seed\":\"high\"}", "high", null)]
        [InlineData("{\"seed\":null}", null, null)]
        [InlineData("{}", null, null)]
        [InlineData("{\"seed\":true}", "true", null)]
        public void Additional_members_are_read_as_their_wire_text(string json, string? text, long? number)
        {
            using var document = System.Text.Json.JsonDocument.Parse(json);
            var members = document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());

            Assert.Equal(text, ImageRequestRules.AdditionalText(members, "seed"));
            Assert.Equal(number, ImageRequestRules.AdditionalInteger(members, "seed"));
            Assert.Null(ImageRequestRules.AdditionalText(null, "seed"));
        }
    }
}
