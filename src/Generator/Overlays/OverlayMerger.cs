using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CreateImageSdk.Generator.Diagnostics;
using CreateImageSdk.Generator.Model;
using CreateImageSdk.Generator.Parsing;
using Microsoft.CodeAnalysis.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CreateImageSdk.Generator.Overlays
{
    /// <summary>
    /// Merges an overlay (<c>*.overlay.json</c> in a consumer's project) into the SDK's own schemas, shipped in the package:
    /// its models join the model value set, a model that borrows a known one's rules gets a copy of every rule that names
    /// that model (minus what the overlay's own rules for it say), its values join their value sets, its parameters join
    /// the request, and its rules are appended. The result is an ordinary request schema, parsed by the same parser; every
    /// problem with the overlay itself is CIS020 at its line.
    /// </summary>
    internal static class OverlayMerger
    {
        private const string DefaultExtends = "create-image-request.schema.json";
        private const string CommonFile = "image-common.schema.json";
        private static readonly string[] TopLevel = { "$schema", "$comment", "description", "extends", "models", "values", "properties", "allOf" };

        public static OverlayMerge Merge(string path, SourceText text, EquatableArray<BaseSchema> baseFiles)
        {
            var locator = new SchemaLocator(path, text);
            var name = OverlayName(path);
            var problems = new List<DiagnosticInfo>();
            OverlayMerge Fail(JToken? at, string message) =>
                new OverlayMerge(null, null, EquatableArray<SharedDefinitions>.Empty, new EquatableArray<DiagnosticInfo>(new[] { locator.At(DiagnosticDescriptors.InvalidOverlay, at, Path.GetFileName(path), message) }));

            JObject overlay;
            try
            {
                using var reader = new JsonTextReader(new StringReader(text.ToString()));
                var token = JToken.ReadFrom(reader, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load, DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error });
                if (!(token is JObject root)) return Fail(token, "an overlay is a JSON object (extends, models, values, properties, allOf)");
                overlay = root;
            }
            catch (JsonReaderException ex)
            {
                return new OverlayMerge(null, null, EquatableArray<SharedDefinitions>.Empty, new EquatableArray<DiagnosticInfo>(new[]
                {
                    locator.AtLine(DiagnosticDescriptors.InvalidOverlay, ex.LineNumber, ex.LinePosition, Path.GetFileName(path), "not valid JSON: " + ex.Message),
                }));
            }

            foreach (var property in overlay.Properties())
            {
                if (Array.IndexOf(TopLevel, property.Name) < 0) return Fail(property, "'" + property.Name + "' is not an overlay keyword; use " + string.Join(", ", TopLevel.Skip(3)));
            }

            var extends = overlay["extends"] is JToken e ? (e.Type == JTokenType.String ? (string)e! : null) : DefaultExtends;
            var bases = baseFiles.ToDictionary(f => f.FileName, f => f.Text, StringComparer.Ordinal);
            if (extends is null || !bases.TryGetValue(extends, out var requestText))
            {
                return Fail(overlay["extends"], "extends names '" + (extends ?? "?") + "', which is not one of the SDK's request schemas (" +
                                                string.Join(", ", baseFiles.Select(f => f.FileName).Where(f => f.EndsWith("-request.schema.json", StringComparison.Ordinal))) + ")");
            }

            if (!bases.TryGetValue(CommonFile, out var commonText)) return Fail(overlay, "the package's schemas are missing (" + CommonFile + "); reinstall the CreateImageSdk package");
            var request = JObject.Parse(requestText);
            var common = JObject.Parse(commonText);
            var requestProperties = (JObject)request["properties"]!;
            var modelProperty = (string?)request["x-model-property"] ?? "model";
            // Json.NET copies a token that already has a parent when it is assigned, so the list is assigned only when new.
            if (!(request["allOf"] is JArray rules))
            {
                rules = new JArray();
                request["allOf"] = rules;
            }

            // Models.
            var models = new List<OverlayModelSpec>();
            var modelValues = ValueList(requestProperties[modelProperty], common, out var modelDescriptions);
            if (overlay["models"] is JToken modelsToken)
            {
                if (!(modelsToken is JObject declared)) return Fail(modelsToken, "models is an object: { \"gpt-image-2.5-flare\": { \"rulesOf\": \"gpt-image-2\" } }");
                foreach (var model in declared.Properties())
                {
                    if (!(model.Value is JObject settings)) return Fail(model, "model '" + model.Name + "' is an object ({ \"rulesOf\": …, \"description\": … })");
                    if (modelValues is null) return Fail(model, "the schema " + extends + " has no model value set to add to");
                    if (modelValues.Any(v => (string?)v == model.Name)) return Fail(model, "model '" + model.Name + "' is already one the SDK knows; give its new rules in allOf instead");
                    var rulesOf = settings["rulesOf"] is JToken r ? (string?)r : null;
                    if (rulesOf != null && !modelValues.Any(v => (string?)v == rulesOf))
                    {
                        return Fail(settings["rulesOf"], "rulesOf names '" + rulesOf + "', which is not a model the SDK knows (" + string.Join(", ", modelValues.Select(v => (string?)v)) + ")");
                    }

                    var description = settings["description"] is JToken d ? (string?)d : null;
                    modelValues.Add(model.Name);
                    modelDescriptions?.Add(description ?? model.Name);
                    models.Add(new OverlayModelSpec(model.Name, rulesOf, description));
                }
            }

            // Parameters.
            var added = new List<string>();
            if (overlay["properties"] is JToken propertiesToken)
            {
                if (!(propertiesToken is JObject declared)) return Fail(propertiesToken, "properties is an object of parameters, as in a JSON Schema");
                foreach (var property in declared.Properties())
                {
                    if (requestProperties[property.Name] != null) return Fail(property, "parameter '" + property.Name + "' is already one of " + extends + "'s; add values to it with values instead");
                    requestProperties[property.Name] = property.Value.DeepClone();
                    added.Add(property.Name);
                }
            }

            // Values of existing parameters.
            var addedValues = new List<AddedValues>();
            if (overlay["values"] is JToken valuesToken)
            {
                if (!(valuesToken is JObject declared)) return Fail(valuesToken, "values is an object: { \"quality\": [\"xhigh\"] }");
                foreach (var entry in declared.Properties())
                {
                    if (added.Contains(entry.Name)) return Fail(entry, "parameter '" + entry.Name + "' is the overlay's own; list its values in its enum");
                    var list = ValueList(requestProperties[entry.Name], common, out var descriptions);
                    if (list is null) return Fail(entry, "'" + entry.Name + "' is not a parameter of " + extends + " with a value set");
                    if (!(entry.Value is JArray values) || values.Any(v => v.Type != JTokenType.String)) return Fail(entry.Value, "the values of '" + entry.Name + "' are a list of strings");
                    foreach (var value in values.Select(v => (string)v!))
                    {
                        if (list.Any(v => (string?)v == value)) return Fail(entry.Value, "'" + value + "' is already a value of " + entry.Name);
                        list.Add(value);
                        descriptions?.Add(value);
                    }

                    addedValues.Add(new AddedValues(entry.Name, values.Select(v => (string)v!).ToEquatableArray()));
                }
            }

            // Rules: the overlay's own, and for a model with rulesOf, a copy of each rule of that model, less what its own rules say.
            var overlayRules = new List<JObject>();
            if (overlay["allOf"] is JToken allOfToken)
            {
                if (!(allOfToken is JArray allOf)) return Fail(allOfToken, "allOf is a list of if/then rules, as in the SDK's schemas");
                foreach (var rule in allOf)
                {
                    if (!(rule is JObject ruleObject)) return Fail(rule, "each allOf entry is an { \"if\": …, \"then\": … } rule");
                    overlayRules.Add(ruleObject);
                }
            }

            var borrowed = new List<JObject>();
            foreach (var model in models.Where(m => m.RulesOf != null))
            {
                var overridden = new HashSet<string>(overlayRules.Where(r => Names(r["if"]?["properties"]?[modelProperty], model.Id))
                    .SelectMany(r => (r["then"]?["properties"] as JObject)?.Properties().Select(p => p.Name) ?? Enumerable.Empty<string>()), StringComparer.Ordinal);
                foreach (var rule in rules.OfType<JObject>().Where(r => Names(r["if"]?["properties"]?[modelProperty], model.RulesOf!)))
                {
                    var copy = (JObject)rule.DeepClone();
                    copy["$comment"] = "Borrowed by the overlay for " + model.Id + " from the rules of " + model.RulesOf + ".";
                    copy["if"]!["properties"]![modelProperty] = new JObject { ["const"] = model.Id };
                    var required = copy["if"]!["required"] as JArray ?? new JArray();
                    if (!required.Any(r => (string?)r == modelProperty)) required.Add(modelProperty);
                    copy["if"]!["required"] = required;
                    if (copy["then"]?["properties"] is JObject then)
                    {
                        foreach (var name2 in overridden) then.Remove(name2);
                        if (!then.HasValues && copy["then"]!["required"] is null) continue;
                    }

                    borrowed.Add(copy);
                }
            }

            foreach (var rule in borrowed) rules.Add(rule);
            foreach (var rule in overlayRules) rules.Add(rule.DeepClone());

            var info = new OverlayInfo(path, name, extends, models.ToEquatableArray(), added.ToEquatableArray(), addedValues.ToEquatableArray());
            var shared = baseFiles.Select(f => f.FileName == CommonFile ? new SharedDefinitions(CommonFile, ((JObject?)common["definitions"])?.ToString(Formatting.None) ?? "{}") : ReferenceInliner.Read(f.FileName, f.Text))
                .ToEquatableArray();
            return new OverlayMerge(info, request.ToString(Formatting.Indented), shared, EquatableArray<DiagnosticInfo>.Empty);
        }

        /// <summary>The C# name of an overlay, from its file name: <c>gpt-image-2-5.overlay.json</c> → <c>GptImage2_5</c>.</summary>
        public static string OverlayName(string path)
        {
            var file = Path.GetFileName(path);
            var stem = file.EndsWith(ImageSchemaGenerator.OverlaySuffix, StringComparison.OrdinalIgnoreCase) ? file.Substring(0, file.Length - ImageSchemaGenerator.OverlaySuffix.Length) : file;
            return MemberNaming.ToMemberName(stem, "Overlay");
        }

        /// <summary>Whether a rule's model condition names <paramref name="model"/> (<c>const</c>, or in its <c>enum</c>).</summary>
        private static bool Names(JToken? condition, string model) =>
            condition is JObject c && ((string?)c["const"] == model || (c["enum"] is JArray values && values.Any(v => v.Type == JTokenType.String && (string?)v == model)));

        /// <summary>
        /// The list of values of a parameter's value set, to add to: in the property itself (<c>enum</c>, or an <c>anyOf</c>
        /// branch with one) or in the shared definition it references; with its <c>x-enum-descriptions</c> when it has them.
        /// </summary>
        private static JArray? ValueList(JToken? property, JObject common, out JArray? descriptions)
        {
            descriptions = null;
            if (!(property is JObject schema)) return null;
            if ((string?)schema["$ref"] is string reference)
            {
                var hash = reference.IndexOf('#');
                var file = hash > 0 ? reference.Substring(0, hash) : string.Empty;
                if (file != CommonFile) return null;
                schema = common["definitions"]?[reference.Substring(reference.LastIndexOf('/') + 1)] as JObject ?? schema;
            }

            if (schema["enum"] is JArray direct)
            {
                descriptions = schema["x-enum-descriptions"] as JArray;
                return direct;
            }

            var branch = (schema["anyOf"] as JArray)?.OfType<JObject>().FirstOrDefault(b => b["enum"] is JArray);
            if (branch is null) return null;
            descriptions = branch["x-enum-descriptions"] as JArray ?? schema["x-enum-descriptions"] as JArray;
            return (JArray)branch["enum"]!;
        }
    }
}
