using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CreateImageSdk.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Xunit;
using CreateImageSdk.Responses;

namespace CreateImageSdk.Tests
{
    public class StreamingTests : IClassFixture<ServerFixture>
    {
        private const string PngBase64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAAC0lEQVQYV2NgAAIAAAUAAarVyFEAAAAASUVORK5CYII=";

        private readonly ServerFixture _fixture;

        public StreamingTests(ServerFixture fixture) => _fixture = fixture;

        [Fact]
        public async Task LocalServer_StreamsPartialImagesThenTheCompletedImage()
        {
            var events = new List<ImageStreamEvent>();
            await foreach (var item in _fixture.Client.CreateImage("otter").WithModel(ImageModel.GptImage1).WithSize(ImageSize.Size1024x1536).WithPartialImages(2).StreamAsync())
            {
                events.Add(item);
            }

            Assert.Equal(new[] { ImageStreamEventType.ImageGenerationPartialImage, ImageStreamEventType.ImageGenerationPartialImage, ImageStreamEventType.ImageGenerationCompleted }, events.Select(e => e.Type));
            Assert.Equal(new int?[] { 0, 1, null }, events.Select(e => e.PartialImageIndex));
            Assert.All(events, e => Assert.Equal((1024, 1536), PngInfo.Read(e.Bytes!)));
            Assert.NotNull(events[^1].Usage);
            Assert.Null(events[0].Usage);
            Assert.Contains("\"stream\":true", _fixture.Server.Requests[^1].Body);
            Assert.Contains("\"partial_images\":2", _fixture.Server.Requests[^1].Body);
            Assert.Equal("text/event-stream", _fixture.Server.Requests[^1].Headers["Accept"]);
        }

        [Fact]
        public async Task InvalidStreamingRequest_ThrowsBeforeAnythingIsSent()
        {
            var before = _fixture.Server.Requests.Count;
            // dall-e-3 does not stream: refused when the stream is requested, not when it is first read.
            Assert.Throws<ImageRequestValidationException>(() => _fixture.Client.CreateImage("otter").WithModel(ImageModel.DallE3).StreamAsync());
            Assert.Equal(before, _fixture.Server.Requests.Count);
        }

        [Fact]
        public async Task EventsDeliveredInTinyChunks_AreEachYielded()
        {
            var body = Event("image_generation.partial_image", "{\"type\":\"image_generation.partial_image\",\"b64_json\":\"" + PngBase64 + "\",\"partial_image_index\":0,\"created_at\":1,\"size\":\"1024x1024\"}")
                       + ": keep-alive comment\r\n\r\n"
                       + Event("image_generation.completed", "{\"type\":\"image_generation.completed\",\"b64_json\":\"" + PngBase64 + "\",\"created_at\":2,\"quality\":\"ultra\",\"usage\":{\"input_tokens\":1,\"output_tokens\":2,\"total_tokens\":3}}");
            await using var server = await ChunkedServer.StartAsync(Encoding.UTF8.GetBytes(body), chunkSize: 7, hangAtEnd: false);
            using var client = new ImageClient(new ImageClientOptions { ApiKey = "k", BaseUri = server.BaseUri });

            var events = new List<ImageStreamEvent>();
            await foreach (var item in client.CreateImage("otter").WithModel(ImageModel.GptImage1).StreamAsync()) events.Add(item);

            Assert.Equal(2, events.Count);
            Assert.Equal(0, events[0].PartialImageIndex);
            Assert.Equal("ultra", events[1].Quality!.Value.Value);
            Assert.Equal(3, events[1].Usage!.TotalTokens);
            Assert.Equal((1, 1), PngInfo.Read(events[1].Bytes!));
        }

