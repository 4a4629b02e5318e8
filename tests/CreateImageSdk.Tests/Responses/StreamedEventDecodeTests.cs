using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CreateImageSdk.Http;
using CreateImageSdk.Responses;
using CreateImageSdk.Tests.Faults;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace CreateImageSdk.Tests.Responses
{
    /// <summary>
    /// Stream events decoded as they arrive: a data line's base64 goes to the event's image while the line is still
    /// coming, the reader's own buffer stays at its first size, and each event's image has a buffer of its own.
    /// </summary>
    public sealed class StreamedEventDecodeTests
    {
        private static byte[] Image(int length, int seed)
        {
            var bytes = new byte[length];
            new Random(seed).NextBytes(bytes);
            return bytes;
        }

        private static string Events(byte[][] images, string newline = "\n", bool escapeSlashes = false) =>
            string.Concat(images.Select((image, i) =>
            {
                var last = i == images.Length - 1;
                var type = last ? "image_generation.completed" : "image_generation.partial_image";
                var text = Convert.ToBase64String(image);
                if (escapeSlashes) text = text.Replace("/", "\\/");
                var json = "{\"type\":\"" + type + "\",\"b64_json\":\"" + text + "\",\"created_at\":" + (i + 1) +
                           (last ? ",\"usage\":{\"input_tokens\":1,\"output_tokens\":2,\"total_tokens\":3}" : ",\"partial_image_index\":" + i) + "}";
                return ": keep-alive" + newline + "event: " + type + newline + "data: " + json + newline + newline;
            }));

        [Theory]
        [InlineData("\n", 1_000, false)]
        [InlineData("\r\n", 4_093, true)]
        [InlineData("\r\n", 1, false)]
        public async Task ImageEvents_DecodeWhileTheirLineArrives_WithoutGrowingTheReadBuffer(string newline, int readSize, bool escapeSlashes)
        {
            var size = readSize == 1 ? 30_000 : 600_000;
            var images = new[] { Image(size, 1), Image(size + 7, 2), Image(size - 5, 3) };
            var stream = new RecordingStream(Encoding.UTF8.GetBytes(Events(images, newline, escapeSlashes)), readSize);
            var reader = new ServerSentEventReader(stream, 64 * 1024 * 1024);
            var events = new ImageStreamEvent[images.Length];

            for (var i = 0; i < images.Length; i++)
            {
                Assert.True(await reader.ReadAsync(CancellationToken.None));
                Assert.DoesNotContain(Convert.ToBase64String(images[i]).Substring(0, 40), Encoding.ASCII.GetString(reader.Data.ToArray()));
                events[i] = SplicedImages.Parse(reader.Data, reader.Images, CreateImageSdkJsonContext.Default.ImageStreamEvent)!;
            }

            Assert.False(await reader.ReadAsync(CancellationToken.None));
            // Events kept while later ones were read still hold their own image.
            for (var i = 0; i < images.Length; i++) Assert.Equal(images[i], events[i].Bytes!.Value.ToArray());
            Assert.Equal(new int?[] { 0, 1, null }, events.Select(e => e.PartialImageIndex));
            Assert.NotNull(events[^1].Usage);

            // Had a line been held whole, the reader would have offered ever larger buffers to read into.
            Assert.InRange(stream.LargestReadOffered, 1, 16 * 1024);

            // After the first event, an image's buffer is sized from the one before it: an eighth over, no doubling.
            for (var i = 1; i < images.Length; i++)
            {
                Assert.True(MemoryMarshal.TryGetArray(events[i].Bytes!.Value, out var segment));
                Assert.InRange(segment.Array!.Length, images[i].Length, Math.Max(64 * 1024, images[i - 1].Length + images[i - 1].Length / 8));
            }
        }

        [Fact]
        public async Task OverTheWire_StreamedImagesArriveWhole()
        {
            var images = new[] { Image(200_000, 4), Image(210_000, 5), Image(190_000, 6) };
            await using var server = await FaultServer.StartAsync(EventsInPieces(Encoding.UTF8.GetBytes(Events(images)), 7_001));
            using var client = Client(server);

            var received = await Collect(client);

            Assert.Equal(images.Length, received.Length);
            for (var i = 0; i < images.Length; i++) Assert.Equal(images[i], received[i].Bytes!.Value.ToArray());
            Assert.Equal(ImageStreamEventType.ImageGenerationCompleted, received[^1].Type);
        }

        [Fact]
        public async Task MalformedBase64MidEvent_IsTheSameFormatError_AfterTheEventsBeforeIt()
        {
            var images = new[] { Image(100_000, 7), Image(100_000, 8) };
            var text = Events(images);
            var bad = text.LastIndexOf("\"b64_json\"", StringComparison.Ordinal) + 50_000;
            var body = Encoding.UTF8.GetBytes(text.Substring(0, bad) + "*" + text.Substring(bad + 1));
            await using var server = await FaultServer.StartAsync(EventsInPieces(body, 8_192));
            using var client = Client(server);

            var received = 0;
            var ex = await Assert.ThrowsAsync<ImageResponseFormatException>(async () =>
            {
                await foreach (var item in client.CreateImage("otter").WithModel(ImageModel.GptImage1).WithPartialImages(1).StreamAsync()) received++;
            });

            Assert.Equal(1, received);
            Assert.Equal("The server sent a 'image_generation.completed' event that is not a valid ImageStreamEvent: Property 'b64_json' is not valid base64.", ex.Message);
        }

        [Fact]
        public async Task StreamCutOffInsideAnImage_IsNotASuccess()
        {
            var images = new[] { Image(100_000, 9), Image(100_000, 10) };
            var text = Events(images);
            var cut = text.LastIndexOf("\"b64_json\"", StringComparison.Ordinal) + 40_000;
            await using var server = await FaultServer.StartAsync(EventsInPieces(Encoding.UTF8.GetBytes(text.Substring(0, cut)), 8_192));
            using var client = Client(server);

            var ex = await Assert.ThrowsAsync<ImageResponseFormatException>(() => Collect(client));

            Assert.Contains("ended before the final event", ex.Message);
        }

        [Fact]
        public async Task AnEventOverTheLimit_FailsWhileItArrives()
        {
            var text = Events(new[] { Image(90_000, 11) });
            var reader = new ServerSentEventReader(new RecordingStream(Encoding.UTF8.GetBytes(text), 4_096), 50_000);

            await Assert.ThrowsAsync<ResponseTooLargeException>(async () => await reader.ReadAsync(CancellationToken.None));
        }

        private static async Task<ImageStreamEvent[]> Collect(ImageClient client)
        {
            var events = new System.Collections.Generic.List<ImageStreamEvent>();
            await foreach (var item in client.CreateImage("otter").WithModel(ImageModel.GptImage1).WithPartialImages(2).StreamAsync()) events.Add(item);
            return events.ToArray();
        }

        private static ImageClient Client(FaultServer server) =>
            new ImageClient(new ImageClientOptions { ApiKey = "sk-test", BaseUri = server.BaseUri, MaxRetries = 0 });

        /// <summary>An event-stream body in small flushed pieces, without a length (as OpenAI streams).</summary>
        private static Func<HttpContext, Task> EventsInPieces(byte[] body, int piece) => async context =>
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "text/event-stream";
            for (var offset = 0; offset < body.Length; offset += piece)
            {
                await context.Response.Body.WriteAsync(body.AsMemory(offset, Math.Min(piece, body.Length - offset)));
                await context.Response.Body.FlushAsync();
            }
        };

        /// <summary>Returns at most a few bytes per read and records the largest room the reader offered.</summary>
        private sealed class RecordingStream : MemoryStream
        {
            private readonly int _readSize;

            public RecordingStream(byte[] bytes, int readSize) : base(bytes) => _readSize = readSize;

            public int LargestReadOffered { get; private set; }

            public override int Read(byte[] buffer, int offset, int count)
            {
                LargestReadOffered = Math.Max(LargestReadOffered, count);
                return base.Read(buffer, offset, Math.Min(count, _readSize));
            }

            public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer, offset, count));

            public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            {
                LargestReadOffered = Math.Max(LargestReadOffered, buffer.Length);
                return new ValueTask<int>(base.Read(buffer.Span.Slice(0, Math.Min(buffer.Length, _readSize))));
            }
        }
    }
}
