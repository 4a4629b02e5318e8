using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace CreateImageSdk.Generator.Tests.SpecDrift
{
    /// <summary>
    /// The official OpenAPI spec, from one or more files: the whole <c>openapi.yaml</c> a maintainer downloads, or the
    /// excerpts in <c>tests/Generator.Tests/Spec</c>, where the edits excerpt keeps its schemas beside the path's
    /// <c>post</c> instead of under <c>components</c>. A <c>$ref</c> is found by schema name in any of the files.
    /// </summary>
    internal sealed class OfficialSpec
    {
        private static readonly HashSet<string> PathItemKeys = new HashSet<string>(StringComparer.Ordinal)
        { "get", "put", "post", "delete", "options", "head", "patch", "trace", "parameters", "servers", "summary", "description", "$ref" };

        private readonly List<JsonObject> roots;
        private readonly Dictionary<string, JsonObject> schemas = new Dictionary<string, JsonObject>(StringComparer.Ordinal);

        public OfficialSpec(IEnumerable<JsonObject> roots)
        {
            this.roots = roots.ToList();
            foreach (var root in this.roots)
            {
                if (root["components"]?["schemas"] is JsonObject components)
                    foreach (var pair in components) if (pair.Value is JsonObject schema) schemas[pair.Key] = schema;
                foreach (var pathItem in PathItems(root))
                    foreach (var pair in pathItem.Value)
                        if (!PathItemKeys.Contains(pair.Key) && pair.Value is JsonObject schema) schemas[pair.Key] = schema;
            }
        }

        public static OfficialSpec Load(IEnumerable<string> paths) =>
            new OfficialSpec(paths.Select(path => YamlDocument.Load(path) as JsonObject
                ?? throw new InvalidOperationException(path + " is not a YAML mapping.")));

        /// <summary>The request body schema of <paramref name="operation"/>, or null when the spec has no such operation.</summary>
        public JsonObject? RequestSchema(SpecOperation operation)
        {
            foreach (var root in roots)
                foreach (var pathItem in PathItems(root))
                    if (pathItem.Key == operation.Path && pathItem.Value["post"]?["requestBody"]?["content"]?[operation.ContentType]?["schema"] is JsonObject schema)
                        return Resolve(schema);
            return null;
        }

        /// <summary>Follows a <c>#/components/schemas/X</c> reference; keywords beside the <c>$ref</c> win over the target's.</summary>
        public JsonObject Resolve(JsonObject schema)
        {
            if ((string?)schema["$ref"] is not string reference) return schema;
            var name = reference.Substring(reference.LastIndexOf('/') + 1);
            if (!schemas.TryGetValue(name, out var target)) throw new InvalidOperationException("The spec has no schema " + reference + ".");
            return SchemaMerge.WithSiblings(Resolve(target), schema);
        }

        private static IEnumerable<KeyValuePair<string, JsonObject>> PathItems(JsonObject root)
        {
            var paths = root["paths"] as JsonObject ?? root;
            foreach (var pair in paths)
                if (pair.Key.StartsWith("/", StringComparison.Ordinal) && pair.Value is JsonObject item)
                    yield return new KeyValuePair<string, JsonObject>(pair.Key, item);
        }
    }
}
