using System;
using System.Buffers.Text;
using System.Text.Json;

namespace CreateImageSdk.Responses
{
    /// <summary>
    /// Hands the generated converters the images an <see cref="ImageSplicer"/> took out of the JSON: while
    /// a sink is set (for the one synchronous parse of the spliced JSON, on this thread), a
    /// <c>b64_json</c> string holds the image's number and <see cref="Json.JsonRead.Base64"/> asks here for it.
    /// </summary>
    internal static class SplicedImages
    {
        [ThreadStatic]
        private static IDecodedImageSink? _current;

        /// <summary>Parses the spliced JSON with the sink's images in place of the numbers.</summary>
        public static T? Parse<T>(ReadOnlySpan<byte> json, IDecodedImageSink sink, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
        {
            var previous = _current;
            _current = sink;
            try
            {
                return JsonSerializer.Deserialize(json, typeInfo);
            }
            finally
            {
                _current = previous;
            }
        }

        /// <summary>The image whose number (<c>#3</c>) the reader's string holds; false for real base64 (a name the splicer did not see).</summary>
        public static bool TryTake(ref Utf8JsonReader reader, out ReadOnlyMemory<byte> image)
        {
            image = default;
            if (_current is null || reader.HasValueSequence || reader.ValueSpan.Length < 2 || reader.ValueSpan[0] != (byte)'#') return false;
            // A number the splicer did not write (a server's own "#5" under an escaped name) is refused, not looked up.
            if (!Utf8Parser.TryParse(reader.ValueSpan.Slice(1), out int index, out var consumed) || consumed != reader.ValueSpan.Length - 1 || index < 0 || index >= _current.Count)
            {
                throw new JsonException("Property 'b64_json' is not valid base64.");
            }

            image = _current.Take(index);
            return true;
        }
    }
}
