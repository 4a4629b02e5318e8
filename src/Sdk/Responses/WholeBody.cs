using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using CreateImageSdk.Http;

namespace CreateImageSdk.Responses
{
    /// <summary>
    /// A whole response body in one array, for the answers that are not read as they arrive: raw calls (the caller
    /// gets the body as a string anyway) and the Files and Batches objects (a few hundred bytes). With a
    /// <c>Content-Length</c> the array has the body's exact size; without one it doubles. The array is the call's
    /// own, not rented from the shared pool, so nothing of a large body stays in a pool after the call.
    /// </summary>
    internal sealed class WholeBody
    {
        private const int InitialSize = 16 * 1024;

        private readonly byte[] _buffer;

        private WholeBody(byte[] buffer, int length)
        {
            _buffer = buffer;
            Length = length;
        }

        public int Length { get; }

        public ReadOnlyMemory<byte> Memory => new ReadOnlyMemory<byte>(_buffer, 0, Length);

        /// <summary>The body as text; bytes that are not UTF-8 become U+FFFD.</summary>
        public string ToUtf8String() => System.Text.Encoding.UTF8.GetString(_buffer, 0, Length);

        /// <exception cref="ResponseTooLargeException">The body is (or announces itself) larger than <paramref name="limit"/>.</exception>
        public static async Task<WholeBody> ReadAsync(HttpResponseMessage response, long limit, CancellationToken cancellationToken)
        {
            // An array is at most int.MaxValue bytes; a limit above that is unreachable in one buffer anyway.
            var max = (int)Math.Min(limit, int.MaxValue - 64);
            var announced = response.Content.Headers.ContentLength;
            if (announced > max) throw new ResponseTooLargeException("The body", limit);

            using var stream = await ResponseReader.ReadStreamAsync(response, cancellationToken).ConfigureAwait(false);
            // One byte more than announced, so the end of the body is seen in the same read when the length was right.
            var buffer = new byte[announced is { } size ? (int)Math.Min(size + 1, max + 1L) : InitialSize];
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > max) throw new ResponseTooLargeException("The body", limit);
                    Array.Resize(ref buffer, (int)Math.Min(buffer.Length * 2L, max + 1L));
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

            return new WholeBody(buffer, length);
        }
    }
}
