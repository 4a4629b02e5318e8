using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CreateImageSdk.LocalServer;
using Xunit;

namespace CreateImageSdk.Tests
{
    public class ClientTests : IClassFixture<ServerFixture>
    {
        private readonly ServerFixture _fixture;

        public ClientTests(ServerFixture fixture) => _fixture = fixture;

        private LocalImageServer Server => _fixture.Server;

        private ImageClient Client => _fixture.Client;

        private RecordedRequest LastRequest() => Server.Requests[^1];

        [Fact]
        public async Task FluentRequest_SendsExactJsonAndHeaders_AndReadsB64Images()
        {
            var response = await Client.CreateImage("A cute baby sea otter")
                .WithModel(ImageModel.DallE3)
                .WithSize(ImageSize.Size1024x1792)
                .WithQuality(ImageQuality.Hd)
                .WithStyle(ImageStyle.Natural)
                .WithResponseFormat(ImageResponseFormat.B64Json)
                .WithUser("user-1234")
                .SendAsync();

            var sent = LastRequest();
            Assert.Equal("POST", sent.Method);
            Assert.Equal("/v1/images/generations", sent.Path);
            Assert.Equal("{\"prompt\":\"A cute baby sea otter\",\"model\":\"dall-e-3\",\"quality\":\"hd\",\"response_format\":\"b64_json\",\"size\":\"1024x1792\",\"style\":\"natural\",\"user\":\"user-1234\"}", sent.Body);
            Assert.Equal("Bearer " + ServerFixture.ApiKey, sent.Headers["Authorization"]);
            Assert.Equal("org-123", sent.Headers["OpenAI-Organization"]);
            Assert.Equal("proj-456", sent.Headers["OpenAI-Project"]);
            Assert.StartsWith("application/json", sent.Headers["Content-Type"]);
            Assert.Matches(@"^CreateImageSdk/\d+\.\d+\.\d+\S* \(\.NET .+; .+\)$", sent.Headers["User-Agent"]);

            var image = Assert.Single(response.Data);
            Assert.Equal((1024, 1792), PngInfo.Read(image.Bytes!));
            Assert.False(string.IsNullOrEmpty(image.RevisedPrompt));
            Assert.Null(image.Url);
            Assert.InRange(response.Created, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(5));
        }

        [Fact]
        public async Task UrlResponse_DownloadsAndSavesEachImage()
        {
            var response = await Client.CreateImage("two stop signs").WithModel(ImageModel.DallE2).WithCount(2).WithSize(ImageSize.Size256x256).SendAsync();

            Assert.Equal(2, response.Data.Count);
            Assert.All(response.Data, image => Assert.NotNull(image.Url));
            var first = await response.Data[0].GetBytesAsync();
            Assert.Equal((256, 256), PngInfo.Read(first));

            var path = Path.Combine(Path.GetTempPath(), "createimagesdk-" + Guid.NewGuid().ToString("N") + ".png");
            try
            {
                await response.Data[1].SaveAsync(path);
                Assert.Equal((256, 256), PngInfo.Read(File.ReadAllBytes(path)));
                Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, Path.GetFileName(path) + ".*.partial"));
                await response.Data[0].SaveAsync(path); // replaces the existing file
                Assert.Equal((256, 256), PngInfo.Read(File.ReadAllBytes(path)));
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public async Task BuilderSteps_ReturnNewValues_SoAConfiguredBuilderCanBeBranched()
        {
            var common = Client.CreateImage("otter").WithModel(ImageModel.DallE2).WithResponseFormat(ImageResponseFormat.B64Json);
            var small = common.WithSize(ImageSize.Size256x256);
            var large = common.WithSize(ImageSize.Size512x512);

            Assert.Null(common.Request.Size);
            Assert.Equal((256, 256), PngInfo.Read((await small.SendAsync()).Data[0].Bytes!));
            Assert.Equal((512, 512), PngInfo.Read((await large.SendAsync()).Data[0].Bytes!));
        }

