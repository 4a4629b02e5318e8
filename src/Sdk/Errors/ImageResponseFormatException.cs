using System;

namespace CreateImageSdk
{
    /// <summary>The server answered with a success status, but the body is not the JSON the schema describes; the message says what was wrong.</summary>
    public sealed class ImageResponseFormatException : ImageApiException
    {
        internal ImageResponseFormatException(string message, int statusCode, string? requestId, string? rawBody, Exception? inner)
            : base(message, statusCode, null, requestId, rawBody, null, inner)
        {
        }
    }
}
