using System.Text.Json.Nodes;

namespace CreateImageSdk.Generator.Tests.SpecDrift
{
    internal static class SchemaMerge
    {
        /// <summary>
        /// A referenced schema with the keywords written beside its <c>$ref</c> laid over it: our schemas put a
        /// property's <c>default</c> and <c>description</c> there, and the generator reads them so.
        /// </summary>
        public static JsonObject WithSiblings(JsonObject target, JsonObject referring)
        {
            var merged = (JsonObject)target.DeepClone();
            foreach (var pair in referring)
                if (pair.Key != "$ref") merged[pair.Key] = pair.Value?.DeepClone();
            return merged;
        }
    }
}
