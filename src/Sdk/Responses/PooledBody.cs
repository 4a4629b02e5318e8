using System;
using System.Buffers;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using CreateImageSdk.Http;

namespace CreateImageSdk.Responses
{
    /// <summary>
    /// A whole response body in one buffer rented from the shared pool, so it can be parsed from a span.
    /// Reading first and parsing after is faster than <c>DeserializeAsync</c>: the generated converters are not
    /// resumable, so System.Text.Json would buffer the whole body anyway, growing and copying its buffer as it
    /// goes. With a <c>Content-Length</c> (OpenAI sends one) the buffer is rented at its final size; without one
    /// (a decompressed body) it doubles. The pooled bytes return to the pool on <see cref="Dispose"/>; the only
    /// allocation left is what the parse produces.
    /// </summary>
    internal sealed class PooledBody : IDisposable
    {
        private const int InitialSize = 16 * 1024;

        private byte[] _buffer;

        private PooledBody(byte[] buffer, int length)
        {
            _buffer = buffer;
            Length = length;
        }

        public int Length { get; }

        public ReadOnlySpan<byte> Span => new ReadOnlySpan<byte>(_buffer, 0, Length);

        public ReadOnlyMemory<byte> Memory => new ReadOnlyMemory<byte>(_buffer, 0, Length);

        /// <summary>The body as text; bytes that are not UTF-8 become U+FFFD.</summary>
        public string ToUtf8String() => System.Text.Encoding.UTF8.GetString(_buffer, 0, Length);

        /// <exception cref="ResponseTooLargeException">The body is (or announces itself) larger than <paramref name="limit"/>.</exception>
        public static async Task<PooledBody> ReadAsync(HttpResponseMessage response, long limit, CancellationToken cancellationToken)
        {
            // A rented array is at most int.MaxValue bytes; a limit above that is unreachable in one buffer anyway.
            var max = (int)Math.Min(limit, int.MaxValue - 64);
            var announced = response.Content.Headers.ContentLength;
            if (announced > max) throw new ResponseTooLargeException("The body", limit);

            using var stream = await ResponseReader.ReadStreamAsync(response, cancellationToken).ConfigureAwait(false);
            // One byte more than announced, so the end of the body is seen in the same read when the length was right.
            var buffer = ArrayPool<byte>.Shared.Rent(announced is { } size ? (int)Math.Min(size + 1, max + 1L) : InitialSize);
            var length = 0;
            try
            {
                while (true)
                {
                    if (length == buffer.Length)
                    {
                        if (length > max) throw new ResponseTooLargeException("The body", limit);
                        var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(buffer.Length * 2L, max + 1L));
                        Buffer.BlockCopy(buffer, 0, larger, 0, length);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }

#if NET
                    var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
#else
                    var read = await stream.ReadAsync(buffer, length, buffer.Length - length, cancellationToken).ConfigureAwait(false);
#endif
                    if (read == 0) break;
                    length += read;
                    if (length > max) throw new ResponseTooLargeException("The body", limit);
                }

                return new PooledBody(buffer, length);
            }
            catch
            {
                ArrayPool<byte>.Shared.Return(buffer);
                throw;
            }
        }

        public void Dispose()
        {
            var buffer = _buffer;
            _buffer = Array.Empty<byte>();
            if (buffer.Length > 0) ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