        [Fact]
        public async Task Cancellation_StopsTheReadAtOnce()
        {
            var first = Event("image_generation.partial_image", "{\"type\":\"image_generation.partial_image\",\"b64_json\":\"" + PngBase64 + "\",\"partial_image_index\":0}");
            await using var server = await ChunkedServer.StartAsync(Encoding.UTF8.GetBytes(first), chunkSize: 4096, hangAtEnd: true);
            using var client = new ImageClient(new ImageClientOptions { ApiKey = "k", BaseUri = server.BaseUri });
            using var cancel = new CancellationTokenSource();

            var received = 0;
            var reading = Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            {
                await foreach (var item in client.CreateImage("otter").WithModel(ImageModel.GptImage1).StreamAsync(cancel.Token))
                {
                    received++;
                    cancel.CancelAfter(100); // the server now sends nothing more; the pending read must end
                }
            });

            // The server never ends this stream: only cancellation can finish the read. The bound keeps a broken
            // build from hanging CI; it is not a speed assertion.
            await reading.WaitAsync(TimeSpan.FromMinutes(2));
            Assert.Equal(1, received);
        }

        [Fact]
        public async Task ErrorEventMidStream_IsAnImageApiException()
        {
            var body = Event("error", "{\"error\":{\"message\":\"Your request was rejected by the safety system.\",\"type\":\"image_generation_user_error\",\"param\":null,\"code\":\"moderation_blocked\"}}");
            await using var server = await ChunkedServer.StartAsync(Encoding.UTF8.GetBytes(body), chunkSize: 64, hangAtEnd: false);
            using var client = new ImageClient(new ImageClientOptions { ApiKey = "k", BaseUri = server.BaseUri });

            var ex = await Assert.ThrowsAsync<ImageApiException>(async () =>
            {
                await foreach (var item in client.CreateImage("otter").WithModel(ImageModel.GptImage1).StreamAsync()) { }
            });

            Assert.Equal("moderation_blocked", ex.ErrorCode);
            Assert.Contains("safety system", ex.Message);
        }

        [Fact]
        public async Task ServerSentEventReader_HandlesOneByteReadsAndMultiLineData_AndDropsAnUnfinishedEvent()
        {
            var text = "event: a\ndata: {\"x\":\ndata: 1}\n\n:comment\nevent: b\r\ndata: [2]\r\n\r\ndata: cut off";
            var reader = new ServerSentEventReader(new TrickleStream(Encoding.UTF8.GetBytes(text)), 1024);

            Assert.True(await reader.ReadAsync(CancellationToken.None));
            Assert.Equal("a", reader.EventType);
            Assert.Equal("{\"x\":\n1}", Encoding.UTF8.GetString(reader.Data.ToArray()));
            Assert.True(await reader.ReadAsync(CancellationToken.None));
            Assert.Equal("b", reader.EventType);
            Assert.Equal("[2]", Encoding.UTF8.GetString(reader.Data.ToArray()));
            Assert.False(await reader.ReadAsync(CancellationToken.None));
        }

        [Fact]
        public async Task ServerSentEventReader_KeepsALongDataLineWhileMoreArrives_AndOverTheLimitFails()
        {
            // Lines longer than the reader's buffer, arriving a byte at a time, each followed by more events: a data
            // line is passed on as it comes, so its text is whole in the event's data though never in the buffer.
            var first = new string('A', 40_000);
            var second = new string('B', 70_000);
            var text = "data: " + first + "\n\n: ping\nevent: next\ndata: " + second + "\n\ndata: x\ndata: y\n\n";
            var reader = new ServerSentEventReader(new TrickleStream(Encoding.UTF8.GetBytes(text)), 1024 * 1024);

            Assert.True(await reader.ReadAsync(CancellationToken.None));
            Assert.Equal(first, Encoding.UTF8.GetString(reader.Data.ToArray()));
            Assert.True(await reader.ReadAsync(CancellationToken.None));
            Assert.Equal(("next", second), (reader.EventType, Encoding.UTF8.GetString(reader.Data.ToArray())));
            Assert.True(await reader.ReadAsync(CancellationToken.None));
            Assert.Equal("x\ny", Encoding.UTF8.GetString(reader.Data.ToArray()));
            Assert.False(await reader.ReadAsync(CancellationToken.None));

            var limited = new ServerSentEventReader(new MemoryStream(Encoding.UTF8.GetBytes("data: " + second + "\n\n")), 50_000);
            await Assert.ThrowsAsync<ResponseTooLargeException>(async () => await limited.ReadAsync(CancellationToken.None));
        }