        [Fact]
        public async Task RequestObject_IsSentTheSameWay()
        {
            var request = new CreateImageRequest { Prompt = "otter", ResponseFormat = ImageResponseFormat.B64Json };
            var response = await Client.CreateImageAsync(request);
            Assert.Equal("{\"prompt\":\"otter\",\"response_format\":\"b64_json\"}", LastRequest().Body);
            Assert.Equal((1024, 1024), PngInfo.Read(response.Data[0].Bytes!));
        }

        [Fact]
        public async Task InvalidRequest_ThrowsBeforeAnythingIsSent()
        {
            var before = Server.Requests.Count;

            var ex = await Assert.ThrowsAsync<ImageRequestValidationException>(() =>
                Client.CreateImage("otter").WithModel(ImageModel.DallE3).WithCount(4).WithSize(ImageSize.Size512x512).SendAsync());

            Assert.Equal(new[] { "n", "size" }, ex.Violations.Select(v => v.Parameter));
            Assert.Equal(before, Server.Requests.Count);
            await Assert.ThrowsAsync<ImageRequestValidationException>(() => Client.CreateImage("otter").WithModel(ImageModel.DallE3).WithCount(4).SendRawAsync());
            Assert.Equal(before, Server.Requests.Count);
        }

        [Fact]
        public async Task NullRequest_IsAnArgumentNullException()
        {
            var ex = await Assert.ThrowsAsync<ArgumentNullException>(() => Client.CreateImageAsync(null!));
            Assert.Equal("request", ex.ParamName);
        }

        [Fact]
        public async Task WrongKey_Is401WithInvalidApiKey_AndTheKeyAppearsNowhere()
        {
            const string wrongKey = "sk-wrong-key-do-not-print";
            using var client = _fixture.NewClient(wrongKey);

            var ex = await Assert.ThrowsAsync<ImageApiException>(() => client.CreateImage("otter").SendAsync());

            Assert.Equal(401, ex.StatusCode);
            Assert.Equal("invalid_api_key", ex.ErrorCode);
            Assert.Equal("invalid_request_error", ex.ErrorType);
            Assert.False(string.IsNullOrEmpty(ex.RequestId));
            Assert.Contains("401", ex.Message);
            foreach (var text in new[] { ex.Message, ex.ToString(), ex.RawBody ?? string.Empty, client.ToString() })
            {
                Assert.DoesNotContain(wrongKey, text);
            }

            Assert.DoesNotContain(wrongKey, new ImageClientOptions { ApiKey = wrongKey }.ToString());
        }

        [Fact]
        public async Task ServerValidationError_Is400WithParam()
        {
            // A custom model skips our per-model checks, so the server's own validation answers.
            var ex = await Assert.ThrowsAsync<ImageApiException>(() =>
                Client.CreateImage("otter").WithModel(ImageModel.Custom("no-such-model")).SendAsync());

            Assert.Equal(400, ex.StatusCode);
            Assert.Equal("model", ex.Param);
            Assert.False(string.IsNullOrEmpty(ex.ErrorMessage));
            Assert.Contains(ex.ErrorMessage!, ex.Message);
        }

        [Theory]
        [InlineData(429, "rate_limit_exceeded", "requests")]
        [InlineData(500, null, "server_error")]
        [InlineData(503, null, "server_error")]
        public async Task ErrorStatuses_BecomeImageApiExceptions(int status, string? code, string type)
        {
            var body = "{\"error\":{\"message\":\"Something happened.\",\"type\":\"" + type + "\",\"param\":null,\"code\":" + (code is null ? "null" : "\"" + code + "\"") + "}}";
            Server.EnqueueResponse(status, body, new System.Collections.Generic.Dictionary<string, string> { ["retry-after"] = "7", ["x-request-id"] = "req_abc" });
            using var client = new ImageClient(new ImageClientOptions { ApiKey = ServerFixture.ApiKey, BaseUri = Server.BaseUri, MaxRetries = 0 });

            var ex = await Assert.ThrowsAsync<ImageApiException>(() => client.CreateImage("otter").SendAsync());

            Assert.IsNotType<ImageResponseFormatException>(ex);
            Assert.Equal(status, ex.StatusCode);
            Assert.Equal(code, ex.ErrorCode);
            Assert.Equal(type, ex.ErrorType);
            Assert.Equal("Something happened.", ex.ErrorMessage);
            Assert.Equal("req_abc", ex.RequestId);
            Assert.Equal(TimeSpan.FromSeconds(7), ex.RetryAfter);
            Assert.Equal(body, ex.RawBody);
        }

