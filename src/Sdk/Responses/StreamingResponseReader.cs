using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using CreateImageSdk.Security;
using CreateImageSdk.Http;

namespace CreateImageSdk.Responses
{
    /// <summary>
    /// Turns a <c>text/event-stream</c> body into typed events: each event's images are decoded as they arrive (see
    /// <see cref="ServerSentEventReader"/>), then the small JSON left is parsed once.
    /// </summary>
    internal static class StreamingResponseReader
    {
        public static async IAsyncEnumerable<TEvent> ReadEventsAsync<TEvent>(
            Attempt attempt, JsonTypeInfo<TEvent> typeInfo, Func<TEvent, bool>? isFinal, SecretScrubber scrubber,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var response = attempt.Response;
            var status = (int)response.StatusCode;
            var requestId = ResponseReader.RequestId(response);
            using var stream = await ReadStreamAsync(attempt, status, requestId, cancellationToken).ConfigureAwait(false);
            var reader = new ServerSentEventReader(stream, attempt.Limits.MaxEventBytes);
            var finished = false;
            while (await ReadNextAsync(reader, attempt.Uri, status, requestId, typeof(TEvent).Name, scrubber, cancellationToken).ConfigureAwait(false))
            {
                if (reader.EventType == "error" || IsError(reader.Data))
                {
                    throw StreamError(reader.Data, status, requestId, scrubber);
                }

                TEvent? item;
                try
                {
                    item = SplicedImages.Parse(reader.Data, reader.Images, typeInfo);
                }
                catch (JsonException ex)
                {
                    throw NotValid(reader, typeof(TEvent).Name, ex, status, requestId, scrubber);
                }

                if (item is null)
                {
                    throw new ImageResponseFormatException(scrubber.Scrub("The server sent a '" + reader.EventType + "' event with a JSON null body.")!, status, requestId, "null", null);
                }

                finished = isFinal?.Invoke(item) == true;
                yield return item;
                if (finished) yield break;
            }

            if (!finished && isFinal != null)
            {
                // Partial images alone are not a result: a stream cut off by a proxy or a failed generation must not
                // look like success.
                throw new ImageResponseFormatException("The event stream ended before the final event; the generation did not complete.", status, requestId, null, null);
            }
        }

        private static async System.Threading.Tasks.Task<System.IO.Stream> ReadStreamAsync(Attempt attempt, int status, string? requestId, CancellationToken cancellationToken)
        {
            try
            {
                return await ResponseReader.ReadStreamAsync(attempt.Response, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (TransportErrors.WhileReading(ex, attempt.Uri, status, requestId, "the event stream is not valid", attempt.Scrubber) is { } mapped)
            {
                throw mapped;
            }
        }

        private static async System.Threading.Tasks.ValueTask<bool> ReadNextAsync(ServerSentEventReader reader, Uri uri, int status, string? requestId, string typeName, SecretScrubber scrubber, CancellationToken cancellationToken)
        {
            try
            {
                return await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException ex)
            {
                // An image found not valid base64 as it arrived: the same error as one found by the parse after.
                throw NotValid(reader, typeName, ex, status, requestId, scrubber);
            }
            catch (Exception ex) when (TransportErrors.WhileReading(ex, uri, status, requestId, "the event stream is not valid", scrubber) is { } mapped)
            {
                throw mapped;
            }
        }

        private static ImageResponseFormatException NotValid(ServerSentEventReader reader, string typeName, JsonException ex, int status, string? requestId, SecretScrubber scrubber)
        {
            var clean = TransportErrors.Sanitize(ex, scrubber);
            return new ImageResponseFormatException(
                scrubber.Scrub("The server sent a '" + reader.EventType + "' event that is not a valid " + typeName + ": " + clean.Message)!, status, requestId, null, clean);
        }

        /// <summary>An error object sent as a normal event: a top-level <c>error</c> member, or <c>"type": "error"</c>.</summary>
        private static bool IsError(ReadOnlySpan<byte> data)
        {
            var reader = new Utf8JsonReader(data);
            try
            {
                if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return false;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("error"u8)) return true;
                    var isType = reader.ValueTextEquals("type"u8);
                    reader.Read();
                    // An event that names another type is not an error: stop there.
                    if (isType && reader.TokenType == JsonTokenType.String) return reader.ValueTextEquals("error"u8);
                    reader.Skip();
                }

                return false;
            }
            catch (JsonException)
            {
                return false; // not JSON at all: the typed read below says so
            }
        }

        private static ImageApiException StreamError(ReadOnlySpan<byte> data, int status, string? requestId, SecretScrubber scrubber)
        {
            var body = scrubber.Scrub(System.Text.Encoding.UTF8.GetString(data.ToArray()))!;
            var error = ErrorResponseReader.Scrub(ErrorResponseReader.TryParse(body), scrubber);
            return new ImageApiException("The image stream reported an error: " + (error?.Message ?? body), status, error, requestId, body, null, null);
        }
    }
}
