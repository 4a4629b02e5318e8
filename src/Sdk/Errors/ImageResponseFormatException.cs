using System;

namespace CreateImageSdk
{
    /// <summary>
    /// The server answered with a success status, but the body is not what the schema describes (not JSON, the
    /// wrong shape, an image with neither <c>url</c> nor <c>b64_json</c>, larger than the client reads); the message
    /// says what was wrong.
    /// </summary>
    public sealed class ImageResponseFormatException : ImageApiException
    {
        internal ImageResponseFormatException(string message, int statusCode, string? requestId, string? rawBody, Exception? inner)
            : base(message, statusCode, null, requestId, rawBody, null, inner)
        {
        }
    }
}