        [Fact]
        public async Task NonJsonErrorBody_KeepsTheRawBody()
        {
            Server.EnqueueResponse(502, "<html>Bad gateway</html>", contentType: "text/html");
            using var client = new ImageClient(new ImageClientOptions { ApiKey = ServerFixture.ApiKey, BaseUri = Server.BaseUri, MaxRetries = 0 });
            var ex = await Assert.ThrowsAsync<ImageApiException>(() => client.CreateImage("otter").SendAsync());
            Assert.Equal(502, ex.StatusCode);
            Assert.Null(ex.ErrorCode);
            Assert.Equal("<html>Bad gateway</html>", ex.RawBody);
            Assert.Contains("not an API error object", ex.Message);
        }

        [Theory]
        [InlineData("{\"created\":1,\"data\":\"nope\"}", "Expected an array for 'data'")]
        [InlineData("{\"data\":[]}", "Required property 'created'")]
        [InlineData("{\"created\":1,\"data\":[", "not a valid ImagesResponse")]
        [InlineData("null", "JSON null body")]
        [InlineData("", "not a valid ImagesResponse")]
        public async Task Malformed2xxBody_IsAResponseFormatExceptionThatSaysWhatWasWrong(string body, string message)
        {
            Server.EnqueueResponse(200, body);

            var ex = await Assert.ThrowsAsync<ImageResponseFormatException>(() => Client.CreateImage("otter").SendAsync());

            Assert.Equal(200, ex.StatusCode);
            Assert.Contains(message, ex.Message);
        }

        [Fact]
        public async Task RawResponse_ReturnsStatusBodyAndHeaders_WithoutThrowing()
        {
            var ok = await Client.CreateImage("otter").WithResponseFormat(ImageResponseFormat.B64Json).SendRawAsync();
            Assert.Equal(200, ok.StatusCode);
            Assert.True(ok.IsSuccessStatusCode);
            using (var document = JsonDocument.Parse(ok.Body)) Assert.Equal(1, document.RootElement.GetProperty("data").GetArrayLength());
            Assert.StartsWith("application/json", ok.Headers["content-type"][0]);
            Assert.True(ok.Headers.ContainsKey("X-Request-Id"));

            using var wrong = _fixture.NewClient("bad");
            var unauthorized = await wrong.CreateImage("otter").SendRawAsync();
            Assert.Equal(401, unauthorized.StatusCode);
            Assert.Contains("invalid_api_key", unauthorized.Body);
        }

        [Fact]
        public async Task Cancellation_StopsTheRequest()
        {
            await using var slow = await LocalImageServer.StartAsync(new LocalImageServerOptions { ApiKey = null, ResponseDelay = TimeSpan.FromSeconds(30) });
            using var client = new ImageClient(new ImageClientOptions { ApiKey = "k", BaseUri = slow.BaseUri });
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

            // Had cancellation not stopped it, the server would have answered after 30 s and no exception would come.
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.CreateImage("otter").SendAsync(cancel.Token));
        }

        [Fact]
        public async Task Timeout_IsATimeoutExceptionThatNamesTheSetting()
        {
            await using var slow = await LocalImageServer.StartAsync(new LocalImageServerOptions { ApiKey = null, ResponseDelay = TimeSpan.FromSeconds(30) });
            using var client = new ImageClient(new ImageClientOptions { ApiKey = "k", BaseUri = slow.BaseUri, Timeout = TimeSpan.FromMilliseconds(300) });

            var ex = await Assert.ThrowsAsync<TimeoutException>(() => client.CreateImage("otter").SendAsync());
            Assert.Contains("ImageClientOptions.Timeout", ex.Message);
        }

