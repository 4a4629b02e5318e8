using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CreateImageSdk.Generator.Diagnostics;
using CreateImageSdk.Generator.Model;
using Newtonsoft.Json.Linq;

namespace CreateImageSdk.Generator.Parsing
{
    /// <summary>
    /// Reads the per-model rules: an <c>allOf</c> of <c>if</c>/<c>then</c> entries in standard JSON Schema.
    /// Only the subset that maps to a clear check is accepted; anything else is a diagnostic, never ignored.
    /// </summary>
    internal static class RuleParser
    {
        public static List<RuleSpec> Parse(JObject root, ICollection<string> knownProperties, SchemaLocator locator, List<DiagnosticInfo> diagnostics)
        {
            var rules = new List<RuleSpec>();
            if (!(root["allOf"] is JArray allOf)) return rules;

            for (var i = 0; i < allOf.Count; i++)
            {
                var entry = allOf[i] as JObject;
                var index = i.ToString(CultureInfo.InvariantCulture);
                if (entry is null || !(entry["if"] is JObject condition) || !(entry["then"] is JObject consequence))
                {
                    diagnostics.Add(locator.At(DiagnosticDescriptors.UnsupportedRule, allOf[i], index, "expected an object with 'if' and 'then'"));
                    continue;
                }

                var extra = entry.Properties().FirstOrDefault(p => p.Name != "if" && p.Name != "then" && p.Name != "$comment");
                if (extra != null)
                {
                    diagnostics.Add(locator.At(DiagnosticDescriptors.UnsupportedRule, extra, index, "unexpected keyword '" + extra.Name + "'"));
                    continue;
                }

                var conditions = ParseConditions(condition, index, knownProperties, locator, diagnostics);
                var constraints = ParseConstraints(consequence, index, knownProperties, locator, diagnostics);
                if (conditions != null && constraints != null)
                {
                    rules.Add(new RuleSpec(conditions.ToEquatableArray(), constraints.ToEquatableArray()));
                }
            }

            return rules;
        }

        private static List<ConditionSpec>? ParseConditions(JObject condition, string index, ICollection<string> known, SchemaLocator locator, List<DiagnosticInfo> diagnostics)
        {
            var required = ReadRequired(condition, index, locator, diagnostics);
            if (required is null) return null;

            var result = new List<ConditionSpec>();
            foreach (var keyword in condition.Properties())
            {
                if (keyword.Name == "required" || keyword.Name == "$comment") continue;
                if (keyword.Name != "properties" || !(keyword.Value is JObject properties))
                {
                    diagnostics.Add(locator.At(DiagnosticDescriptors.UnsupportedRule, keyword, index, "'if' supports only 'properties' and 'required'"));
                    return null;
                }

                foreach (var property in properties.Properties())
                {
                    if (!CheckKnown(property, known, locator, diagnostics)) return null;
                    var values = property.Value is JObject subschema ? ReadValues(subschema) : null;
                    if (values is null || values.Count == 0 || ((JObject)property.Value).Properties().Any(p => p.Name != "const" && p.Name != "enum"))
                    {
                        diagnostics.Add(locator.At(DiagnosticDescriptors.UnsupportedRule, property, index, "a condition on '" + property.Name + "' must be a 'const' or an 'enum'"));
                        return null;
                    }

                    result.Add(new ConditionSpec(property.Name, values.ToEquatableArray(), required.Remove(property.Name)));
                }
            }

            foreach (var name in required)
            {
                if (!known.Contains(name))
                {
                    diagnostics.Add(locator.At(DiagnosticDescriptors.UnknownRuleProperty, condition["required"], name));
                    return null;
                }

                result.Add(new ConditionSpec(name, EquatableArray<LiteralSpec>.Empty, Required: true));
            }

            return result;
        }

        private static List<ConstraintSpec>? ParseConstraints(JObject consequence, string index, ICollection<string> known, SchemaLocator locator, List<DiagnosticInfo> diagnostics)
        {
            var required = ReadRequired(consequence, index, locator, diagnostics);
            if (required is null) return null;

            var result = new List<ConstraintSpec>();
            foreach (var keyword in consequence.Properties())
            {
                if (keyword.Name == "required" || keyword.Name == "$comment") continue;
                if (keyword.Name != "properties" || !(keyword.Value is JObject properties))
                {
                    diagnostics.Add(locator.At(DiagnosticDescriptors.UnsupportedRule, keyword, index, "'then' supports only 'properties' and 'required'"));
                    return null;
                }

                foreach (var property in properties.Properties())
                {
                    if (!CheckKnown(property, known, locator, diagnostics)) return null;
                    var constraint = ParseConstraint(property, required.Remove(property.Name));
                    if (constraint is null)
                    {
                        diagnostics.Add(locator.At(DiagnosticDescriptors.UnsupportedRule, property, index,
                            "a constraint on '" + property.Name + "' must be false or use only const, enum, minimum, maximum, maxLength, maxItems and x-image-input"));
                        return null;
                    }

                    result.Add(constraint);
                }
            }

            foreach (var name in required)
            {
                if (!known.Contains(name))
                {
                    diagnostics.Add(locator.At(DiagnosticDescriptors.UnknownRuleProperty, consequence["required"], name));
                    return null;
                }

                result.Add(new ConstraintSpec(name, EquatableArray<LiteralSpec>.Empty, null, null, null, Forbidden: false, Required: true));
            }

            return result;
        }

