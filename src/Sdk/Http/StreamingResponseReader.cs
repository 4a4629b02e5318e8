using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;

namespace CreateImageSdk.Http
{
    /// <summary>Turns a <c>text/event-stream</c> body into typed events, one JSON parse per event.</summary>
    internal static class StreamingResponseReader
    {
        public static async IAsyncEnumerable<TEvent> ReadEventsAsync<TEvent>(
            HttpResponseMessage response, JsonTypeInfo<TEvent> typeInfo, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var status = (int)response.StatusCode;
            var requestId = ResponseReader.RequestId(response);
#if NET
            using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
            using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
            using var reader = new ServerSentEventReader(stream);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (reader.EventType == "error" || StartsWithErrorObject(reader.Data.Span))
                {
                    throw StreamError(reader.Data.Span, status, requestId);
                }

                TEvent? item;
                try
                {
                    item = JsonSerializer.Deserialize(reader.Data.Span, typeInfo);
                }
                catch (JsonException ex)
                {
                    throw new ImageResponseFormatException("The server sent a '" + reader.EventType + "' event that is not a valid " + typeof(TEvent).Name + ": " + ex.Message, status, requestId, null, ex);
                }

                if (item is null)
                {
                    throw new ImageResponseFormatException("The server sent a '" + reader.EventType + "' event with a JSON null body.", status, requestId, "null", null);
                }

                yield return item;
            }
        }

        private static bool StartsWithErrorObject(ReadOnlySpan<byte> data)
        {
            var reader = new Utf8JsonReader(data);
            try
            {
                return reader.Read() && reader.TokenType == JsonTokenType.StartObject && reader.Read() &&
                       reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("error"u8);
            }
            catch (JsonException)
            {
                return false;
            }
        }

        private static ImageApiException StreamError(ReadOnlySpan<byte> data, int status, string? requestId)
        {
            var body = System.Text.Encoding.UTF8.GetString(data.ToArray());
            ApiError? error = null;
            try
            {
                error = JsonSerializer.Deserialize(data, CreateImageSdkJsonContext.Default.ApiErrorResponse)?.Error;
            }
            catch (JsonException)
            {
                // Kept as the raw body below.
            }

            return new ImageApiException("The image stream reported an error: " + (error?.Message ?? body), status, error, requestId, body, null, null);
        }
    }
}
