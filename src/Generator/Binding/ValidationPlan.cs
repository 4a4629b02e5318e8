using System.Globalization;
using System.Linq;
using CreateImageSdk.Generator.Model;

namespace CreateImageSdk.Generator.Binding
{
    /// <summary>
    /// What a request's <c>Validate()</c> checks, decided at bind time: the static fields it needs (allowed values, image
    /// formats, patterns) and their names, and per rule its condition in words, whether it is a model's rule, and per
    /// constraint which field it reads, whether it means the operation does not take the model at all, and whether a
    /// value the SDK does not know gets the hint on how to send it unchecked. The emitter prints this as code.
    /// </summary>
    internal sealed record ValidationPlan(EquatableArray<PropertyCheckPlan> Properties, EquatableArray<RulePlan> Rules)
    {
        public static ValidationPlan For(ObjectSpec spec)
        {
            var model = spec.Properties.FirstOrDefault(p => p.WireName == spec.Discriminator && p.Type.Kind == ValueKind.OpenEnum);
            var properties = spec.Properties.Select(p => new PropertyCheckPlan(
                p.WireName,
                p.Pattern != null ? "s_pattern_" + p.Name : null,
                p.Input is { MediaTypes.Count: > 0 } ? MediaTypesField(spec, null, p.WireName) : null)).ToEquatableArray();
            var rules = spec.Rules.Select((rule, i) =>
            {
                var byModel = model != null && rule.Conditions.Any(c => c.Property == model.WireName);
                var constraints = rule.Constraints.Select(c =>
                {
                    var target = spec.Properties.FirstOrDefault(p => p.WireName == c.Property);
                    return new ConstraintPlan(
                        c,
                        c.HasAllowedValues ? FieldName(spec, i, c.Property) : null,
                        c.Input is { MediaTypes.Count: > 0 } ? MediaTypesField(spec, i, c.Property) : null,
                        // "if model is X then no model": the operation does not take X at all.
                        NotAccepted: c.Forbidden && c.Property == spec.Discriminator && spec.Operation != null && rule.Conditions.Any(k => k.Property == spec.Discriminator),
                        // A value this SDK does not know, refused by a model's list: the message says how to send it unchecked.
                        UnknownValueHint: byModel && target is { Type.Kind: ValueKind.OpenEnum } && target != model);
                }).ToEquatableArray();
                return new RulePlan(i, ConditionText(rule), byModel, constraints);
            }).ToEquatableArray();
            return new ValidationPlan(properties, rules);
        }

        /// <summary>The rule's condition in words, for messages: "model is dall-e-2 (or not set)".</summary>
        private static string ConditionText(RuleSpec rule)
        {
            // "background is not set" clauses only narrow when a default applies; the message names the rest.
            var named = rule.Conditions.Where(c => !IsAbsence(c)).ToList();
            var shown = named.Count > 0 ? named : rule.Conditions.ToList();
            return string.Join(" and ", shown.Select(c =>
            {
                if (c.Values.Count == 0) return c.Property + " is set";
                if (IsAbsence(c)) return c.Property + " is not set";
                var values = c.Values.Where(l => l.Kind != LiteralKind.Null).Select(l => l.Text).ToList();
                var text = c.Property + " is " + (values.Count > 2 ? "one of " + string.Join(", ", values) : string.Join(" or ", values));
                return c.Values.Any(l => l.Kind == LiteralKind.Null) && !c.Required ? text + " (or not set)" : text;
            }));
        }

        private static bool IsAbsence(ConditionSpec c) => c.Values.Count > 0 && c.Values.All(l => l.Kind == LiteralKind.Null);

        /// <summary>The field of the accepted image formats of a property (<paramref name="rule"/> null) or of one rule.</summary>
        private static string MediaTypesField(ObjectSpec spec, int? rule, string wireName) =>
            (rule.HasValue ? "s_rule" + rule.Value.ToString(CultureInfo.InvariantCulture) + "_" : "s_") + CSharpName(spec, wireName) + "MediaTypes";

        /// <summary>
        /// The field of a rule's allowed values, named after the property's C# name: unique by construction, where two
        /// wire names (<c>a-b</c>, <c>a_b</c>) can read alike once spelled in C#.
        /// </summary>
        private static string FieldName(ObjectSpec spec, int rule, string wireName) =>
            "s_rule" + rule.ToString(CultureInfo.InvariantCulture) + "_" + CSharpName(spec, wireName);

        private static string CSharpName(ObjectSpec spec, string wireName) =>
            spec.Properties.FirstOrDefault(p => p.WireName == wireName)?.Name ?? Parsing.MemberNaming.ToPascalCase(wireName);
    }

    /// <summary>The fields one property's own checks read: its compiled pattern and its accepted image formats.</summary>
    internal sealed record PropertyCheckPlan(string WireName, string? PatternField, string? MediaTypesField);

    /// <summary>One if/then rule: its index, its condition in words (the "when …" of messages), and whether it is a model's.</summary>
    internal sealed record RulePlan(int Index, string Because, bool ByModel, EquatableArray<ConstraintPlan> Constraints);

    /// <summary>One constraint of a rule, with the fields it reads and what its violation says.</summary>
    internal sealed record ConstraintPlan(ConstraintSpec Constraint, string? ValuesField, string? MediaTypesField, bool NotAccepted, bool UnknownValueHint);
}
