using System.Linq;
using Xunit;

namespace CreateImageSdk.Tests
{
    public class ValidationTests
    {
        [Theory]
        [InlineData("   ")]
        [InlineData("\t\r\n")]
        [InlineData("\u3000")]
        public void WhitespaceOnlyPrompt_IsRefused(string prompt)
        {
            var violation = Assert.Single(new CreateImageRequest { Prompt = prompt, Model = ImageModel.GptImage1 }.Validate());

            Assert.Equal("prompt", violation.Parameter);
            Assert.EndsWith("must contain a character that is not whitespace.", violation.Message);
            Assert.Empty(new CreateImageRequest { Prompt = "  otter  ", Model = ImageModel.GptImage1 }.Validate());
        }

        [Fact]
        public void DefaultOpenValue_IsAViolation_NotAnException()
        {
            // default(ImageQuality) has no wire text: it is refused by name, never sent as "".
            var request = new CreateImageRequest { Prompt = "otter", Model = ImageModel.DallE3, Quality = default(ImageQuality), Style = default(ImageStyle) };

            var violations = request.Validate();

            Assert.Equal(new[] { "quality", "style" }, violations.Select(v => v.Parameter));
            Assert.Equal("quality \"\" must not be empty.", violations[0].Message);
            var ex = Assert.Throws<ImageRequestValidationException>(() => new ImageClient(new ImageClientOptions { ApiKey = "k", BaseUri = new System.Uri("http://127.0.0.1:1/") })
                .CreateImageAsync(request).GetAwaiter().GetResult());
            Assert.Equal(2, ex.Violations.Count);
        }

        [Fact]
        public void ValidDallE3Request_HasNoViolations()
        {
            var request = new CreateImageRequest
            {
                Prompt = "otter", Model = ImageModel.DallE3, Count = 1, Quality = ImageQuality.Hd, Size = ImageSize.Size1792x1024, Style = ImageStyle.Vivid,
            };
            Assert.Empty(request.Validate());
        }

        [Fact]
        public void DallE3_RejectsCountAbove1_AndDallE2Sizes()
        {
            var request = new CreateImageRequest { Prompt = "otter", Model = ImageModel.DallE3, Count = 4, Size = ImageSize.Size256x256 };

            var violations = request.Validate();

            Assert.Equal(new[] { "n", "size" }, violations.Select(v => v.Parameter));
            Assert.Equal("n \"4\" must be at most 1 when model is dall-e-3.", violations[0].Message);
            Assert.Equal("size \"256x256\" is not allowed when model is dall-e-3; allowed values: 1024x1024, 1792x1024, 1024x1792.", violations[1].Message);
            Assert.Equal(new[] { "1024x1024", "1792x1024", "1024x1792" }, violations[1].AllowedValues);
            Assert.Equal("model is dall-e-3", violations[1].Condition);
            Assert.Equal("256x256", violations[1].Value);
        }

        [Fact]
        public void DallE2_RejectsHdStyleAndLargeSizes()
        {
            var request = new CreateImageRequest { Prompt = "otter", Model = ImageModel.DallE2, Quality = ImageQuality.Hd, Style = ImageStyle.Natural, Size = ImageSize.Size1792x1024 };

            var violations = request.Validate();

            Assert.Equal(new[] { "quality", "size", "style" }, violations.Select(v => v.Parameter));
            Assert.Equal(new[] { "standard" }, violations[0].AllowedValues);
            Assert.Equal("style \"natural\" is not supported when model is dall-e-2 (or not set); leave it unset.", violations[2].Message);
        }

        [Fact]
        public void AbsentModel_GetsTheDefaultModelsRules()
        {
            var request = new CreateImageRequest { Prompt = "otter", Quality = ImageQuality.Hd };
            Assert.Equal("quality", Assert.Single(request.Validate()).Parameter);
        }

        [Theory]
        [InlineData("dall-e-2", 1000, true)]
        [InlineData("dall-e-2", 1001, false)]
        [InlineData("dall-e-3", 4000, true)]
        [InlineData("dall-e-3", 4001, false)]
        public void PromptLength_IsLimitedPerModel(string model, int length, bool valid)
        {
            var request = new CreateImageRequest { Prompt = new string('a', length), Model = ImageModel.Custom(model) };
            var violations = request.Validate();
            Assert.Equal(valid, violations.Count == 0);
            if (!valid) Assert.Contains("too long when model is " + model, violations[0].Message);
        }

        [Fact]
        public void CustomModel_GetsOnlyModelIndependentRules()
        {
            var request = new CreateImageRequest
            {
                Prompt = new string('a', 5000), Model = ImageModel.Custom("my-model"), Quality = ImageQuality.Hd, Style = ImageStyle.Vivid, Count = 10,
            };
            Assert.Empty(request.Validate());

            var outOfRange = request with { Count = 11, Prompt = string.Empty };
            Assert.Equal(new[] { "prompt", "n" }, outOfRange.Validate().Select(v => v.Parameter));
        }

        [Fact]
        public void DefaultModelValue_IsReportedAsEmpty()
        {
            var request = new CreateImageRequest { Prompt = "otter", Model = default(ImageModel) };
            Assert.Equal("model", Assert.Single(request.Validate()).Parameter);
        }

        [Fact]
        public void Exception_ListsEveryViolation_AndIsAnArgumentException()
        {
            var violations = new CreateImageRequest { Prompt = "otter", Model = ImageModel.DallE3, Count = 2, Size = ImageSize.Size512x512 }.Validate();
            var ex = new ImageRequestValidationException(violations);

            Assert.IsAssignableFrom<System.ArgumentException>(ex);
            Assert.Equal("n", ex.ParamName);
            Assert.Contains("2 problems", ex.Message);
            Assert.Contains("n \"2\" must be at most 1", ex.Message);
            Assert.Contains("allowed values: 1024x1024, 1792x1024, 1024x1792", ex.Message);
        }

        [Fact]
        public void SurrogatePairs_CountAsOneCharacter()
        {
            var emoji = string.Concat(Enumerable.Repeat("\U0001F9A6", 1000)); // 1000 otters, 2000 UTF-16 units
            Assert.Empty(new CreateImageRequest { Prompt = emoji }.Validate());
        }
    }
}
