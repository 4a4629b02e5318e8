using System.Collections.Generic;

namespace CreateImageSdk
{
    /// <summary>
    /// A response exactly as it came: status code, headers and body text. Returned by the <c>…RawAsync</c>
    /// methods, which do not throw for 4xx and 5xx statuses (retryable ones are retried first; this is the last answer).
    /// The body is decoded as UTF-8 (bytes that are not become U+FFFD) and may be at most 512 MiB.
    /// </summary>
    public sealed class RawResponse
    {
        internal RawResponse(int statusCode, string? reasonPhrase, IReadOnlyDictionary<string, IReadOnlyList<string>> headers, string body, int attempts)
        {
            StatusCode = statusCode;
            ReasonPhrase = reasonPhrase;
            Headers = headers;
            Body = body;
            Attempts = attempts;
        }

        /// <summary>The HTTP status code, e.g. 200 or 400.</summary>
        public int StatusCode { get; }

        /// <summary>The reason phrase the server sent, if any.</summary>
        public string? ReasonPhrase { get; }

        /// <summary>Whether the status is 2xx.</summary>
        public bool IsSuccessStatusCode => StatusCode >= 200 && StatusCode <= 299;

        /// <summary>Response and content headers, by name (case-insensitive).</summary>
        public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; }

        /// <summary>The account's rate limits as the <c>x-ratelimit-*</c> headers told them; null when none were sent.</summary>
        public ImageRateLimit? RateLimit => ImageRateLimit.FromHeaders(Headers);

        /// <summary>The response body as text.</summary>
        public string Body { get; }

        /// <summary>How many attempts were made: more than 1 when earlier answers (429, 503, …) were retried; this is the last one.</summary>
        public int Attempts { get; }

        /// <inheritdoc/>
        public override string ToString() => StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + ReasonPhrase + " (" + Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + " characters)";
    }
}
