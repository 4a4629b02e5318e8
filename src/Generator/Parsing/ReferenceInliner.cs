using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using CreateImageSdk.Generator.Diagnostics;
using CreateImageSdk.Generator.Model;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CreateImageSdk.Generator.Parsing
{
    /// <summary>
    /// Makes a schema self-contained before NJsonSchema reads it: a relative <c>$ref</c> to another file in
    /// <c>schemas/</c> (<c>other.schema.json#/definitions/Name</c>) is replaced by a copy of that definition under this
    /// file's <c>definitions</c>, and the reference made local. Only files the compiler was given are read, so the
    /// build never touches the file system or the network; anything else is CIS013.
    /// </summary>
    internal static class ReferenceInliner
    {
        private static readonly Regex Relative = new Regex(@"^(?<file>[A-Za-z0-9._-]+\.schema\.json)#/(?<section>definitions|\$defs)/(?<name>[^/]+)$", RegexOptions.CultureInvariant);

        /// <summary>Inlines every relative reference of <paramref name="root"/>; null when all resolved, else the first problem.</summary>
        public static DiagnosticInfo? Inline(JObject root, string fileName, EquatableArray<SharedDefinitions> shared, SchemaLocator locator)
        {
            var files = new Dictionary<string, JObject?>(StringComparer.Ordinal);
            // Each pass inlines what the last one copied in (a shared definition may refer to its neighbours).
            for (var pass = 0; pass < 64; pass++)
            {
                var external = root.Descendants().OfType<JProperty>()
                    .Where(p => p.Name == "$ref" && !(p.Value.Type == JTokenType.String && ((string?)p.Value ?? string.Empty).StartsWith("#", StringComparison.Ordinal)))
                    .ToList();
                if (external.Count == 0) return null;

                foreach (var reference in external)
                {
                    var target = reference.Value.Type == JTokenType.String ? (string?)reference.Value : null;
                    var match = target is null ? null : Relative.Match(target);
                    if (match is null || !match.Success)
                    {
                        return locator.At(DiagnosticDescriptors.ExternalReference, reference, target ?? reference.Value.ToString(Formatting.None));
                    }

                    var file = match.Groups["file"].Value;
                    var name = match.Groups["name"].Value.Replace("~1", "/").Replace("~0", "~");
                    if (!files.TryGetValue(file, out var definitions))
                    {
                        var text = shared.FirstOrDefault(s => string.Equals(s.FileName, file, StringComparison.Ordinal))?.Json;
                        files[file] = definitions = text is null ? null : JObject.Parse(text);
                    }

                    if (!(definitions?[name] is JObject definition))
                    {
                        return locator.At(DiagnosticDescriptors.UnresolvedReference, reference, target!, file);
                    }

                    var copy = (JObject)definition.DeepClone();
                    // The copy's own local references point into its file: make them relative to it, for the next pass.
                    if (file != fileName)
                    {
                        foreach (var inner in copy.DescendantsAndSelf().OfType<JObject>().Select(o => o.Property("$ref")).Where(p => p != null).ToList())
                        {
                            var value = inner!.Value.Type == JTokenType.String ? (string?)inner.Value : null;
                            if (value != null && value.StartsWith("#/", StringComparison.Ordinal)) inner.Value = file + value;
                        }
                    }

                    var local = root["definitions"] as JObject;
                    if (local is null) root["definitions"] = local = new JObject();
                    if (local[name] is JToken existing && !JToken.DeepEquals(existing, copy))
                    {
                        return locator.At(DiagnosticDescriptors.UnresolvedReference, reference, target!, "this file already defines '" + name + "' differently");
                    }

                    if (local[name] is null) local[name] = copy;
                    reference.Value = "#/definitions/" + name.Replace("~", "~0").Replace("/", "~1");
                }
            }

            return locator.At(DiagnosticDescriptors.UnresolvedReference, root, fileName, "references nest more than 64 deep");
        }

        /// <summary>The <c>definitions</c> (or <c>$defs</c>) of a schema text, compact; empty when it has none or does not parse.</summary>
        public static SharedDefinitions Read(string fileName, string text)
        {
            try
            {
                var root = JObject.Parse(text);
                var definitions = root["definitions"] as JObject ?? root["$defs"] as JObject;
                return new SharedDefinitions(fileName, definitions?.ToString(Formatting.None) ?? "{}");
            }
            catch (JsonException)
            {
                // The file's own parse reports it; here it simply shares nothing.
                return new SharedDefinitions(fileName, "{}");
            }
        }
    }
}
