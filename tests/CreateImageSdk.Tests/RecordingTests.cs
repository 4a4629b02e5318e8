using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace CreateImageSdk.Tests
{
    /// <summary>
    /// Real exchanges with the OpenAI service (recorded by the official .NET library's tests, in ../shared),
    /// replayed through the local server: our request for the same options, and our reading of the answer.
    /// </summary>
    public class RecordingTests : IClassFixture<ServerFixture>
    {
        private readonly ServerFixture _fixture;

        public RecordingTests(ServerFixture fixture) => _fixture = fixture;

        public static IEnumerable<object[]> Recordings()
        {
            var directory = Path.Combine(AppContext.BaseDirectory, "Recordings");
            var files = Directory.Exists(directory) ? Directory.GetFiles(directory, "*.json").OrderBy(f => f, StringComparer.Ordinal).ToList() : new List<string>();
            if (files.Count < 8) throw new InvalidOperationException("Expected the 8 recordings of ../shared/openai/recordings in " + directory);
            return files.Select(f => new object[] { Path.GetFileName(f) });
        }

        private static JsonObject Load(string name) => JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Recordings", name)))!.AsObject();

        [Theory]
        [MemberData(nameof(Recordings))]
        public async Task Recording_ReplaysThroughTheLocalServer(string name)
        {
            var recording = Load(name);
            var recordedRequest = recording["request"]!["body"]!;
            var response = recording["response"]!;
            var status = (int)response["status"]!;
            var recordedBody = response["body"]!.ToJsonString();

            // The recorded request, read as typed values: every value the service accepted is a known member,
            // and our per-model rules accept it too.
            var request = JsonSerializer.Deserialize(recordedRequest.ToJsonString(), CreateImageSdkJsonContext.Default.CreateImageRequest)!;
            Assert.Empty(request.Validate());

            _fixture.Server.EnqueueResponse(status, recordedBody, new Dictionary<string, string> { ["x-request-id"] = "req_" + name });
            if (status == 200)
            {
                var result = await _fixture.Client.CreateImageAsync(request);

                // Our request JSON for the same options equals the recorded one.
                Assert.True(JsonNode.DeepEquals(recordedRequest, JsonNode.Parse(_fixture.Server.Requests[^1].Body)), _fixture.Server.Requests[^1].Body);
                // Everything the service sent survives into the typed result.
                var roundTrip = JsonNode.Parse(JsonSerializer.Serialize(result, CreateImageSdkJsonContext.Default.ImagesResponse));
                Assert.True(JsonNode.DeepEquals(response["body"], roundTrip), roundTrip!.ToJsonString());
                Assert.Equal(DateTimeOffset.FromUnixTimeSeconds((long)response["body"]!["created"]!), result.Created);
                Assert.Equal(response["body"]!["data"]!.AsArray().Count, result.Data.Count);
            }
            else
            {
                var ex = await Assert.ThrowsAsync<ImageApiException>(() => _fixture.Client.CreateImageAsync(request));
                Assert.Equal(401, ex.StatusCode);
                Assert.Equal("invalid_api_key", ex.ErrorCode);
                Assert.Equal("invalid_request_error", ex.ErrorType);
                Assert.Null(ex.Param);
                Assert.Equal("req_" + name, ex.RequestId);
                Assert.StartsWith("Incorrect API key provided", ex.ErrorMessage);
            }
        }

        [Fact]
        public void GptImageRecording_IsTyped_WithEchoesAndUsage()
        {
            var body = Load("openai-dotnet-7.json")["response"]!["body"]!.ToJsonString();

            var response = JsonSerializer.Deserialize(body, CreateImageSdkJsonContext.Default.ImagesResponse)!;

            Assert.Equal(GeneratedBackground.Opaque, response.Background);
            Assert.Equal(GeneratedOutputFormat.Png, response.OutputFormat);
            Assert.Equal(GeneratedQuality.High, response.Quality);
            Assert.Equal(GeneratedSize.Size1024x1536, response.Size);
            Assert.Equal((1, 1), PngInfo.Read(response.Data[0].Bytes!));
            var usage = response.Usage!;
            Assert.Equal(11, usage.InputTokens);
            Assert.Equal(usage.InputTokens + usage.OutputTokens, usage.TotalTokens);
            Assert.NotNull(usage.InputTokensDetails);
            Assert.NotNull(usage.OutputTokensDetails);
            Assert.Equal(6240, usage.OutputTokensDetails!.ImageTokens);
        }

        [Fact]
        public void OlderGptRecording_WithoutOutputTokenDetails_StillReads()
        {
            var body = Load("openai-dotnet-5.json")["response"]!["body"]!.ToJsonString();
            var response = JsonSerializer.Deserialize(body, CreateImageSdkJsonContext.Default.ImagesResponse)!;
            Assert.NotNull(response.Usage);
            Assert.Null(response.Usage!.OutputTokensDetails);
            Assert.Equal(GeneratedQuality.Medium, response.Quality);
        }

        [Fact]
        public void UnknownEchoedValues_AreKeptAndRoundTrip()
        {
            const string body = "{\"created\":1,\"data\":[],\"background\":\"frosted-glass\",\"output_format\":\"avif\",\"quality\":\"ultra\",\"size\":\"1536x864\"}";

            var response = JsonSerializer.Deserialize(body, CreateImageSdkJsonContext.Default.ImagesResponse)!;

            Assert.Equal("frosted-glass", response.Background!.Value.Value);
            Assert.False(response.Background!.Value.IsKnown);
            Assert.Equal("avif", response.OutputFormat!.Value.Value);
            Assert.Equal("ultra", response.Quality!.Value.Value);
            Assert.Equal("1536x864", response.Size!.Value.Value);
            Assert.Equal(body, JsonSerializer.Serialize(response, CreateImageSdkJsonContext.Default.ImagesResponse));
        }
    }
}
