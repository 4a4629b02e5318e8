using System;

namespace CreateImageSdk
{
    /// <summary>
    /// No usable answer arrived: the connection could not be made (refused, DNS, TLS), was lost before or while the
    /// response came, the body ended early or could not be decompressed, or the answer was refused for safety (a
    /// redirect followed to another host, an image URL over plain http). The message names the host and what
    /// happened; <see cref="Exception.InnerException"/> holds the original error.
    /// </summary>
    public sealed class ImageTransportException : ImageClientException
    {
        internal ImageTransportException(string message, string host, int? statusCode, Exception? inner)
            : base(message, inner)
        {
            Host = host;
            StatusCode = statusCode;
        }

        /// <summary>The host (and port, when not the default) the client was talking to.</summary>
        public string Host { get; }

        /// <summary>The status of the response when its headers had arrived before the failure; null when none had.</summary>
        public int? StatusCode { get; }
    }
}
