using System;
using System.Globalization;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace CreateImageSdk.Http
{
    /// <summary>Turns a non-2xx response into an <see cref="ImageApiException"/> carrying the error body's fields.</summary>
    internal static class ErrorResponseReader
    {
        public static async Task<ImageApiException> CreateExceptionAsync(HttpResponseMessage response, SecretScrubber scrubber, CancellationToken cancellationToken)
        {
            var status = (int)response.StatusCode;
            var body = scrubber.Scrub(await ResponseReader.ReadCappedStringAsync(response, ResponseLimits.MaxErrorBodyBytes, cancellationToken).ConfigureAwait(false))!;
            var error = Scrub(TryParse(body), scrubber);
            var requestId = ResponseReader.RequestId(response);
            var retryAfter = RetryPolicy.ServerDelay(response);

            var message = new StringBuilder();
            message.Append("The image API answered ").Append(status.ToString(CultureInfo.InvariantCulture));
            if (!string.IsNullOrEmpty(response.ReasonPhrase)) message.Append(' ').Append(response.ReasonPhrase);
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