        [Fact]
        public async Task StreamEndingBeforeTheFinalEvent_IsAnError_NotASilentSuccess()
        {
            var body = Event("image_generation.partial_image", "{\"type\":\"image_generation.partial_image\",\"b64_json\":\"" + PngBase64 + "\",\"partial_image_index\":0}");
            await using var server = await ChunkedServer.StartAsync(Encoding.UTF8.GetBytes(body), chunkSize: 64, hangAtEnd: false);
            using var client = new ImageClient(new ImageClientOptions { ApiKey = "k", BaseUri = server.BaseUri });

            var received = 0;
            var ex = await Assert.ThrowsAsync<ImageResponseFormatException>(async () =>
            {
                await foreach (var item in client.CreateImage("otter").WithModel(ImageModel.GptImage1).StreamAsync()) received++;
            });

            Assert.Equal(1, received);
            Assert.Contains("ended before the final event", ex.Message);
        }

        [Fact]
        public async Task ErrorObjectWithoutAnEventLine_IsStillAnError()
        {
            var body = "data: {\"type\":\"error\",\"error\":{\"message\":\"Boom\",\"type\":\"server_error\",\"param\":null,\"code\":null}}\n\n";
            await using var server = await ChunkedServer.StartAsync(Encoding.UTF8.GetBytes(body), chunkSize: 64, hangAtEnd: false);
            using var client = new ImageClient(new ImageClientOptions { ApiKey = "k", BaseUri = server.BaseUri });

            var ex = await Assert.ThrowsAsync<ImageApiException>(async () =>
            {
                await foreach (var item in client.CreateImage("otter").WithModel(ImageModel.GptImage1).StreamAsync()) { }
            });

            Assert.Equal("server_error", ex.ErrorType);
            Assert.Contains("Boom", ex.Message);
        }

        private static string Event(string type, string json) => "event: " + type + "\ndata: " + json + "\n\n";

        /// <summary>A stream that returns one byte per read, as a slow network might.</summary>
        private sealed class TrickleStream : MemoryStream
        {
            public TrickleStream(byte[] bytes) : base(bytes) { }

            public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 1));

            public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer, offset, count));

            public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => new ValueTask<int>(base.Read(buffer.Span.Slice(0, Math.Min(buffer.Length, 1))));
        }

        /// <summary>A real Kestrel server on 127.0.0.1 that sends a fixed event-stream body in small flushed chunks.</summary>
        private sealed class ChunkedServer : IAsyncDisposable
        {
            private readonly WebApplication _app;

            private ChunkedServer(WebApplication app, Uri baseUri)
            {
                _app = app;
                BaseUri = baseUri;
            }

            public Uri BaseUri { get; }

            public static async Task<ChunkedServer> StartAsync(byte[] body, int chunkSize, bool hangAtEnd)
            {
                var builder = WebApplication.CreateSlimBuilder();
                builder.Logging.ClearProviders();
                builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
                var app = builder.Build();
                app.MapPost("/v1/images/generations", async (HttpContext context) =>
                {
                    context.Response.ContentType = "text/event-stream";
                    for (var offset = 0; offset < body.Length; offset += chunkSize)
                    {
                        await context.Response.Body.WriteAsync(body.AsMemory(offset, Math.Min(chunkSize, body.Length - offset)), context.RequestAborted);
                        await context.Response.Body.FlushAsync(context.RequestAborted);
                        await Task.Delay(1, context.RequestAborted);
                    }

                    if (hangAtEnd) await Task.Delay(Timeout.Infinite, context.RequestAborted);
                });
                await app.StartAsync();
                var address = app.Urls.First().Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal);
                return new ChunkedServer(app, new Uri(address.TrimEnd('/') + "/v1/"));
            }

            public async ValueTask DisposeAsync()
            {
                using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _app.StopAsync(stop.Token);
                await _app.DisposeAsync();
            }
        }
    }
}
