using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace CreateImageSdk.Generator.Tests.SpecDrift
{
    /// <summary>
    /// Compares, per operation, the official spec's request schema with ours: the models each operation accepts, the
    /// parameters, which are required, and per parameter its types, values, openness, default and bounds. Each
    /// difference is one line; the same difference always reads the same, so a list of deliberate ones can name it.
    /// </summary>
    internal static class SpecComparer
    {
        public static IReadOnlyList<string> Compare(OfficialSpec spec, OurSchemas ours)
        {
            var differences = new List<string>();
            foreach (var operation in SpecOperation.All)
            {
                var theirs = spec.RequestSchema(operation);
                if (theirs == null)
                {
                    differences.Add($"{operation.Name}: the spec has no {operation.ContentType} body for POST {operation.Path}");
                    continue;
                }
                var mine = ours.File(operation.SchemaFile);
                var op = operation.Name;
                CompareSets(differences, op + " required", Names(theirs["required"]), Names(mine["required"]));

                var theirProperties = theirs["properties"] as JsonObject ?? new JsonObject();
                var myProperties = mine["properties"] as JsonObject ?? new JsonObject();
                var modelProperty = (string?)mine["x-model-property"];
                foreach (var name in theirProperties.Select(p => p.Key).Union(myProperties.Select(p => p.Key)).OrderBy(n => n, StringComparer.Ordinal))
                {
                    var theirProperty = theirProperties[name] as JsonObject;
                    var myProperty = myProperties[name] as JsonObject;
                    if (myProperty == null) { differences.Add($"{op} {name}: in the spec, not in schemas/"); continue; }
                    if (theirProperty == null) { differences.Add($"{op} {name}: in schemas/, not in the spec"); continue; }
                    var a = PropertyFacts.Read(theirProperty, spec.Resolve);
                    var b = PropertyFacts.Read(myProperty, ours.ResolverFor(operation.SchemaFile));
                    // Our model type is shared by every operation; an operation's accepted models are the type's values
                    // less those its rules refuse outright (`then: {model: false}`).
                    if (name == modelProperty) b.Values.ExceptWith(RefusedModels(mine, name));
                    CompareFacts(differences, op + " " + name, a, b);
                }
            }
            return differences;
        }

        private static void CompareFacts(List<string> differences, string subject, PropertyFacts spec, PropertyFacts ours)
        {
            if (!spec.Types.SetEquals(ours.Types))
                differences.Add($"{subject} types: spec {string.Join("|", spec.Types)}, schemas/ {string.Join("|", ours.Types)}");
            CompareSets(differences, subject + " value", spec.Values, ours.Values);
            if ((spec.Values.Count > 0 || ours.Values.Count > 0) && spec.TakesFreeString != ours.TakesFreeString)
                differences.Add(ours.TakesFreeString ? $"{subject}: open in schemas/, closed in the spec" : $"{subject}: closed in schemas/, open in the spec");
            if (spec.Default != ours.Default)
                differences.Add($"{subject} default: spec {spec.Default ?? "none"}, schemas/ {ours.Default ?? "none"}");
            foreach (var bound in PropertyFacts.Bounds)
            {
                spec.Limits.TryGetValue(bound, out var theirs);
                ours.Limits.TryGetValue(bound, out var mine);
                if (theirs != mine) differences.Add($"{subject} {bound}: spec {theirs ?? "none"}, schemas/ {mine ?? "none"}");
            }
        }

        private static void CompareSets(List<string> differences, string subject, IEnumerable<string> spec, IEnumerable<string> ours)
        {
            var theirs = new SortedSet<string>(spec, StringComparer.Ordinal);
            var mine = new SortedSet<string>(ours, StringComparer.Ordinal);
            foreach (var item in theirs.Except(mine)) differences.Add($"{subject} {item}: in the spec, not in schemas/");
            foreach (var item in mine.Except(theirs)) differences.Add($"{subject} {item}: in schemas/, not in the spec");
        }

        private static IEnumerable<string> Names(JsonNode? array) =>
            array is JsonArray items ? items.Where(i => i != null).Select(i => i!.ToString()) : Enumerable.Empty<string>();

        private static IEnumerable<string> RefusedModels(JsonObject schema, string modelProperty)
        {
            if (schema["allOf"] is not JsonArray rules) yield break;
            foreach (var rule in rules.OfType<JsonObject>())
            {
                if (rule["then"]?["properties"]?[modelProperty] is not JsonValue refused || !refused.TryGetValue<bool>(out var allowed) || allowed) continue;
                var condition = rule["if"]?["properties"]?[modelProperty];
                if (condition?["const"] is JsonNode one) yield return one.ToString();
                foreach (var model in Names(condition?["enum"])) yield return model;
            }
        }
    }
}
