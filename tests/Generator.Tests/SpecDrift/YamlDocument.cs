using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CreateImageSdk.Generator.Tests.SpecDrift
{
    /// <summary>Reads an OpenAPI YAML file into a <see cref="JsonNode"/>, so the spec and our JSON Schemas are walked by the same code.</summary>
    internal static class YamlDocument
    {
        public static JsonNode? Load(string path)
        {
            var stream = new YamlStream();
            using (var reader = new StreamReader(path)) stream.Load(reader);
            return stream.Documents.Count == 0 ? null : Convert(stream.Documents[0].RootNode);
        }

        private static JsonNode? Convert(YamlNode node) => node switch
        {
            YamlMappingNode mapping => new JsonObject(mapping.Children.Select(pair =>
                new System.Collections.Generic.KeyValuePair<string, JsonNode?>(((YamlScalarNode)pair.Key).Value ?? "", Convert(pair.Value)))),
            YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(Convert).ToArray()),
            YamlScalarNode scalar => Scalar(scalar),
            _ => null,
        };

        // YAML's core schema: only plain (unquoted) scalars are numbers, booleans or null; `type: "null"` stays a string.
        private static JsonNode? Scalar(YamlScalarNode scalar)
        {
            var text = scalar.Value;
            if (scalar.Style != ScalarStyle.Plain) return JsonValue.Create(text);
            if (text is null || text.Length == 0 || text == "~" || text == "null") return null;
            if (text == "true") return JsonValue.Create(true);
            if (text == "false") return JsonValue.Create(false);
            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)) return JsonValue.Create(integer);
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real)) return JsonValue.Create(real);
            return JsonValue.Create(text);
        }
    }
}
