using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using CreateImageSdk.Tests.Faults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Xunit;

namespace CreateImageSdk.Tests.Edits
{
    /// <summary>What an edit puts on the wire, read back by a real Kestrel server and ASP.NET Core's own multipart reader.</summary>
    public class EditWireTests
    {
        [Fact]
        public async Task SeveralImagesAndAMask_AreSentAsImageArrayParts_WithTheirBytesAndTypes()
        {
            await using var server = await FaultServer.StartAsync(Fault.Ok());
            using var client = FaultTests.Client(server);
            var first = TestImages.Png(32, 32, 0x10);
            var second = TestImages.Jpeg();
            var mask = TestImages.Png(32, 32, 0xF0);

            await client.EditImage("Put both in a basket", ImageInput.FromBytes(first, "lotion.png"), ImageInput.FromBytes(second, "soap.jpg"))
                .WithMask(ImageInput.FromBytes(mask, "mask.png"))
                .WithModel(ImageModel.GptImage1_5)
                .WithSize(ImageSize.Size1024x1024)
                .WithInputFidelity(InputFidelity.High)
                .WithCount(2)
                .SendAsync(FaultTests.Bound());

            var (body, contentType, contentLength) = Assert.Single(server.RawRequests);
            Assert.Equal("/v1/images/edits", Assert.Single(server.Paths));
            Assert.StartsWith("multipart/form-data; boundary=", contentType);
            Assert.Equal(body.Length, contentLength); // a known length: every part's size is known, nothing is chunked
            var parts = await ReadPartsAsync(body, contentType!);
            Assert.Equal(new[] { "prompt", "image[]", "image[]", "mask", "model", "n", "size", "input_fidelity" }, parts.Select(p => p.Name));
            Assert.Equal("Put both in a basket", parts[0].Text);
            Assert.Null(parts[0].ContentType);
            Assert.Equal(("lotion.png", "image/png"), (parts[1].FileName, parts[1].ContentType));
            Assert.Equal(first, parts[1].Bytes);
            Assert.Equal(("soap.jpg", "image/jpeg"), (parts[2].FileName, parts[2].ContentType));
            Assert.Equal(second, parts[2].Bytes);
            Assert.Equal(mask, parts[3].Bytes);
            Assert.Equal(new[] { "gpt-image-1.5", "2", "1024x1024", "high" }, parts.Skip(4).Select(p => p.Text));
        }

        [Fact]
        public async Task OneImage_IsSentAsImage()
        {
            await using var server = await FaultServer.StartAsync(Fault.Ok());
            using var client = FaultTests.Client(server);

            await client.EditImage("otter", ImageInput.FromBytes(TestImages.Png(16, 16))).SendAsync(FaultTests.Bound());

            var (body, contentType, _) = Assert.Single(server.RawRequests);
            var parts = await ReadPartsAsync(body, contentType!);
            Assert.Equal(new[] { "prompt", "image" }, parts.Select(p => p.Name));
            Assert.Equal("image.png", parts[1].FileName);
        }

        [Fact]
        public async Task FileAndSeekableStream_AreSentAgainOnARetry_ByteForByte()
        {
            await using var server = await FaultServer.StartAsync(Fault.Error(503), Fault.Ok());
            using var client = FaultTests.Client(server);
            var path = Path.Combine(Path.GetTempPath(), "cis-" + Guid.NewGuid().ToString("N") + ".png");
            File.WriteAllBytes(path, TestImages.Png(20, 20));
            var streamed = TestImages.Webp(5000);
            try
            {
                using var stream = new MemoryStream(streamed);
                await client.EditImage("otter", ImageInput.FromFile(path), ImageInput.FromStream(stream, "b.webp")).SendAsync(FaultTests.Bound());
            }
            finally
            {
                File.Delete(path);
            }

            Assert.Equal(2, server.Attempts);
            foreach (var (body, contentType, _) in server.RawRequests)
            {
                var parts = await ReadPartsAsync(body, contentType!);
                Assert.Equal(TestImages.Png(20, 20), parts[1].Bytes);
                Assert.Equal(streamed, parts[2].Bytes);
            }
        }

