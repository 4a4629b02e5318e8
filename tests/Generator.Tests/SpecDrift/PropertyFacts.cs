using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace CreateImageSdk.Generator.Tests.SpecDrift
{
    /// <summary>
    /// What the drift check compares of one property, read the same way from the spec and from our schemas: its JSON
    /// types, its listed values, whether it also takes a free string, its default and its numeric bounds. Descriptions,
    /// examples, nullability and <c>x-</c> keywords (ours and the spec's) are not compared.
    /// </summary>
    internal sealed class PropertyFacts
    {
        public static readonly string[] Bounds = { "minimum", "maximum", "minLength", "maxLength", "minItems", "maxItems" };

        public SortedSet<string> Types { get; } = new SortedSet<string>(StringComparer.Ordinal);
        public SortedSet<string> Values { get; } = new SortedSet<string>(StringComparer.Ordinal);
        public bool TakesFreeString { get; private set; }
        public string? Default { get; private set; }
        public SortedDictionary<string, string> Limits { get; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

        /// <summary>Reads <paramref name="schema"/>, following <c>$ref</c> with <paramref name="resolve"/> and every <c>anyOf</c>/<c>oneOf</c> branch.</summary>
        public static PropertyFacts Read(JsonObject schema, Func<JsonObject, JsonObject> resolve)
        {
            var facts = new PropertyFacts();
            facts.Walk(schema, resolve, depth: 0);
            return facts;
        }

        private void Walk(JsonObject schema, Func<JsonObject, JsonObject> resolve, int depth)
        {
            if (depth > 16) throw new InvalidOperationException("$ref cycle");
            schema = resolve(schema);
            var hasEnum = schema["enum"] is JsonArray;
            if (schema["enum"] is JsonArray values)
                foreach (var value in values) if (value != null) Values.Add(value.ToString());
            if (schema["const"] is JsonNode constant) Values.Add(constant.ToString());
            foreach (var type in TypesOf(schema))
            {
                if (type == "null") continue;
                var binary = type == "string" && (string?)schema["format"] == "binary";
                Types.Add(binary ? "binary" : type);
                if (type == "string" && !binary && !hasEnum && schema["const"] == null) TakesFreeString = true;
            }
            if (Default == null && schema.ContainsKey("default")) Default = schema["default"]?.ToJsonString() ?? "null";
            foreach (var bound in Bounds)
                if (!Limits.ContainsKey(bound) && schema[bound] is JsonNode limit) Limits[bound] = limit.ToJsonString();
            foreach (var keyword in new[] { "anyOf", "oneOf" })
                if (schema[keyword] is JsonArray branches)
                    foreach (var branch in branches.OfType<JsonObject>()) Walk(branch, resolve, depth + 1);
        }

        private static IEnumerable<string> TypesOf(JsonObject schema) => schema["type"] switch
        {
            JsonArray many => many.Select(t => t?.ToString() ?? "null"),
            JsonNode one => new[] { one.ToString() },
            _ => Array.Empty<string>(),
        };
    }
}
