using System;
using System.Globalization;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CreateImageSdk.Security;
using CreateImageSdk.Http;

namespace CreateImageSdk.Responses
{
    /// <summary>Turns a non-2xx response into an <see cref="ImageApiException"/> carrying the error body's fields.</summary>
    internal static class ErrorResponseReader
    {
        public static async Task<ImageApiException> CreateExceptionAsync(HttpResponseMessage response, SecretScrubber scrubber, CancellationToken cancellationToken)
        {
            var body = await ResponseReader.ReadCappedStringAsync(response, ResponseLimits.MaxErrorBodyBytes, cancellationToken).ConfigureAwait(false);
            var error = FromBody((int)response.StatusCode, response.ReasonPhrase, body, ResponseReader.RequestId(response), RetryPolicy.ServerDelay(response), scrubber);
            error.RateLimit = ImageRateLimit.From(response);
            return error;
        }

        /// <summary>
        /// The exception for an error answer given as its parts: a live answer's, or one line of a Batch API output or
        /// error file (which carries the status, the request id and the body the endpoint answered with).
        /// </summary>
        public static ImageApiException FromBody(int status, string? reasonPhrase, string rawBody, string? requestId, TimeSpan? retryAfter, SecretScrubber scrubber)
        {
            var body = scrubber.Scrub(rawBody)!;
            var error = Scrub(TryParse(body), scrubber);

            var message = new StringBuilder();
            message.Append("The image API answered ").Append(status.ToString(CultureInfo.InvariantCulture));
            if (!string.IsNullOrEmpty(reasonPhrase)) message.Append(' ').Append(reasonPhrase);
            message.Append(": ").Append(error?.Message ?? (body.Length == 0 ? "(empty body)" : "(the body is not an API error object)"));
            var details = new StringBuilder();
            Append(details, "type", error?.Type);
            Append(details, "param", error?.Param);
            Append(details, "code", error?.Code);
            Append(details, "request id", requestId);
            if (retryAfter.HasValue) Append(details, "retry after", retryAfter.Value.TotalSeconds.ToString("0", CultureInfo.InvariantCulture) + " s");
            if (details.Length > 0) message.Append(" (").Append(details).Append(')');

            return new ImageApiException(scrubber.Scrub(message.ToString())!, status, error, scrubber.Scrub(requestId), body, retryAfter, null);
        }

        /// <summary>The error object of an error body, or null when the body is not one (HTML from a proxy, say).</summary>
        public static ApiError? TryParse(string body)
        {
            if (body.Length == 0) return null;
            try
            {
                return JsonSerializer.Deserialize(body, CreateImageSdkJsonContext.Default.ApiErrorResponse)?.Error;
            }
            catch (JsonException)
            {
                // Proxies and gateways answer with HTML or plain text; the raw body is kept on the exception.
                return null;
            }
        }

        public static ApiError? Scrub(ApiError? error, SecretScrubber scrubber) =>
            error is null ? null : error with { Message = scrubber.Scrub(error.Message)!, Param = scrubber.Scrub(error.Param), Code = scrubber.Scrub(error.Code), Type = scrubber.Scrub(error.Type) };

        private static void Append(StringBuilder details, string name, string? value)
        {
            if (string.IsNullOrEmpty(value)) return;
            if (details.Length > 0) details.Append(", ");
            details.Append(name).Append(' ').Append(value);
        }
    }
}