        [Fact]
        public void Options_DefaultsAndValidation()
        {
            using var client = new ImageClient(new ImageClientOptions { ApiKey = "k", BaseUri = new Uri("http://127.0.0.1:1/v1") });
            Assert.Equal("http://127.0.0.1:1/v1/", client.BaseUri.ToString());
            Assert.Equal(TimeSpan.FromMinutes(10), client.Timeout);
            Assert.Throws<ArgumentException>(() => new ImageClient(new ImageClientOptions { BaseUri = new Uri("ftp://example.com/") }));
            Assert.Throws<ArgumentException>(() => new ImageClient(new ImageClientOptions { Timeout = TimeSpan.Zero }));
            Assert.Throws<ArgumentNullException>(() => new ImageClient(null!));
        }

        [Fact]
        public async Task CallerSuppliedHttpClient_IsUsedAndNotDisposed()
        {
            var counter = new CountingHandler(new HttpClientHandler());
            using var http = new HttpClient(counter) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
            using (var client = new ImageClient(new ImageClientOptions { ApiKey = ServerFixture.ApiKey, BaseUri = Server.BaseUri, HttpClient = http }))
            {
                await client.CreateImage("otter").WithResponseFormat(ImageResponseFormat.B64Json).SendAsync();
            }

            Assert.Equal(1, counter.Count);
            // Still usable after the ImageClient is disposed.
            using var again = await http.GetAsync(Server.BaseUri);
            Assert.Equal(2, counter.Count);
        }

        [Fact]
        public async Task UrlImages_AreDownloadedThroughTheClientThatReadThem()
        {
            var counter = new CountingHandler(new HttpClientHandler());
            using var http = new HttpClient(counter);
            using var client = new ImageClient(new ImageClientOptions { ApiKey = ServerFixture.ApiKey, BaseUri = Server.BaseUri, HttpClient = http });

            var response = await client.CreateImage("otter").WithModel(ImageModel.DallE2).WithSize(ImageSize.Size256x256).SendAsync();
            var bytes = await response.Data[0].GetBytesAsync();

            Assert.Equal((256, 256), PngInfo.Read(bytes));
            Assert.Equal(2, counter.Count); // the generation and the download
        }

        [Fact]
        public async Task CallerHttpClientTimeout_IsReportedAsATimeoutNamingIt()
        {
            await using var slow = await LocalImageServer.StartAsync(new LocalImageServerOptions { ApiKey = null, ResponseDelay = TimeSpan.FromSeconds(30) });
            using var http = new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) };
            using var client = new ImageClient(new ImageClientOptions { ApiKey = "k", BaseUri = slow.BaseUri, HttpClient = http });

            var ex = await Assert.ThrowsAsync<TimeoutException>(() => client.CreateImage("otter").SendAsync());
            Assert.Contains("HttpClient.Timeout", ex.Message);
        }

        [Fact]
        public async Task KeyEchoedByTheServer_IsMaskedInTheException()
        {
            Server.EnqueueResponse(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + ServerFixture.ApiKey + ".\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}");

            var ex = await Assert.ThrowsAsync<ImageApiException>(() => Client.CreateImage("otter").SendAsync());

            Assert.Equal("Incorrect API key provided: ***.", ex.ErrorMessage);
            Assert.DoesNotContain(ServerFixture.ApiKey, ex.Message);
            Assert.DoesNotContain(ServerFixture.ApiKey, ex.RawBody);
            Assert.DoesNotContain(ServerFixture.ApiKey, ex.ToString());
        }

        private sealed class CountingHandler : DelegatingHandler
        {
            public CountingHandler(HttpMessageHandler inner) : base(inner) { }

            public int Count { get; private set; }

            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                Count++;
                return base.SendAsync(request, cancellationToken);
            }
        }

        [Fact]
        public async Task PlainHttpDownloads_FromNonLoopbackHosts_AreRefused()
        {
            var image = new GeneratedImage { Url = new Uri("http://example.com/image.png") };
            var ex = await Assert.ThrowsAsync<ImageTransportException>(() => image.GetBytesAsync());
            Assert.Contains("only https", ex.Message);
            Assert.Equal("example.com", ex.Host);
        }
    }
}