        [Fact]
        public async Task AStreamThatCannotSeek_IsSentOnce_AndAFailureSaysWhyItWasNotRetried()
        {
            await using var server = await FaultServer.StartAsync(Fault.Error(503), Fault.Ok());
            using var client = FaultTests.Client(server);

            var ex = await FaultTests.Expect<ImageApiException>(() =>
                client.EditImage("otter", ImageInput.FromStream(new ForwardOnlyStream(TestImages.Png(12, 12)), "pipe.png")).SendAsync(FaultTests.Bound()));

            Assert.Equal(503, ex.StatusCode);
            Assert.Equal(1, server.Attempts);
            Assert.Equal(1, ex.Attempts);
            Assert.Contains("'pipe.png' comes from a stream that cannot seek", ex.NotRetriedBecause);
            var parts = await ReadPartsAsync(server.RawRequests[0].Body, server.RawRequests[0].ContentType!);
            Assert.Equal(TestImages.Png(12, 12), parts[1].Bytes); // the header bytes read to detect the format were sent too
        }

        [Theory]
        [InlineData("ótter-été.png", "ótter-été.png")]
        [InlineData("otter \"best\".png", "otter _best_.png")]
        [InlineData("a\\b\r\n.png", "a_b__.png")]
        public async Task FileNames_ArriveReadable_WithQuotesAndLineBreaksReplaced(string fileName, string received)
        {
            await using var server = await FaultServer.StartAsync(Fault.Ok());
            using var client = FaultTests.Client(server);

            await client.EditImage("otter", ImageInput.FromBytes(TestImages.Png(16, 16), fileName)).SendAsync(FaultTests.Bound());

            var parts = await ReadPartsAsync(server.RawRequests[0].Body, server.RawRequests[0].ContentType!);
            Assert.Equal(received, parts[1].FileName);
        }

        [Fact]
        public async Task AdditionalProperties_BecomeFormFields()
        {
            await using var server = await FaultServer.StartAsync(Fault.Ok());
            using var client = FaultTests.Client(server);

            await client.EditImage("otter", ImageInput.FromBytes(TestImages.Png(16, 16)))
                .WithAdditionalProperty("seed", System.Text.Json.JsonDocument.Parse("42").RootElement)
                .WithAdditionalProperty("style_preset", System.Text.Json.JsonDocument.Parse("\"ink\"").RootElement)
                .SendAsync(FaultTests.Bound());

            var parts = await ReadPartsAsync(server.RawRequests[0].Body, server.RawRequests[0].ContentType!);
            Assert.Equal(("seed", "42"), (parts[2].Name, parts[2].Text));
            Assert.Equal(("style_preset", "ink"), (parts[3].Name, parts[3].Text));
        }

        [Fact]
        public async Task AStreamThatCannotSeek_SentOnce_IsRefusedBeforeASecondRequest()
        {
            await using var server = await FaultServer.StartAsync(Fault.Ok());
            using var client = FaultTests.Client(server);
            var once = ImageInput.FromStream(new ForwardOnlyStream(TestImages.Png(12, 12)), "pipe.png");
            await client.EditImage("otter", once).SendAsync(FaultTests.Bound());

            var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => client.EditImage("again", once).SendAsync(FaultTests.Bound()));

            Assert.Equal("The image 'pipe.png' comes from a stream that cannot seek and was already sent; pass a file, bytes or a seekable stream to send it again.", ex.Message);
            Assert.Equal(1, server.Attempts);
        }

        internal static async Task<List<Part>> ReadPartsAsync(byte[] body, string contentType)
        {
            var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(contentType).Boundary).Value!;
            var reader = new MultipartReader(boundary, new MemoryStream(body));
            var parts = new List<Part>();
            while (await reader.ReadNextSectionAsync() is { } section)
            {
                var disposition = ContentDispositionHeaderValue.Parse(section.ContentDisposition);
                using var bytes = new MemoryStream();
                await section.Body.CopyToAsync(bytes);
                parts.Add(new Part(
                    HeaderUtilities.RemoveQuotes(disposition.Name).Value!,
                    disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : disposition.FileName.HasValue ? HeaderUtilities.UnescapeAsQuotedString(disposition.FileName).Value : null,
                    section.ContentType,
                    bytes.ToArray()));
            }

            return parts;
        }

        internal sealed record Part(string Name, string? FileName, string? ContentType, byte[] Bytes)
        {
            public string Text => Encoding.UTF8.GetString(Bytes);
        }
    }
}
