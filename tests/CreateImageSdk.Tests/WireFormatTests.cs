using System;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace CreateImageSdk.Tests
{
    public class WireFormatTests
    {
        private static string Serialize(CreateImageRequest request) =>
            JsonSerializer.Serialize(request, CreateImageSdkJsonContext.Default.CreateImageRequest);

        public static TheoryData<string, string> Sizes => new TheoryData<string, string>
        {
            { nameof(ImageSize.Auto), "auto" },
            { nameof(ImageSize.Size256x256), "256x256" },
            { nameof(ImageSize.Size512x512), "512x512" },
            { nameof(ImageSize.Size1024x1024), "1024x1024" },
            { nameof(ImageSize.Size1536x1024), "1536x1024" },
            { nameof(ImageSize.Size1024x1536), "1024x1536" },
            { nameof(ImageSize.Size1792x1024), "1792x1024" },
            { nameof(ImageSize.Size1024x1792), "1024x1792" },
        };

        [Theory]
        [MemberData(nameof(Sizes))]
        public void ImageSize_WritesTheExactWireString(string member, string wire)
        {
            var size = (ImageSize)typeof(ImageSize).GetProperty(member)!.GetValue(null)!;
            Assert.Equal("\"" + wire + "\"", JsonSerializer.Serialize(size, CreateImageSdkJsonContext.Default.ImageSize));
            Assert.Equal(size, JsonSerializer.Deserialize("\"" + wire + "\"", CreateImageSdkJsonContext.Default.ImageSize));
            Assert.Equal(wire, size.Value);
            Assert.True(size.IsKnown);
        }

        [Fact]
        public void ImageSize_Custom_TakesAnyPositiveSize_AndTheModelsRulesApplyWhenSending()
        {
            Assert.Equal("\"1536x864\"", JsonSerializer.Serialize(ImageSize.Custom(1536, 864), CreateImageSdkJsonContext.Default.ImageSize));
            Assert.Equal(ImageSize.Size1536x1024, ImageSize.Custom(1536, 1024));
            Assert.Equal("123x77", ImageSize.Custom(123, 77).Value);
            Assert.Equal("width", Assert.Throws<ArgumentOutOfRangeException>(() => ImageSize.Custom(0, 1024)).ParamName);
            Assert.Equal("height", Assert.Throws<ArgumentOutOfRangeException>(() => ImageSize.Custom(1024, -1)).ParamName);

            // A custom model or a compatible server may take any size.
            Assert.Empty(new CreateImageRequest { Prompt = "otter", Model = ImageModel.Custom("flux-dev"), Size = ImageSize.Custom(123, 77) }.Validate());

            // gpt-image-2 takes free sizes within its rule; the violation says which part is broken.
            var gpt2 = new CreateImageRequest { Prompt = "otter", Model = ImageModel.GptImage2, Size = ImageSize.Custom(1000, 1000) }.Validate();
            Assert.Contains("both sides must be multiples of 16", Assert.Single(gpt2).Message);
            Assert.Empty(new CreateImageRequest { Prompt = "otter", Model = ImageModel.GptImage2, Size = ImageSize.Custom(3840, 2160) }.Validate());

            // dall-e-3 takes only its listed sizes.
            var dalle3 = Assert.Single(new CreateImageRequest { Prompt = "otter", Model = ImageModel.DallE3, Size = ImageSize.Custom(1536, 864) }.Validate());
            Assert.Equal("size", dalle3.Parameter);
            Assert.DoesNotContain("multiples of 16", dalle3.Message);
        }

        [Fact]
        public void GptImage2Size_Custom_ChecksTheFreeSizeRuleAtOnce()
        {
            var notMultiple = Assert.Throws<ArgumentOutOfRangeException>(() => GptImage2Size.Custom(1000, 1000));
            Assert.Contains("1000x1000 is not a valid free size: both sides must be multiples of 16", notMultiple.Message);
            Assert.Contains("aspect ratio must be between 1:3 and 3:1", Assert.Throws<ArgumentOutOfRangeException>(() => GptImage2Size.Custom(3840, 1024)).Message);
            Assert.Contains("longest side must be at most 3,840", Assert.Throws<ArgumentOutOfRangeException>(() => GptImage2Size.Custom(4096, 2048)).Message);
            Assert.Contains("pixel count must be between 655,360 and 8,294,400", Assert.Throws<ArgumentOutOfRangeException>(() => GptImage2Size.Custom(512, 512)).Message);
            Assert.Equal("3840x2160", GptImage2Size.Custom(3840, 2160).Value.Value);
        }

        [Theory]
        [InlineData("standard", "Standard")]
        [InlineData("hd", "Hd")]
        [InlineData("low", "Low")]
        [InlineData("medium", "Medium")]
        [InlineData("high", "High")]
        [InlineData("auto", "Auto")]
        public void ImageQuality_WritesTheExactWireString(string wire, string member)
        {
            var value = (ImageQuality)typeof(ImageQuality).GetProperty(member)!.GetValue(null)!;
            Assert.Equal(wire, value.Value);
            Assert.Equal("\"" + wire + "\"", JsonSerializer.Serialize(value, CreateImageSdkJsonContext.Default.ImageQuality));
            Assert.Equal(value, JsonSerializer.Deserialize("\"" + wire + "\"", CreateImageSdkJsonContext.Default.ImageQuality));
        }

        [Fact]
        public void OpenValues_KnownMembersAndCustomValues_GoOnTheWireExactlyAsNamed()
        {
            Assert.Equal(new[] { "vivid", "natural" }, ImageStyle.KnownValues.Select(v => v.Value));
            Assert.Equal(new[] { "url", "b64_json" }, ImageResponseFormat.KnownValues.Select(v => v.Value));
            foreach (var style in ImageStyle.KnownValues)
            {
                Assert.Equal("\"" + style.Value + "\"", JsonSerializer.Serialize(style, CreateImageSdkJsonContext.Default.ImageStyle));
            }

            Assert.Equal("\"b64_json\"", JsonSerializer.Serialize(ImageResponseFormat.B64Json, CreateImageSdkJsonContext.Default.ImageResponseFormat));

            // A value this version does not know: exactly what was given, equal to itself, never to a known member.
            var xhigh = ImageQuality.Custom("xhigh");
            Assert.Equal("\"xhigh\"", JsonSerializer.Serialize(xhigh, CreateImageSdkJsonContext.Default.ImageQuality));
            Assert.Equal(xhigh, JsonSerializer.Deserialize("\"xhigh\"", CreateImageSdkJsonContext.Default.ImageQuality));
            Assert.Equal("xhigh", xhigh.ToString());
            Assert.False(xhigh.IsKnown);
            Assert.Equal(ImageQuality.Custom("xhigh"), xhigh);
            Assert.Equal(ImageQuality.Custom("xhigh").GetHashCode(), xhigh.GetHashCode());
            Assert.NotEqual(ImageQuality.High, xhigh);
            Assert.Equal(ImageQuality.High, ImageQuality.Custom("high"));
            Assert.True(ImageQuality.Custom("high").IsKnown);
            Assert.Equal("\"AVIF \"", JsonSerializer.Serialize(ImageOutputFormat.Custom("AVIF "), CreateImageSdkJsonContext.Default.ImageOutputFormat));
            Assert.Throws<ArgumentException>(() => ImageBackground.Custom(" "));
        }

        [Fact]
        public void ImageModel_KnownAndCustomValues_WriteTheirWireString()
        {
            Assert.Equal("\"dall-e-2\"", JsonSerializer.Serialize(ImageModel.DallE2, CreateImageSdkJsonContext.Default.ImageModel));
            Assert.Equal("\"dall-e-3\"", JsonSerializer.Serialize(ImageModel.DallE3, CreateImageSdkJsonContext.Default.ImageModel));
            Assert.Equal("\"my-model\"", JsonSerializer.Serialize(ImageModel.Custom("my-model"), CreateImageSdkJsonContext.Default.ImageModel));
            Assert.Equal(ImageModel.DallE3, JsonSerializer.Deserialize("\"dall-e-3\"", CreateImageSdkJsonContext.Default.ImageModel));
            Assert.Equal(ImageModel.DallE3, ImageModel.Custom("dall-e-3"));
            Assert.True(ImageModel.Custom("dall-e-3").IsKnown);
            Assert.False(ImageModel.Custom("other").IsKnown);
            // The known models are the schema's, in its order (read from the file, so adding a model needs no edit here).
            Assert.Equal(SchemaModels(), ImageModel.KnownValues.Select(m => m.Value));
            Assert.Contains("gpt-image-1.5", SchemaModels());
            Assert.Equal("gpt-image-1.5", ImageModel.GptImage1_5.Value);
            Assert.Equal("gpt-image-2-2026-04-21", ImageModel.GptImage2_2026_04_21.Value);
        }

        [Fact]
        public void ImageModel_Custom_RefusesEmpty()
        {
            var ex = Assert.Throws<ArgumentException>(() => ImageModel.Custom(" "));
            Assert.Equal("value", ex.ParamName);
            Assert.Contains("dall-e-2, dall-e-3", ex.Message);
        }

        [Fact]
        public void FullRequest_SerializesToTheGoldenJson()
        {
            var request = new CreateImageRequest
            {
                Prompt = "A cute baby sea otter",
                Model = ImageModel.DallE3,
                Count = 1,
                Quality = ImageQuality.Hd,
                ResponseFormat = ImageResponseFormat.B64Json,
                Size = ImageSize.Size1024x1792,
                Style = ImageStyle.Natural,
                User = "user-1234",
            };

            const string golden = "{\"prompt\":\"A cute baby sea otter\",\"model\":\"dall-e-3\",\"n\":1,\"quality\":\"hd\",\"response_format\":\"b64_json\",\"size\":\"1024x1792\",\"style\":\"natural\",\"user\":\"user-1234\"}";
            Assert.Equal(golden, Serialize(request));
            Assert.Equal(request, JsonSerializer.Deserialize(golden, CreateImageSdkJsonContext.Default.CreateImageRequest));
        }

        [Fact]
        public void UnsetOptionalProperties_AreLeftOutSoServerDefaultsApply()
        {
            Assert.Equal("{\"prompt\":\"otter\"}", Serialize(new CreateImageRequest { Prompt = "otter" }));
        }

        [Fact]
        public void Prompt_IsEscapedAsJson()
        {
            Assert.Equal("{\"prompt\":\"say \\u0022hi\\u0022 \\u003C\\u003E \\\\ \\n\"}", Serialize(new CreateImageRequest { Prompt = "say \"hi\" <> \\ \n" }));
        }

        [Fact]
        public void ReadingUnknownValueInARequest_KeepsItAsACustomValue_AndANonStringIsAJsonException()
        {
            var request = JsonSerializer.Deserialize("{\"prompt\":\"x\",\"quality\":\"ultra\"}", CreateImageSdkJsonContext.Default.CreateImageRequest)!;
            Assert.Equal(ImageQuality.Custom("ultra"), request.Quality);
            Assert.Equal("{\"prompt\":\"x\",\"quality\":\"ultra\"}", Serialize(request));
            var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("{\"prompt\":\"x\",\"quality\":5}", CreateImageSdkJsonContext.Default.CreateImageRequest));
            Assert.Contains("ImageQuality", ex.Message);
        }

        [Fact]
        public void GptRequest_SerializesEveryNewParameter()
        {
            var request = new CreateImageRequest
            {
                Prompt = "otter",
                Model = ImageModel.GptImage1,
                Background = ImageBackground.Transparent,
                Moderation = ImageModeration.Low,
                OutputFormat = ImageOutputFormat.Webp,
                OutputCompression = 80,
                Quality = ImageQuality.High,
                Size = ImageSize.Size1024x1536,
                Stream = true,
                PartialImages = 2,
            };

            Assert.Equal(
                "{\"prompt\":\"otter\",\"model\":\"gpt-image-1\",\"quality\":\"high\",\"output_format\":\"webp\",\"output_compression\":80,\"size\":\"1024x1536\",\"moderation\":\"low\",\"background\":\"transparent\",\"stream\":true,\"partial_images\":2}",
                Serialize(request));
            Assert.Empty(request.Validate());
        }

        [Fact]
        public void ImagesResponse_ReadsCreatedUrlBytesAndRevisedPrompt()
        {
            var json = "{\"created\":1758142977,\"data\":[{\"url\":\"https://example.com/a.png\",\"revised_prompt\":\"r\"},{\"b64_json\":\"AQID\"}],\"extra\":{\"nested\":[1,2]}}";

            var response = JsonSerializer.Deserialize(json, CreateImageSdkJsonContext.Default.ImagesResponse)!;

            Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1758142977), response.Created);
            Assert.Equal(response.Created.AddMinutes(60), response.UrlsExpireAt);
            Assert.Equal(new Uri("https://example.com/a.png"), response.Data[0].Url);
            Assert.Equal("r", response.Data[0].RevisedPrompt);
            Assert.Equal(new byte[] { 1, 2, 3 }, response.Data[1].Bytes!.Value.ToArray());
            // A member the schema does not know is kept as it came, and written back.
            Assert.Equal("{\"nested\":[1,2]}", response.AdditionalProperties!["extra"].GetRawText());
            Assert.Null(response.Data[0].AdditionalProperties);
            Assert.Equal(json, JsonSerializer.Serialize(response, CreateImageSdkJsonContext.Default.ImagesResponse));
        }

        [Theory]
        [InlineData("{\"data\":[]}", "Required property 'created' of ImagesResponse is missing")]
        [InlineData("{\"created\":\"yesterday\",\"data\":[]}", "Expected Unix seconds for 'created' but found a string")]
        [InlineData("{\"created\":1,\"data\":{}}", "Expected an array for 'data' but found an object")]
        [InlineData("{\"created\":1,\"data\":[{\"b64_json\":\"***\"}]}", "Property 'b64_json' is not valid base64")]
        [InlineData("[]", "Expected an object for 'ImagesResponse' but found an array")]
        public void MalformedResponse_IsAJsonExceptionThatSaysWhatWasWrong(string json, string message)
        {
            var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, CreateImageSdkJsonContext.Default.ImagesResponse));
            Assert.Contains(message, ex.Message);
        }

        [Fact]
        public void AdditionalProperties_AreWrittenAfterTheKnownOnes_AndKnownNamesAreRefused()
        {
            using var client = new ImageClient(new ImageClientOptions { ApiKey = "k", BaseUri = new Uri("http://127.0.0.1:1/v1/") });
            var builder = client.CreateImage("otter").WithModel(ImageModel.Custom("flux-dev"))
                .WithAdditionalProperty("seed", 42)
                .WithAdditionalProperty("negative_prompt", "blurry")
                .WithAdditionalProperty("guidance", 3.5)
                .WithAdditionalProperty("tiled", true)
                .WithAdditionalProperty("lora", System.Text.Json.Nodes.JsonNode.Parse("{\"name\":\"otter\",\"weight\":0.8}"))
                .WithAdditionalProperty("seed", 7);    // set again: replaced

            Assert.Equal(
                "{\"prompt\":\"otter\",\"model\":\"flux-dev\",\"negative_prompt\":\"blurry\",\"guidance\":3.5,\"tiled\":true,\"lora\":{\"name\":\"otter\",\"weight\":0.8},\"seed\":7}",
                JsonSerializer.Serialize(builder.Request, CreateImageSdkJsonContext.Default.CreateImageRequest));

            var ex = Assert.Throws<ArgumentException>(() => builder.WithAdditionalProperty("n", 4));
            Assert.Equal("name", ex.ParamName);
            Assert.Contains("'n' is a parameter of this request", ex.Message);

            var smuggled = builder.Request with { AdditionalProperties = new System.Collections.Generic.Dictionary<string, JsonElement> { ["size"] = JsonDocument.Parse("\"9x9\"").RootElement } };
            Assert.Equal("size", Assert.Single(smuggled.Validate()).Parameter);
        }

        [Fact]
        public async System.Threading.Tasks.Task PathOverrides_MountAnOperationElsewhere()
        {
            await using var server = await Faults.FaultServer.StartAsync(Faults.Fault.Ok());
            var options = new ImageClientOptions { ApiKey = "k", BaseUri = server.BaseUri };
            options.PathOverrides["images/generations"] = "/api/images/generate";
            using (var rooted = new ImageClient(options)) await rooted.CreateImage("otter").SendAsync();
            options.PathOverrides["images/generations"] = "generate";
            using (var relative = new ImageClient(options)) await relative.CreateImage("otter").SendAsync();

            Assert.Equal(new[] { "/api/images/generate", "/v1/generate" }, server.Paths);
            options.PathOverrides["images/generations"] = "http://elsewhere.example/x";
            Assert.Equal("PathOverrides", Assert.Throws<ArgumentException>(() => new ImageClient(options)).ParamName);
        }

        /// <summary>The model enum of schemas/image-common.schema.json (the definition every operation uses), as written.</summary>
        private static string[] SchemaModels()
        {
            var path = System.IO.Path.Combine(System.AppContext.BaseDirectory, "..", "..", "..", "..", "..", "schemas", "image-common.schema.json");
            using var schema = JsonDocument.Parse(System.IO.File.ReadAllText(path));
            return schema.RootElement.GetProperty("definitions").GetProperty("ImageModel").GetProperty("anyOf").EnumerateArray()
                .Where(branch => branch.TryGetProperty("enum", out _))
                .SelectMany(branch => branch.GetProperty("enum").EnumerateArray().Select(v => v.GetString()!))
                .ToArray();
        }
    }
}
