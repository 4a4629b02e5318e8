using System;

namespace CreateImageSdk
{
    /// <summary>
    /// The server answered with an error status (or, for <see cref="ImageResponseFormatException"/>, a success
    /// whose body could not be read). Carries the error body's fields, the request id and the raw body.
    /// </summary>
    public class ImageApiException : ImageClientException
    {
        internal ImageApiException(string message, int statusCode, ApiError? error, string? requestId, string? rawBody, TimeSpan? retryAfter, Exception? inner)
            : base(message, inner)
        {
            StatusCode = statusCode;
            ErrorMessage = error?.Message;
            ErrorType = error?.Type;
            Param = error?.Param;
            ErrorCode = error?.Code;
            RequestId = requestId;
            RawBody = rawBody;
            RetryAfter = retryAfter;
        }

        /// <summary>The HTTP status code the server answered with.</summary>
        public int StatusCode { get; }

        /// <summary>The error body's <c>message</c>, when there was one.</summary>
        public string? ErrorMessage { get; }

        /// <summary>The error body's <c>type</c>, e.g. <c>invalid_request_error</c>.</summary>
        public string? ErrorType { get; }

        /// <summary>The error body's <c>param</c>: the request parameter at fault, when the server names one.</summary>
        public string? Param { get; }

        /// <summary>The error body's <c>code</c>, e.g. <c>invalid_api_key</c>.</summary>
        public string? ErrorCode { get; }

        /// <summary>The <c>x-request-id</c> response header; quote it when asking the provider for help.</summary>
        public string? RequestId { get; }

        /// <summary>The response body as received (at most 64 KiB of it), with the API key masked.</summary>
        public string? RawBody { get; }

        /// <summary>How long the server asked to wait before retrying (<c>retry-after-ms</c> or <c>Retry-After</c>), when it said.</summary>
        public TimeSpan? RetryAfter { get; }

        /// <summary>The account's rate limits as the answer's <c>x-ratelimit-*</c> headers told them (a 429 usually has them); null when none were sent.</summary>
        public ImageRateLimit? RateLimit { get; internal set; }
    }
}
