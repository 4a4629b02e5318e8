using System;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Xunit;

namespace CreateImageSdk.Tests
{
    public class ModelBuilderTests : IClassFixture<ServerFixture>
    {
        private readonly ServerFixture _fixture;

        public ModelBuilderTests(ServerFixture fixture) => _fixture = fixture;

        private static string[] Withs(Type builder) =>
            // WithAdditionalProperty is on every builder (a compatible server's extras); the rest are the model's own.
            builder.GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(m => m.Name.StartsWith("With", StringComparison.Ordinal) && m.Name != "WithAdditionalProperty")
                .Select(m => m.Name).OrderBy(n => n).ToArray();

        [Fact]
        public void DallE3Builder_OffersOnlyWhatDallE3Accepts()
        {
            Assert.Equal(new[] { "WithQuality", "WithResponseFormat", "WithSize", "WithStyle", "WithUser" }, Withs(typeof(DallE3RequestBuilder)));
            Assert.Equal(typeof(DallE3Size), typeof(DallE3RequestBuilder).GetMethod("WithSize")!.GetParameters()[0].ParameterType);
            Assert.Equal(new[] { "Size1024x1024", "Size1792x1024", "Size1024x1792" }, StaticNames(typeof(DallE3Size)));
            Assert.Equal(new[] { "Standard", "Hd" }, StaticNames(typeof(DallE3Quality)));
            Assert.Null(typeof(DallE3RequestBuilder).GetMethod("StreamAsync"));
        }

        [Fact]
        public void DallE2Builder_HasCountButNoStyleAndNoHd()
        {
            Assert.Equal(new[] { "WithCount", "WithQuality", "WithResponseFormat", "WithSize", "WithUser" }, Withs(typeof(DallE2RequestBuilder)));
            Assert.Equal(new[] { "Standard" }, StaticNames(typeof(DallE2Quality)));
            Assert.Equal(new[] { "Size1024x1024", "Size256x256", "Size512x512" }, StaticNames(typeof(DallE2Size)));
        }

        [Fact]
        public void GptBuilders_OfferGptParameters_AndGptImage2TakesFreeSizes()
        {
            var expected = new[] { "WithBackground", "WithCount", "WithModeration", "WithOutputCompression", "WithOutputFormat", "WithPartialImages", "WithQuality", "WithSize", "WithUser" };
            Assert.Equal(expected, Withs(typeof(GptImage1RequestBuilder)));
            Assert.Equal(expected, Withs(typeof(GptImage2RequestBuilder)));
            Assert.NotNull(typeof(GptImage1RequestBuilder).GetMethod("StreamAsync"));
            Assert.Null(typeof(GptImage1Size).GetMethod("Custom", new[] { typeof(int), typeof(int) }));
            Assert.Equal("1536x864", GptImage2Size.Custom(1536, 864).ToString());
            Assert.Throws<ArgumentOutOfRangeException>(() => GptImage2Size.Custom(1000, 1000));
            Assert.Equal(new[] { "Auto", "High", "Low", "Medium" }, StaticNames(typeof(GptImage1_5Quality)).OrderBy(n => n));
        }

        [Fact]
        public async Task DallE3Builder_SendsTheModelAndTheChosenValues()
        {
            var response = await _fixture.Client.CreateImage("otter")
                .UsingDallE3()
                .WithSize(DallE3Size.Size1792x1024)
                .WithQuality(DallE3Quality.Hd)
                .WithStyle(ImageStyle.Natural)
                .WithResponseFormat(ImageResponseFormat.B64Json)
                .SendAsync();

            Assert.Equal("{\"prompt\":\"otter\",\"model\":\"dall-e-3\",\"quality\":\"hd\",\"response_format\":\"b64_json\",\"size\":\"1792x1024\",\"style\":\"natural\"}", _fixture.Server.Requests[^1].Body);
            Assert.Equal((1792, 1024), PngInfo.Read(response.Data[0].Bytes!));
        }

