using CreateImageSdk.Generator.Model;
using Newtonsoft.Json.Linq;

namespace CreateImageSdk.Generator.Parsing
{
    /// <summary>
    /// Reads the <c>x-image-dimensions</c> extension keyword. Plain JSON Schema cannot say "both sides a multiple
    /// of 16, aspect ratio within 1:3..3:1, pixels within bounds" of a <c>WIDTHxHEIGHT</c> string; this keyword does.
    /// </summary>
    internal static class DimensionsParser
    {
        public const string Keyword = "x-image-dimensions";

        /// <summary>The spec when <paramref name="schema"/> carries the keyword with every member as a positive integer; otherwise null.</summary>
        public static DimensionsSpec? Read(JObject? schema, out bool present)
        {
            present = schema?[Keyword] != null;
            if (!(schema?[Keyword] is JObject keyword)) return null;
            var multipleOf = Positive(keyword["multipleOf"]);
            var maxLongEdge = Positive(keyword["maxLongEdge"]);
            var maxAspectRatio = Positive(keyword["maxAspectRatio"]);
            var minPixels = Positive(keyword["minPixels"]);
            var maxPixels = Positive(keyword["maxPixels"]);
            if (multipleOf is null || maxLongEdge is null || maxAspectRatio is null || minPixels is null || maxPixels is null || minPixels > maxPixels) return null;
            return new DimensionsSpec((int)multipleOf.Value, (int)maxLongEdge.Value, (int)maxAspectRatio.Value, minPixels.Value, maxPixels.Value);
        }

        private static long? Positive(JToken? token) =>
            token != null && token.Type == JTokenType.Integer && (long)token > 0 && (long)token <= int.MaxValue * 4L ? (long?)(long)token : null;
    }
}
