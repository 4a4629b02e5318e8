using System;
using System.IO;
using System.Net.Http;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text.Json;
using CreateImageSdk.Security;

namespace CreateImageSdk.Http
{
    /// <summary>
    /// The one place where what the network stack throws becomes the SDK's exceptions: each message names the
    /// host and says what happened in words, with the original as the inner exception.
    /// </summary>
    internal static class TransportErrors
    {
        /// <summary>Sending failed before any response header arrived (the attempt may be retried).</summary>
        public static ImageTransportException BeforeResponse(HttpRequestException ex, Uri uri) =>
            new ImageTransportException("No answer from " + uri.Authority + ": " + Describe(ex) + ".", uri.Authority, null, ex);

        /// <summary>
        /// Reading a body failed: the connection was lost, the body ended early or could not be decompressed, it was
        /// larger than the limit, or it is not the expected JSON. Null when <paramref name="ex"/> is none of those.
        /// </summary>
        /// <param name="ex">What the read threw.</param>
        /// <param name="uri">The address read from, for the host in the message.</param>
        /// <param name="status">The answer's status.</param>
        /// <param name="requestId">The answer's <c>x-request-id</c>.</param>
        /// <param name="invalid">How a body that is not the expected JSON is described, e.g. "the body is not a valid ImagesResponse".</param>
        /// <param name="scrubber">Masks the key in anything the server's text reached (a JSON error quotes the body).</param>
        public static ImageClientException? WhileReading(Exception ex, Uri uri, int status, string? requestId, string invalid, SecretScrubber scrubber)
        {
            switch (ex)
            {
                case ImageClientException known:
                    return known;
                case ResponseTooLargeException tooLarge:
                    return new ImageResponseFormatException("The server answered " + Status(status) + " but " + Lower(tooLarge.Message), status, requestId, null, ex);
                case JsonException json:
                    var clean = Sanitize(json, scrubber);
                    return new ImageResponseFormatException(scrubber.Scrub("The server answered " + Status(status) + " but " + invalid + ": " + clean.Message)!, status, requestId, null, clean);
                case InvalidDataException:
                    // Raised by the gzip, deflate and Brotli decoders behind AutomaticDecompression.
                    return new ImageTransportException(
                        "The " + Status(status) + " answer from " + uri.Authority + " could not be decompressed (" + ex.Message.TrimEnd('.') + ").", uri.Authority, status, ex);
                case IOException:
                case HttpRequestException:
                    return new ImageTransportException(
                        "The connection to " + uri.Authority + " was lost while reading the " + Status(status) + " answer: " + Describe(ex) + ".", uri.Authority, status, ex);
                case System.Text.DecoderFallbackException decoder:
                    return new ImageResponseFormatException("The server answered " + Status(status) + " but " + invalid + " (not UTF-8).", status, requestId, null, decoder);
                default:
                    return null;
            }
        }

        /// <summary>
        /// The JSON error without the key: its message quotes the body ("'sk-…' is an invalid JSON literal"), so a copy
        /// with the key masked (same path and position) replaces it when it held one.
        /// </summary>
        public static JsonException Sanitize(JsonException json, SecretScrubber scrubber)
        {
            var message = scrubber.Scrub(json.Message)!;
            return message == json.Message ? json : new JsonException(message, json.Path, json.LineNumber, json.BytePositionInLine);
        }

        /// <summary>What went wrong, in words, from the exception chain.</summary>
        public static string Describe(Exception ex)
        {
#if NET
            if (ex is HttpRequestException request)
            {
                switch (request.HttpRequestError)
                {
                    case HttpRequestError.NameResolutionError: return "the host name could not be resolved";
                    case HttpRequestError.SecureConnectionError: return "the TLS handshake failed (" + Innermost(ex).Message.TrimEnd('.') + ")";
                    case HttpRequestError.ResponseEnded: return "the connection closed before the answer was complete";
                    case HttpRequestError.InvalidResponse: return "the answer was not valid HTTP";
                    case HttpRequestError.ProxyTunnelError: return "the proxy refused the tunnel";
                }
            }
            else if (ex is HttpIOException io && io.HttpRequestError == HttpRequestError.ResponseEnded)
            {
                return "the body ended before the length the server announced (Content-Length)";
            }
#endif
            for (var inner = (Exception?)ex; inner != null; inner = inner.InnerException)
            {
                if (inner is SocketException socket)
                {
                    switch (socket.SocketErrorCode)
                    {
                        case SocketError.ConnectionRefused: return "the connection was refused (is the server running, and is the port right?)";
                        case SocketError.HostNotFound:
                        case SocketError.NoData:
                        case SocketError.TryAgain: return "the host name could not be resolved";
                        case SocketError.ConnectionReset: return "the connection was reset by the server";
                        case SocketError.TimedOut: return "the connection timed out";
                        case SocketError.NetworkUnreachable:
                        case SocketError.HostUnreachable: return "the host cannot be reached";
                        default: return "a network error occurred (" + socket.SocketErrorCode + ")";
                    }
                }

                if (inner is AuthenticationException) return "the TLS handshake failed (" + inner.Message.TrimEnd('.') + ")";
            }

            return Innermost(ex).Message.TrimEnd('.');
        }

        private static Exception Innermost(Exception ex)
        {
            while (ex.InnerException != null) ex = ex.InnerException;
            return ex;
        }

        private static string Status(int status) => status.ToString(System.Globalization.CultureInfo.InvariantCulture);

        private static string Lower(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text.Substring(1);
    }
}