        [Fact]
        public async Task DatedSnapshot_SharesItsBaseBuilder_AndSendsItsOwnId()
        {
            // gpt-image-2-2026-04-21 has gpt-image-2's rules in every operation: one builder, not a copy that differs in docs.
            Assert.Equal(typeof(GptImage2RequestBuilder), typeof(CreateImageRequestBuilder).GetMethod("UsingGptImage2_2026_04_21", Type.EmptyTypes)!.ReturnType);
            Assert.Equal(typeof(GptImage2EditRequestBuilder), typeof(EditImageRequestBuilder).GetMethod("UsingGptImage2_2026_04_21", Type.EmptyTypes)!.ReturnType);
            Assert.Null(typeof(ImageClient).Assembly.GetType("CreateImageSdk.GptImage2_2026_04_21RequestBuilder"));

            await _fixture.Client.CreateImage("otter").UsingGptImage2_2026_04_21().WithSize(GptImage2Size.Custom(1536, 864)).SendAsync();

            Assert.Contains("\"model\":\"gpt-image-2-2026-04-21\"", _fixture.Server.Requests[^1].Body);
            Assert.Contains("\"size\":\"1536x864\"", _fixture.Server.Requests[^1].Body);
        }

        [Fact]
        public async Task GptImage2Builder_SendsAFreeSize_AndStreams()
        {
            var events = 0;
            await foreach (var item in _fixture.Client.CreateImage("otter").UsingGptImage2().WithSize(GptImage2Size.Custom(1536, 864)).WithPartialImages(1).StreamAsync())
            {
                events++;
                Assert.Equal((1536, 864), PngInfo.Read(item.Bytes!));
            }

            Assert.Equal(2, events);
            Assert.Contains("\"size\":\"1536x864\"", _fixture.Server.Requests[^1].Body);
        }

        [Fact]
        public async Task ModelBuilder_StillChecksWhatNoTypeCanExpress()
        {
            var ex = await Assert.ThrowsAsync<ImageRequestValidationException>(() => _fixture.Client.CreateImage(new string('a', 1001)).UsingDallE2().SendAsync());
            Assert.Equal("prompt", Assert.Single(ex.Violations).Parameter);
        }

        [Fact]
        public void UsingAModel_KeepsThePromptAndStartsTheRestAfresh()
        {
            var general = _fixture.Client.CreateImage("otter").WithQuality(ImageQuality.Hd);
            var request = general.UsingGptImage1_5().Request;
            Assert.Equal(new CreateImageRequest { Prompt = "otter", Model = ImageModel.GptImage1_5 }, request);
        }

        private static string[] StaticNames(Type type) =>
            type.GetProperties(BindingFlags.Public | BindingFlags.Static).Select(p => p.Name).ToArray();

        [Fact]
        public async Task DefaultBuilder_SaysHowToStartOne()
        {
            var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => default(CreateImageRequestBuilder).SendAsync());
            Assert.Contains("start one with the ImageClient method", ex.Message);
            Assert.Throws<InvalidOperationException>(() => default(DallE3RequestBuilder).Request);
        }

        [Fact]
        public void ModelBuilders_AreValues_SoBranchesDoNotShareSettings()
        {
            using var client = new ImageClient(new ImageClientOptions { ApiKey = "k", BaseUri = new Uri("http://127.0.0.1:1/v1/") });
            var common = client.CreateImage("otter").WithUser("u-1").UsingDallE3().WithStyle(ImageStyle.Vivid);
            var wide = common.WithSize(DallE3Size.Size1792x1024);
            var tall = common.WithSize(DallE3Size.Size1024x1792).WithQuality(DallE3Quality.Hd);

            Assert.Null(common.Request.Size);
            Assert.Equal(ImageSize.Size1792x1024, wide.Request.Size);
            Assert.Null(wide.Request.Quality);
            Assert.Equal((ImageSize.Size1024x1792, ImageQuality.Hd), (tall.Request.Size, tall.Request.Quality));
            Assert.Equal(ImageModel.DallE3, tall.Request.Model);
            Assert.Equal("otter", tall.Request.Prompt);
            Assert.Null(tall.Request.User); // Using… keeps the prompt and starts the rest afresh
        }
    }
}
