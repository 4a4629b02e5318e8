using System;
using System.Buffers;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using CreateImageSdk.Http;

namespace CreateImageSdk.Responses
{
    /// <summary>
    /// Reads a typed JSON answer as it arrives, through an <see cref="ImageSplicer"/>: one 32 KB read buffer, the
    /// images decoded into their sink as their text comes, and one parse of the small JSON left at the end. What a
    /// call holds is its images (or, saving to files, a fixed 96 KB) and the JSON around them; the read buffer is
    /// the only thing rented from the shared pool, and it is back there before the parse.
    /// </summary>
    internal static class SplicingBodyReader
    {
        private const int ReadSize = 32 * 1024;

        /// <exception cref="ResponseTooLargeException">The body is (or announces itself) larger than <paramref name="limit"/>.</exception>
        /// <exception cref="JsonException">The body is not the expected JSON, or an image is not valid base64.</exception>
        public static async Task<T?> ReadAsync<T>(HttpResponseMessage response, long limit, IDecodedImageSink sink, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        {
            var announced = response.Content.Headers.ContentLength;
            if (announced > limit) throw new ResponseTooLargeException("The body", limit);
            var files = sink as FileImageSink;
            var splicer = new ImageSplicer(sink);
            // The one buffer not the call's own: a read buffer of fixed size, rented and returned within the call (a
            // new one per call cost a 50 KB answer a fifth of its time, in zeroing and gen-0 collections).
            var buffer = ArrayPool<byte>.Shared.Rent(ReadSize);
            try
            {
                long total = 0;
                using var stream = await ResponseReader.ReadStreamAsync(response, cancellationToken).ConfigureAwait(false);
                while (true)
                {
#if NET
                    var read = await stream.ReadAsync(buffer.AsMemory(0, ReadSize), cancellationToken).ConfigureAwait(false);
#else
                    var read = await stream.ReadAsync(buffer, 0, ReadSize, cancellationToken).ConfigureAwait(false);
#endif
                    if (read == 0) break;
                    total += read;
                    if (total > limit) throw new ResponseTooLargeException("The body", limit);
                    var left = TextLeft(response, announced, total);
                    var offset = 0;
                    while (offset < read)
                    {
                        offset += splicer.Feed(new ReadOnlySpan<byte>(buffer, offset, read - offset), left, out _);
                        if (files != null) await files.FlushAsync(cancellationToken).ConfigureAwait(false);
                    }
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }

            if (!splicer.AtRest) throw new JsonException("The body ended inside a string" + (splicer.InImage ? " (an image's base64 text)" : string.Empty) + "; it was cut off.");
            return SplicedImages.Parse(splicer.Json, sink, typeInfo);
        }

        /// <summary>How much of the body's text is left, when that is known or can be told; null otherwise.</summary>
        private static long? TextLeft(HttpResponseMessage response, long? announced, long read)
        {
            // A length that proved wrong is no longer a size to trust.
            if (announced is { } length) return length >= read ? length - read : null;

            // A compressed answer: base64 of image bytes compresses back to about the bytes' own size (its 6 bits of
            // 8 per character), so what is left of the compressed body, and a little more, is what the images left
            // decode to; the sink takes "text left" and counts three bytes per four of it.
            if (response.Content is DecompressedContent { CompressedLength: { } compressed } content && compressed >= content.CompressedBytesRead)
            {
                var decodedLeft = compressed - content.CompressedBytesRead + compressed / 64 + 1024;
                return decodedLeft / 3 * 4;
            }

            return null;
        }
    }
}
