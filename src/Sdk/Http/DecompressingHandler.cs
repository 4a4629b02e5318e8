using System;
using System.IO;
using System.IO.Compression;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace CreateImageSdk.Http
{
    /// <summary>
    /// Asks for compressed answers and decompresses them itself, in place of the handler's AutomaticDecompression,
    /// to keep the one figure that handler drops: the compressed <c>Content-Length</c>. Base64 of an image (PNG,
    /// JPEG and WebP bytes are already compressed) compresses back to about the image's own size, so that length
    /// is how large the decoded images will be, and the reader sizes their one buffer from it
    /// (<see cref="DecompressedContent"/>) instead of doubling it as they arrive.
    /// </summary>
    internal sealed class DecompressingHandler : DelegatingHandler
    {
#if NET
        private static readonly string[] Encodings = { "gzip", "br", "deflate" };
#else
        private static readonly string[] Encodings = { "gzip" };
#endif

        public DecompressingHandler(HttpMessageHandler inner) : base(inner)
        {
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            // A caller that set its own Accept-Encoding decompresses itself.
            var ours = request.Headers.AcceptEncoding.Count == 0;
            if (ours)
            {
                foreach (var encoding in Encodings) request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
            }

            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var content = response.Content;
            if (ours && content != null && content.Headers.ContentEncoding.Count == 1)
            {
                var encoding = string.Join(string.Empty, content.Headers.ContentEncoding).Trim().ToLowerInvariant();
                if (Array.IndexOf(Encodings, encoding) >= 0) response.Content = new DecompressedContent(content, encoding);
            }

            return response;
        }
    }

    /// <summary>
    /// A compressed body read decompressed, with the compressed length it came with and how much of it was read so
    /// far (<see cref="CompressedLength"/>, <see cref="CompressedBytesRead"/>) for sizing what it decodes to.
    /// </summary>
    internal sealed class DecompressedContent : HttpContent
    {
        private readonly HttpContent _compressed;
        private readonly string _encoding;
        private Counted? _counted;

        public DecompressedContent(HttpContent compressed, string encoding)
        {
            _compressed = compressed;
            _encoding = encoding;
            CompressedLength = compressed.Headers.ContentLength;
            foreach (var header in compressed.Headers)
            {
                if (string.Equals(header.Key, "Content-Encoding", StringComparison.OrdinalIgnoreCase) || string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase)) continue;
                Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        /// <summary>The compressed body's length, when the server sent one.</summary>
        public long? CompressedLength { get; }

        /// <summary>How many compressed bytes the decompressor has read.</summary>
        public long CompressedBytesRead => _counted?.BytesRead ?? 0;

        protected override async Task<Stream> CreateContentReadStreamAsync()
        {
            var raw = await _compressed.ReadAsStreamAsync().ConfigureAwait(false);
            _counted = new Counted(raw);
            return new Decoded(_encoding switch
            {
#if NET
                "br" => new BrotliStream(_counted, CompressionMode.Decompress),
                "deflate" => new ZLibStream(_counted, CompressionMode.Decompress),
#endif
                _ => new GZipStream(_counted, CompressionMode.Decompress),
            });
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            using var decompressed = await CreateContentReadStreamAsync().ConfigureAwait(false);
            await decompressed.CopyToAsync(stream).ConfigureAwait(false);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) _compressed.Dispose();
            base.Dispose(disposing);
        }

        /// <summary>The compressed bytes, counted.</summary>
        private sealed class Counted : Responses.ReadOnlyStreamView
        {
            public Counted(Stream inner) : base(inner)
            {
            }
        }

        /// <summary>
        /// The decoder's output. Brotli reports bad data as <see cref="InvalidOperationException"/> where gzip and
        /// deflate throw <see cref="InvalidDataException"/>; both become the latter, which the readers report as an
        /// answer that could not be decompressed.
        /// </summary>
        private sealed class Decoded : Responses.ReadOnlyStreamView
        {
            public Decoded(Stream decoder) : base(decoder)
            {
            }

            protected override Exception? MapError(Exception error) =>
                error is InvalidOperationException && !(error is ObjectDisposedException) ? new InvalidDataException(error.Message, error) : null;
        }
    }
}
