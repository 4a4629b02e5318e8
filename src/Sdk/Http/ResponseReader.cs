using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace CreateImageSdk.Http
{
    /// <summary>Reads success bodies straight from the network stream into the typed result.</summary>
    internal static class ResponseReader
    {
        public static async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        {
            var status = (int)response.StatusCode;
            using var stream = new LimitedReadStream(await ReadStreamAsync(response, cancellationToken).ConfigureAwait(false), LimitedReadStream.DefaultLimit);
            T? result;
            try
            {
                // No intermediate string: the serializer reads UTF-8 from the socket into pooled buffers, and the
                // generated converters decode base64 straight into each image's byte array.
                result = await JsonSerializer.DeserializeAsync(stream, typeInfo, cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException ex)
            {
                throw new ImageResponseFormatException(
                    "The server answered " + status + " but the body is not a valid " + typeof(T).Name + ": " + ex.Message,
                    status, RequestId(response), null, ex);
            }
            catch (InvalidDataException ex)
            {
                throw new ImageResponseFormatException("The server answered " + status + " but " + ex.Message, status, RequestId(response), null, ex);
            }

            if (result is null)
            {
                throw new ImageResponseFormatException("The server answered " + status + " with a JSON null body; expected " + typeof(T).Name + ".", status, RequestId(response), "null", null);
            }

            return result;
        }

        public static async Task<RawResponse> ReadRawAsync(HttpResponseMessage response, CancellationToken cancellationToken)
        {
#if NET
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
#else
            cancellationToken.ThrowIfCancellationRequested();
            var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
#endif
            return new RawResponse((int)response.StatusCode, response.ReasonPhrase, Headers(response), body);
        }

        public static async Task<Stream> ReadStreamAsync(HttpResponseMessage response, CancellationToken cancellationToken)
        {
#if NET
            return await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
            cancellationToken.ThrowIfCancellationRequested();
            return await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
        }

        public static string? RequestId(HttpResponseMessage response) =>
            response.Headers.TryGetValues("x-request-id", out var values) ? values.FirstOrDefault() : null;

        public static IReadOnlyDictionary<string, IReadOnlyList<string>> Headers(HttpResponseMessage response)
        {
            var headers = new Dictionary<string, IReadOnlyList<string>>(System.StringComparer.OrdinalIgnoreCase);
            foreach (var header in response.Headers.Concat(response.Content.Headers))
            {
                headers[header.Key] = header.Value.ToArray();
            }

            return headers;
        }

        /// <summary>Reads at most <paramref name="limit"/> bytes of text, so a huge error page cannot exhaust memory.</summary>
        public static async Task<string> ReadCappedStringAsync(HttpResponseMessage response, int limit, CancellationToken cancellationToken)
        {
            using var stream = await ReadStreamAsync(response, cancellationToken).ConfigureAwait(false);
            var buffer = new byte[limit];
            var total = 0;
            int read;
            while (total < limit && (read = await stream.ReadAsync(buffer, total, limit - total, cancellationToken).ConfigureAwait(false)) > 0)
            {
                total += read;
            }

            return System.Text.Encoding.UTF8.GetString(buffer, 0, total);
        }
    }
}
