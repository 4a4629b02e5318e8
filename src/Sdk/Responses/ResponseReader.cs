using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using CreateImageSdk.Http;

namespace CreateImageSdk.Responses
{
    /// <summary>Reads answers: typed JSON straight from the network stream, raw text, and capped error bodies.</summary>
    internal static class ResponseReader
    {
        /// <summary>
        /// A typed answer, read as it arrives: its images decoded into memory, or into files when
        /// <paramref name="files"/> is given (see <see cref="Responses.SplicingBodyReader"/>).
        /// </summary>
        public static async Task<T> ReadJsonAsync<T>(Attempt attempt, JsonTypeInfo<T> typeInfo, Responses.FileImageSink? files = null)
        {
            var response = attempt.Response;
            var status = (int)response.StatusCode;
            T? result;
            try
            {
                result = await Responses.SplicingBodyReader.ReadAsync(response, attempt.Limits.MaxBodyBytes, (Responses.IDecodedImageSink?)files ?? new Responses.MemoryImageSink(), typeInfo, attempt.Timeout.Token).ConfigureAwait(false);
            }
            catch (System.Exception ex) when (TransportErrors.WhileReading(ex, attempt.Uri, status, RequestId(response), "the body" + ContentType(response) + " is not a valid " + typeof(T).Name, attempt.Scrubber) is { } mapped)
            {
                throw mapped;
            }

            if (result is null)
            {
                throw new ImageResponseFormatException("The server answered " + status + " with a JSON null body; expected " + typeof(T).Name + ".", status, RequestId(response), "null", null);
            }

            if ((result as ICheckedResponse)?.FindProblem() is { } problem)
            {
                throw new ImageResponseFormatException("The server answered " + status + " but " + problem, status, RequestId(response), null, null);
            }

            return result;
        }

        /// <summary>A body read with a hand-written reader (the Files and Batches objects), with the same errors as <see cref="ReadJsonAsync{T}"/>.</summary>
        public static async Task<T> ReadDocumentAsync<T>(Attempt attempt, System.Func<JsonElement, T> read, string typeName)
        {
            var response = attempt.Response;
            var status = (int)response.StatusCode;
            try
            {
                var body = await WholeBody.ReadAsync(response, attempt.Limits.MaxBodyBytes, attempt.Timeout.Token).ConfigureAwait(false);
                using var document = JsonDocument.Parse(body.Memory);
                return read(document.RootElement);
            }
            catch (System.Exception ex) when (TransportErrors.WhileReading(ex, attempt.Uri, status, RequestId(response), "the body" + ContentType(response) + " is not a valid " + typeName, attempt.Scrubber) is { } mapped)
            {
                throw mapped;
            }
        }

        public static async Task<RawResponse> ReadRawAsync(Attempt attempt)
        {
            var response = attempt.Response;
            var status = (int)response.StatusCode;
            string body;
            try
            {
                var bytes = await WholeBody.ReadAsync(response, attempt.Limits.MaxBodyBytes, attempt.Timeout.Token).ConfigureAwait(false);
                // Lenient: the raw API returns whatever came; bytes that are not UTF-8 become U+FFFD.
                body = bytes.ToUtf8String();
            }
            catch (System.Exception ex) when (TransportErrors.WhileReading(ex, attempt.Uri, status, RequestId(response), "the body is not text", attempt.Scrubber) is { } mapped)
            {
                throw mapped;
            }

            return new RawResponse(status, response.ReasonPhrase, Headers(response), body, attempt.Number);
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

        /// <summary>" (text/html)", for messages about a body that is not what was expected; empty when none was sent.</summary>
        public static string ContentType(HttpResponseMessage response) =>
            response.Content.Headers.ContentType?.MediaType is { } type ? " (" + type + ")" : string.Empty;

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

        /// <summary>Reads at most <paramref name="limit"/> bytes of text, so a huge error page cannot exhaust memory; the rest is left unread.</summary>
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

            // Lenient on purpose: an error page in another encoding is still worth showing.
            return System.Text.Encoding.UTF8.GetString(buffer, 0, total);
        }
    }
}
