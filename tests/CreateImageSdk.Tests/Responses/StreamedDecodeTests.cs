using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CreateImageSdk.Responses;
using CreateImageSdk.Tests.Faults;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace CreateImageSdk.Tests.Responses
{
    /// <summary>
    /// Answers decoded as they arrive: the splicer at every split of the body, and over a real socket the images in
    /// memory (one buffer sized from Content-Length) or written to files, with malformed or cut-off base64 refused
    /// the same way as before and never leaving a file behind.
    /// </summary>
    public sealed class StreamedDecodeTests : IDisposable
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("streamed-decode-").FullName;

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        private static byte[] Image(int length, int seed)
        {
            var bytes = new byte[length];
            new Random(seed).NextBytes(bytes);
            return bytes;
        }

        private static string Body(byte[][] images, bool escapeSlashes = false) =>
            "{\"created\":1700000000,\"data\":[" +
            string.Join(",", images.Select((image, i) =>
            {
                var text = Convert.ToBase64String(image);
                return "{\"revised_prompt\":\"otter \\\"" + i + "\\\"\", \"b64_json\" : \"" + (escapeSlashes ? text.Replace("/", "\\/") : text) + "\"}";
            })) +
            "],\"usage\":{\"input_tokens\":7,\"output_tokens\":9,\"total_tokens\":16}}";

        private static ImagesResponse Splice(byte[] body, int piece, IDecodedImageSink sink)
        {
            var splicer = new ImageSplicer(sink);
            for (var offset = 0; offset < body.Length;)
            {
                var length = Math.Min(piece, body.Length - offset);
                var taken = splicer.Feed(body.AsSpan(offset, length), body.Length - offset - length, out _);
                offset += taken;
            }

            Assert.True(splicer.AtRest);
            return SplicedImages.Parse(splicer.Json, sink, CreateImageSdkJsonContext.Default.ImagesResponse)!;
        }

        [Theory]
        [InlineData(1, false)]
        [InlineData(3, true)]
        [InlineData(7, false)]
        [InlineData(4096, true)]
        [InlineData(1 << 20, false)]
        public void EverySplitOfTheBody_GivesTheSameImagesAndFields(int piece, bool escapeSlashes)
        {
            var images = new[] { Image(3000, 1), Image(2999, 2), Image(2998, 3) };
            var body = Encoding.UTF8.GetBytes(Body(images, escapeSlashes));

            var response = Splice(body, piece, new MemoryImageSink());

            Assert.Equal(3, response.Data.Count);
            for (var i = 0; i < 3; i++)
            {
                Assert.Equal(images[i], response.Data[i].Bytes!.Value.ToArray());
                Assert.Equal("otter \"" + i + "\"", response.Data[i].RevisedPrompt);
            }

            Assert.Equal(16, response.Usage!.TotalTokens);
        }

        [Fact]
        public void WithTheBodysLength_TheImagesShareOneBufferBarelyLargerThanThem()
        {
            var images = Enumerable.Range(0, 4).Select(i => Image(200_000 + i, i)).ToArray();
            var body = Encoding.UTF8.GetBytes(Body(images));

            var response = Splice(body, 32 * 1024, new MemoryImageSink());

            var arrays = response.Data.Select(d => MemoryMarshal.TryGetArray(d.Bytes!.Value, out var segment) ? segment.Array! : null).Distinct().ToList();
            var buffer = Assert.Single(arrays)!;
            var decoded = images.Sum(i => (long)i.Length);
            Assert.InRange(buffer.Length, decoded, decoded + 1024);
        }

        [Fact]
        public void WithoutALength_EachImageGrowsItsOwnBuffer_AndIsStillExact()
        {
            var images = new[] { Image(300_000, 1), Image(10, 2) };
            var body = Encoding.UTF8.GetBytes(Body(images));
            var sink = new MemoryImageSink();
            var splicer = new ImageSplicer(sink);
            for (var offset = 0; offset < body.Length;) offset += splicer.Feed(body.AsSpan(offset, Math.Min(1000, body.Length - offset)), null, out _);

            var response = SplicedImages.Parse(splicer.Json, sink, CreateImageSdkJsonContext.Default.ImagesResponse)!;

            Assert.Equal(images[0], response.Data[0].Bytes!.Value.ToArray());
            Assert.Equal(images[1], response.Data[1].Bytes!.Value.ToArray());
        }

        [Theory]
        [InlineData("QUJD*0VG")]
        [InlineData("QUJD=EVG")]
        [InlineData("QUJDRA")]
        [InlineData("QUJD\\n")]
        public void MalformedBase64_IsTheSameJsonException(string text)
        {
            var body = Encoding.UTF8.GetBytes("{\"created\":1,\"data\":[{\"b64_json\":\"" + text + "\"}]}");
            var ex = Assert.Throws<System.Text.Json.JsonException>(() => Splice(body, 3, new MemoryImageSink()));
            Assert.Contains("Property 'b64_json' is not valid base64", ex.Message);
        }

        [Fact]
        public void AnUnsplicedName_StillDecodes()
        {
            // "b64\u005fjson" is b64_json written with an escape: the splicer leaves it, the converter decodes it.
            var body = Encoding.UTF8.GetBytes("{\"created\":1,\"data\":[{\"b64\\u005fjson\":\"AQID\"}]}");
            Assert.Equal(new byte[] { 1, 2, 3 }, Splice(body, 5, new MemoryImageSink()).Data[0].Bytes!.Value.ToArray());
        }

        [Fact]
        public void ANumberTheSplicerDidNotWrite_IsRefusedAsBase64()
        {
            // "#7" is not base64; under an escaped name the splicer leaves it, and no image 7 exists.
            var body = Encoding.UTF8.GetBytes("{\"created\":1,\"data\":[{\"b64\\u005fjson\":\"#7\"}]}");
            var ex = Assert.Throws<System.Text.Json.JsonException>(() => Splice(body, 4, new MemoryImageSink()));
            Assert.Contains("Property 'b64_json' is not valid base64", ex.Message);
        }

        /// <summary>The body in small flushed pieces with its Content-Length; cut off (connection aborted) after <paramref name="cutAt"/> bytes when given.</summary>
        private static Func<HttpContext, Task> InPieces(byte[] body, int piece, int? cutAt = null) => async context =>
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = body.Length;
            var end = cutAt ?? body.Length;
            for (var offset = 0; offset < end; offset += piece)
            {
                await context.Response.Body.WriteAsync(body.AsMemory(offset, Math.Min(piece, end - offset)));
                await context.Response.Body.FlushAsync();
            }

            if (cutAt != null)
            {
                await Task.Delay(100);
                context.Abort();
            }
        };

        private static ImageClient Client(FaultServer server) =>
            new ImageClient(new ImageClientOptions { ApiKey = "sk-test", BaseUri = server.BaseUri, MaxRetries = 0 });

        [Fact]
        public async Task OverTheWire_ImagesDecodeInMemory_AndSaveToFilesAsTheyArrive()
        {
            var images = new[] { Image(150_000, 4), Image(149_999, 5), Image(1, 6) };
            var body = Encoding.UTF8.GetBytes(Body(images));
            await using var server = await FaultServer.StartAsync(InPieces(body, 7_001));
            using var client = Client(server);

            var inMemory = await client.CreateImage("otter").WithCount(3).SendAsync();
            var saved = await client.CreateImage("otter").WithCount(3).SaveAsync(i => Path.Combine(_folder, "otter-" + (i + 1) + ".png"));

            for (var i = 0; i < 3; i++)
            {
                Assert.Equal(images[i], inMemory.Data[i].Bytes!.Value.ToArray());
                var path = Path.Combine(_folder, "otter-" + (i + 1) + ".png");
                Assert.Equal(path, saved.Data[i].SavedPath);
                Assert.Null(saved.Data[i].Bytes);
                Assert.Equal(images[i], File.ReadAllBytes(path));
                Assert.Equal(images[i], (await saved.Data[i].GetBytesAsync()).ToArray());
                Assert.Equal("otter \"" + i + "\"", saved.Data[i].RevisedPrompt);
            }

            Assert.Equal(new[] { "otter-1.png", "otter-2.png", "otter-3.png" }, Directory.GetFiles(_folder).Select(Path.GetFileName).OrderBy(n => n));
        }

        [Fact]
        public async Task APathFunctionWithoutAName_IsAnArgumentError_AndLeavesNoFile()
        {
            var images = new[] { Image(50_000, 14), Image(50_000, 15) };
            await using var server = await FaultServer.StartAsync(InPieces(Encoding.UTF8.GetBytes(Body(images)), 8_192));
            using var client = Client(server);

            var ex = await Assert.ThrowsAsync<ArgumentException>(() =>
                client.CreateImage("otter").WithCount(2).SaveAsync(i => i == 0 ? Path.Combine(_folder, "first.png") : string.Empty));

            Assert.Equal("pathOfImage", ex.ParamName);
            Assert.StartsWith("pathOfImage returned no file name for image 1;", ex.Message);
            Assert.Empty(Directory.GetFiles(_folder));
        }

        [Theory]
        [InlineData("gzip")]
        [InlineData("br")]
        [InlineData("deflate")]
        public async Task ACompressedAnswer_IsSizedFromItsCompressedLength_NotGrownAsItArrives(string encoding)
        {
            // Without Content-Length for the decompressed body, the images' one buffer comes from the compressed
            // length (base64 of image bytes compresses back to about their size); doubling would show as 2x here.
            var images = new[] { Image(400_000, 11), Image(350_000, 12), Image(300_000, 13) };
            var body = Encoding.UTF8.GetBytes(Body(images));
            string? acceptEncoding = null;
            await using var server = await FaultServer.StartAsync(async context =>
            {
                acceptEncoding = context.Request.Headers.AcceptEncoding.ToString();
                var compressed = Compress(body, encoding);
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/json";
                context.Response.Headers.ContentEncoding = encoding;
                context.Response.ContentLength = compressed.Length;
                for (var offset = 0; offset < compressed.Length; offset += 16_384)
                {
                    await context.Response.Body.WriteAsync(compressed.AsMemory(offset, Math.Min(16_384, compressed.Length - offset)));
                    await context.Response.Body.FlushAsync();
                }
            });
            using var client = Client(server);

            var response = await client.CreateImage("otter").WithCount(3).SendAsync();

            Assert.Equal("gzip, br, deflate", acceptEncoding);
            var decoded = images.Sum(i => i.Length);
            for (var i = 0; i < images.Length; i++) Assert.Equal(images[i], response.Data[i].Bytes!.Value.ToArray());
            Assert.True(MemoryMarshal.TryGetArray(response.Data[0].Bytes!.Value, out var first));
            Assert.True(MemoryMarshal.TryGetArray(response.Data[2].Bytes!.Value, out var last));
            Assert.Same(first.Array, last.Array);
            Assert.InRange(first.Array!.Length, decoded, decoded * 1.05);
        }

        private static byte[] Compress(byte[] body, string encoding)
        {
            using var buffer = new MemoryStream();
            using (Stream compressor = encoding switch
            {
                "gzip" => new System.IO.Compression.GZipStream(buffer, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true),
                "br" => new System.IO.Compression.BrotliStream(buffer, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true),
                _ => new System.IO.Compression.ZLibStream(buffer, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true),
            })
            {
                compressor.Write(body);
            }

            return buffer.ToArray();
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public async Task MalformedOrCutOffBase64MidStream_IsTheSameFormatError_AndLeavesNoFile(bool cutOff)
        {
            var images = new[] { Image(120_000, 7), Image(120_000, 8) };
            var text = Body(images);
            var second = text.LastIndexOf("\"b64_json\"", StringComparison.Ordinal) + 20_000;
            var body = Encoding.UTF8.GetBytes(cutOff ? text : text.Substring(0, second) + "*" + text.Substring(second + 1));
            File.WriteAllText(Path.Combine(_folder, "img-1.png"), "an older file");
            await using var server = await FaultServer.StartAsync(InPieces(body, 8_192, cutOff ? second : null));
            using var client = Client(server);

            var ex = await Assert.ThrowsAnyAsync<ImageClientException>(() => client.CreateImage("otter").WithCount(2).SaveAsync(i => Path.Combine(_folder, "img-" + i + ".png")));
            var inMemory = await Assert.ThrowsAnyAsync<ImageClientException>(() => client.CreateImage("otter").WithCount(2).SendAsync());

            if (cutOff)
            {
                Assert.IsType<ImageTransportException>(ex);
            }
            else
            {
                var format = Assert.IsType<ImageResponseFormatException>(ex);
                Assert.Contains("Property 'b64_json' is not valid base64", format.Message);
                Assert.Equal(format.Message, Assert.IsType<ImageResponseFormatException>(inMemory).Message);
            }

            // The first image was whole, but the call failed: no image file at all, and the older file is untouched.
            Assert.Equal(new[] { "img-1.png" }, Directory.GetFiles(_folder).Select(Path.GetFileName));
            Assert.Equal("an older file", File.ReadAllText(Path.Combine(_folder, "img-1.png")));
        }
    }
}
