using System;
using System.Text.Json;

namespace CreateImageSdk.Json
{
    /// <summary>
    /// Token readers the generated converters share. Each one checks the token type first, so a body of the
    /// wrong shape becomes a <see cref="JsonException"/> naming the property, never an InvalidOperationException.
    /// </summary>
    internal static class JsonRead
    {
        public static void ExpectStartObject(ref Utf8JsonReader reader, string typeName)
        {
            if (reader.TokenType != JsonTokenType.StartObject) throw Unexpected(ref reader, typeName, "an object");
        }

        public static void ExpectStartArray(ref Utf8JsonReader reader, string property)
        {
            if (reader.TokenType != JsonTokenType.StartArray) throw Unexpected(ref reader, property, "an array");
        }

        public static void ExpectString(ref Utf8JsonReader reader, string what)
        {
            if (reader.TokenType != JsonTokenType.String) throw Unexpected(ref reader, what, "a string");
        }

        public static string String(ref Utf8JsonReader reader, string property)
        {
            ExpectString(ref reader, property);
            return reader.GetString()!;
        }

        public static int Int32(ref Utf8JsonReader reader, string property)
        {
            if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var value)) throw Unexpected(ref reader, property, "a 32-bit integer");
            return value;
        }

        public static double Double(ref Utf8JsonReader reader, string property)
        {
            if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDouble(out var value)) throw Unexpected(ref reader, property, "a number");
            return value;
        }

        public static bool Boolean(ref Utf8JsonReader reader, string property)
        {
            if (reader.TokenType == JsonTokenType.True) return true;
            if (reader.TokenType == JsonTokenType.False) return false;
            throw Unexpected(ref reader, property, "true or false");
        }

        public static Uri Uri(ref Utf8JsonReader reader, string property)
        {
            var text = String(ref reader, property);
            if (!System.Uri.TryCreate(text, UriKind.Absolute, out var uri)) throw new JsonException($"Property '{property}' is not an absolute URI.");
            return uri;
        }

        /// <summary>
        /// The image of a <c>b64_json</c> string. A body read from the network was decoded as it arrived (see
        /// <see cref="Responses.ImageSplicer"/>); otherwise (a Batch API output line, a body parsed from a string) this
        /// decodes base64 straight from the UTF-8 token into the image's final array: its size is known from the
        /// token's length, so there is one pass and no intermediate buffer or string. Escaped or split tokens (rare:
        /// servers do not escape base64) take the reader's own path.
        /// </summary>
        public static ReadOnlyMemory<byte> Base64(ref Utf8JsonReader reader, string property)
        {
            ExpectString(ref reader, property);
            // An answer read as it arrived: the image is decoded already, and the string holds its number.
            if (Responses.SplicedImages.TryTake(ref reader, out var spliced)) return spliced;
            if (!reader.HasValueSequence && !reader.ValueIsEscaped)
            {
                var source = reader.ValueSpan;
                var length = DecodedLength(source);
                if (length >= 0)
                {
#if NET
                    // The decoder writes every byte, so zeroing megabytes first would be wasted work.
                    var bytes = GC.AllocateUninitializedArray<byte>(length);
#else
                    var bytes = new byte[length];
#endif
                    if (System.Buffers.Text.Base64.DecodeFromUtf8(source, bytes, out _, out var written) == System.Buffers.OperationStatus.Done && written == length) return bytes;
                }

                throw new JsonException($"Property '{property}' is not valid base64.");
            }

            if (!reader.TryGetBytesFromBase64(out var decoded)) throw new JsonException($"Property '{property}' is not valid base64.");
            return decoded;
        }

        /// <summary>The decoded length of padded base64, or -1 when the text cannot be base64 (length not a multiple of 4).</summary>
        private static int DecodedLength(ReadOnlySpan<byte> base64)
        {
            if (base64.Length % 4 != 0) return -1;
            if (base64.Length == 0) return 0;
            var padding = base64[base64.Length - 1] == (byte)'=' ? (base64[base64.Length - 2] == (byte)'=' ? 2 : 1) : 0;
            return base64.Length / 4 * 3 - padding;
        }

        public static DateTimeOffset UnixTime(ref Utf8JsonReader reader, string property)
        {
            if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out var seconds)) throw Unexpected(ref reader, property, "Unix seconds");
            if (seconds < -62135596800L || seconds > 253402300799L) throw new JsonException($"Property '{property}' is out of range for a date: {seconds}.");
            return DateTimeOffset.FromUnixTimeSeconds(seconds);
        }

        public static JsonException Missing(string property, string typeName) =>
            new JsonException($"Required property '{property}' of {typeName} is missing or null.");

        private static JsonException Unexpected(ref Utf8JsonReader reader, string what, string expected) =>
            new JsonException($"Expected {expected} for '{what}' but found {Describe(reader.TokenType)}.");

        private static string Describe(JsonTokenType token)
        {
            switch (token)
            {
                case JsonTokenType.StartObject: return "an object";
                case JsonTokenType.StartArray: return "an array";
                case JsonTokenType.String: return "a string";
                case JsonTokenType.Number: return "a number";
                case JsonTokenType.True:
                case JsonTokenType.False: return "a boolean";
                case JsonTokenType.Null: return "null";
                default: return token.ToString();
            }
        }
    }
}
