using CreateImageSdk.Generator.Parsing;
using Xunit;

namespace CreateImageSdk.Generator.Tests
{
    public class NamingTests
    {
        [Theory]
        [InlineData("1024x1792", "ImageSize", "Size1024x1792")]
        [InlineData("256x256", "ImageSize", "Size256x256")]
        [InlineData("b64_json", "ImageResponseFormat", "B64Json")]
        [InlineData("hd", "ImageQuality", "Hd")]
        [InlineData("vivid", "ImageStyle", "Vivid")]
        [InlineData("dall-e-2", "ImageModel", "DallE2")]
        [InlineData("gpt-image-1", "ImageModel", "GptImage1")]
        [InlineData("gpt-image-1.5", "ImageModel", "GptImage1_5")]
        [InlineData("gpt-image-15", "ImageModel", "GptImage15")]
        [InlineData("gpt-image-2-2026-04-21", "ImageModel", "GptImage2_2026_04_21")]
        [InlineData("transparent", "ImageBackground", "Transparent")]
        [InlineData("auto", "ImageSize", "Auto")]
        public void WireValue_BecomesReadableMemberName(string wire, string typeName, string expected)
        {
            Assert.Equal(expected, MemberNaming.ToMemberName(wire, MemberNaming.ShortName(typeName)));
        }

        [Theory]
        [InlineData("ImageSize", "Size")]
        [InlineData("ImageResponseFormat", "Format")]
        [InlineData("Size", "Size")]
        public void ShortName_IsTheLastWord(string typeName, string expected) => Assert.Equal(expected, MemberNaming.ShortName(typeName));
    }
}
