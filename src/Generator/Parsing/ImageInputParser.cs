using System.Linq;
using CreateImageSdk.Generator.Model;
using Newtonsoft.Json.Linq;

namespace CreateImageSdk.Generator.Parsing
{
    /// <summary>
    /// Reads <c>x-image-input</c>: <c>mediaTypes</c> (e.g. <c>["image/png"]</c>), <c>maxBytes</c>, <c>square</c> and
    /// <c>sameSizeAs</c> (a property whose first image this one must match). Plain JSON Schema cannot say any of this
    /// about a file, and the edit endpoint's rules need all four.
    /// </summary>
    internal static class ImageInputParser
    {
        public const string Keyword = "x-image-input";

        public static ImageInputSpec? Read(JObject? keyword)
        {
            if (keyword is null) return null;
            var mediaTypes = (keyword["mediaTypes"] as JArray)?.Where(t => t.Type == JTokenType.String).Select(t => (string)t!).ToEquatableArray()
                             ?? EquatableArray<string>.Empty;
            var maxBytes = keyword["maxBytes"]?.Type == JTokenType.Integer ? (long?)(long)keyword["maxBytes"]! : null;
            var square = keyword["square"]?.Type == JTokenType.Boolean && (bool)keyword["square"]!;
            var sameSizeAs = keyword["sameSizeAs"]?.Type == JTokenType.String ? (string?)keyword["sameSizeAs"] : null;
            return new ImageInputSpec(mediaTypes, maxBytes, square, sameSizeAs);
        }
    }
}
