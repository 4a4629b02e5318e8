using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;

namespace CreateImageSdk.Generator.Tests.SpecDrift
{
    /// <summary>The JSON Schemas of one folder (<c>schemas/</c> or a changed copy of it), with their <c>$ref</c>s resolved as the generator resolves them.</summary>
    internal sealed class OurSchemas
    {
        private readonly Dictionary<string, JsonObject> files = new Dictionary<string, JsonObject>(StringComparer.Ordinal);

        public OurSchemas(string directory)
        {
            foreach (var path in Directory.GetFiles(directory, "*.schema.json"))
                files[Path.GetFileName(path)] = JsonNode.Parse(System.IO.File.ReadAllText(path)) as JsonObject
                    ?? throw new InvalidOperationException(path + " is not a JSON object.");
        }

        public JsonObject File(string name) =>
            files.TryGetValue(name, out var file) ? file : throw new InvalidOperationException("schemas/ has no " + name + ".");

        /// <summary>Follows <c>other.schema.json#/definitions/X</c> or <c>#/definitions/X</c> (of <paramref name="fileName"/>, else of the file that defines X).</summary>
        public Func<JsonObject, JsonObject> ResolverFor(string fileName) => schema => Resolve(schema, fileName);

        private JsonObject Resolve(JsonObject schema, string fileName)
        {
            if ((string?)schema["$ref"] is not string reference) return schema;
            var hash = reference.IndexOf('#');
            var file = hash > 0 ? reference.Substring(0, hash) : fileName;
            var name = reference.Substring(reference.LastIndexOf('/') + 1);
            var target = File(file)["definitions"]?[name] as JsonObject
                ?? files.Values.Select(f => f["definitions"]?[name] as JsonObject).FirstOrDefault(d => d != null)
                ?? throw new InvalidOperationException(fileName + ": cannot resolve " + reference + ".");
            return SchemaMerge.WithSiblings(Resolve(target, file), schema);
        }
    }
}
