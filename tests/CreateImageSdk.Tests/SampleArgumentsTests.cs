using CreateImageSdk.Samples;
using Xunit;

namespace CreateImageSdk.Tests
{
    public class SampleArgumentsTests
    {
        [Fact]
        public void ReadmeCommand_Parses()
        {
            var (arguments, error) = SampleArguments.Parse(new[] { "A cute baby sea otter", "--model", "dall-e-3", "--size", "1024x1024", "--out", "otter.png" });
            Assert.Null(error);
            Assert.Equal(ImageModel.DallE3, arguments!.Model);
            Assert.Equal(ImageSize.Size1024x1024, arguments.Size);
            Assert.Equal("otter.png", arguments.Output);
        }

        [Theory]
        [InlineData("--quality", " ", "Allowed values: standard, hd, low, medium, high, auto.")]
        [InlineData("--style", "", "Allowed values: vivid, natural.")]
        [InlineData("--size", "huge", "Allowed values: auto, 1024x1024, 1536x1024, 1024x1536, 256x256, 512x512, 1792x1024, 1024x1792, WIDTHxHEIGHT.")]
        [InlineData("--size", "0x10", "Allowed values:")]
        [InlineData("--out", "no-such-folder/otter.png", "does not exist")]
        [InlineData("--n", "11", "from 1 to 10")]
        [InlineData("--stream", "5", "0 to 3")]
        public void BadValues_SayWhatIsAllowed(string option, string value, string expected)
        {
            var (arguments, error) = SampleArguments.Parse(new[] { "otter", option, value });
            Assert.Null(arguments);
            Assert.Contains(expected, error);
            Assert.DoesNotContain("(Parameter", error);
            Assert.EndsWith(".", error);
        }

        [Fact]
        public void UnknownQualityOrStyle_IsSentAsGiven_TheModelsRulesDecide()
        {
            var arguments = SampleArguments.Parse(new[] { "otter", "--quality", "xhigh", "--style", "loud" }).Arguments!;
            Assert.Equal(ImageQuality.Custom("xhigh"), arguments.Quality);
            Assert.Equal("loud", arguments.Style!.Value.Value);
            Assert.Equal(ImageQuality.High, SampleArguments.Parse(new[] { "otter", "--quality", "high" }).Arguments!.Quality);
        }

        [Fact]
        public void FreeSize_BecomesACustomSize()
        {
            Assert.Equal(ImageSize.Custom(1536, 864), SampleArguments.Parse(new[] { "otter", "--size", "1536x864" }).Arguments!.Size);
        }
    }
}