        private static ConstraintSpec? ParseConstraint(JProperty property, bool required)
        {
            if (property.Value.Type == JTokenType.Boolean)
            {
                // "false" is JSON Schema for "this property must not be present".
                return (bool)property.Value! ? null : new ConstraintSpec(property.Name, EquatableArray<LiteralSpec>.Empty, null, null, null, Forbidden: true, required);
            }

            if (!(property.Value is JObject subschema)) return null;

            if (subschema["anyOf"] is JArray branches)
            {
                // "one of these values, or a free size that satisfies x-image-dimensions"
                if (subschema.Count != 1 || branches.Count != 2) return null;
                var listed = branches.OfType<JObject>().FirstOrDefault(b => b["enum"] != null || b["const"] != null);
                var free = branches.OfType<JObject>().FirstOrDefault(b => b[DimensionsParser.Keyword] != null);
                var dimensions = DimensionsParser.Read(free, out _);
                var listedValues = listed is null ? null : ReadValues(listed);
                if (listedValues is null || dimensions is null) return null;
                return new ConstraintSpec(property.Name, listedValues.ToEquatableArray(), null, null, null, Forbidden: false, required, dimensions);
            }

            long? minimum = null, maximum = null;
            int? maxLength = null, maxItems = null;
            ImageInputSpec? input = null;
            foreach (var keyword in subschema.Properties())
            {
                switch (keyword.Name)
                {
                    case "const":
                    case "enum":
                    case "$comment":
                        break;
                    case "minimum" when keyword.Value.Type == JTokenType.Integer:
                        minimum = (long)keyword.Value;
                        break;
                    case "maximum" when keyword.Value.Type == JTokenType.Integer:
                        maximum = (long)keyword.Value;
                        break;
                    case "maxLength" when keyword.Value.Type == JTokenType.Integer:
                        maxLength = (int)keyword.Value;
                        break;
                    case "maxItems" when keyword.Value.Type == JTokenType.Integer:
                        maxItems = (int)keyword.Value;
                        break;
                    case ImageInputParser.Keyword when ImageInputParser.Read(keyword.Value as JObject) is { } read:
                        input = read;
                        break;
                    default:
                        return null;
                }
            }

            var values = ReadValues(subschema) ?? new List<LiteralSpec>();
            return new ConstraintSpec(property.Name, values.ToEquatableArray(), minimum, maximum, maxLength, Forbidden: false, required) { MaxItems = maxItems, Input = input };
        }

        private static List<LiteralSpec>? ReadValues(JObject subschema)
        {
            if (subschema["const"] is JToken single) return ToLiteral(single) is { } literal ? new List<LiteralSpec> { literal } : null;
            if (!(subschema["enum"] is JArray values)) return null;

            var result = new List<LiteralSpec>();
            foreach (var value in values)
            {
                var literal = ToLiteral(value);
                if (literal is null) return null;
                result.Add(literal);
            }

            return result;
        }

        public static LiteralSpec? ToLiteral(JToken value)
        {
            switch (value.Type)
            {
                case JTokenType.Null: return LiteralSpec.Null;
                case JTokenType.String: return new LiteralSpec(LiteralKind.String, (string?)value);
                case JTokenType.Integer: return new LiteralSpec(LiteralKind.Number, ((long)value).ToString(CultureInfo.InvariantCulture));
                case JTokenType.Boolean: return new LiteralSpec(LiteralKind.Boolean, (bool)value ? "true" : "false");
                default: return null;
            }
        }

        private static HashSet<string>? ReadRequired(JObject schema, string index, SchemaLocator locator, List<DiagnosticInfo> diagnostics)
        {
            var result = new HashSet<string>();
            var token = schema["required"];
            if (token is null) return result;
            if (!(token is JArray array) || array.Any(t => t.Type != JTokenType.String))
            {
                diagnostics.Add(locator.At(DiagnosticDescriptors.UnsupportedRule, token, index, "'required' must be an array of property names"));
                return null;
            }

            foreach (var name in array) result.Add((string)name!);
            return result;
        }

        private static bool CheckKnown(JProperty property, ICollection<string> known, SchemaLocator locator, List<DiagnosticInfo> diagnostics)
        {
            if (known.Contains(property.Name)) return true;
            diagnostics.Add(locator.At(DiagnosticDescriptors.UnknownRuleProperty, property, property.Name));
            return false;
        }
    }
}
