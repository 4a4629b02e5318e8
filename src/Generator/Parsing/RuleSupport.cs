using System;
using System.Collections.Generic;
using System.Linq;
using CreateImageSdk.Generator.Model;

namespace CreateImageSdk.Generator.Parsing
{
    /// <summary>
    /// Works out, from the if/then rules, which values of the discriminating property (the model) accept each
    /// property and enum value, so that the docs can say "supported by dall-e-3" without naming any model here.
    /// </summary>
    internal sealed class RuleSupport
    {
        private readonly List<string> _discriminatorValues = new List<string>();
        private readonly Dictionary<string, List<RuleSpec>> _rulesByValue = new Dictionary<string, List<RuleSpec>>(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _enumProperty = new Dictionary<string, string>(StringComparer.Ordinal);

        /// <param name="properties">The schema's properties.</param>
        /// <param name="enums">The value sets defined so far, by type name.</param>
        /// <param name="rules">The schema's if/then rules.</param>
        /// <param name="modelProperty">The property <c>x-model-property</c> names (already checked to be an enum property), or null: then no model's rules are singled out.</param>
        public RuleSupport(IReadOnlyList<PropertySpec> properties, IReadOnlyDictionary<string, EnumSpec> enums, IReadOnlyList<RuleSpec> rules, string? modelProperty)
        {
            foreach (var candidate in properties)
            {
                if (candidate.Type.TypeName != null && enums.ContainsKey(candidate.Type.TypeName)) _enumProperty[candidate.Type.TypeName] = candidate.WireName;
            }

            // The discriminator (the model) is the property the schema names with x-model-property: never guessed.
            var discriminator = modelProperty;
            if (discriminator is null) return;

            DiscriminatorProperty = discriminator;
            var discriminatorEnum = enums[properties.First(p => p.WireName == discriminator).Type.TypeName!];
            foreach (var member in discriminatorEnum.Members)
            {
                var applying = rules.Where(r => AppliesTo(r, discriminator, member.WireValue)).ToList();
                _rulesByValue[member.WireValue] = applying;
                // A model the operation refuses altogether says nothing about who supports what.
                if (!applying.SelectMany(r => r.Constraints).Any(c => c.Property == discriminator && c.Forbidden)) _discriminatorValues.Add(member.WireValue);
            }
        }

        /// <summary>The wire name of the property whose value selects the rules (the model), if any.</summary>
        public string? DiscriminatorProperty { get; }

        /// <summary>
        /// Whether a rule applies to one discriminator value: every condition on the discriminator names it, and
        /// every other condition only asks for a property to be absent (which a request can always satisfy).
        /// </summary>
        private static bool AppliesTo(RuleSpec rule, string discriminator, string value) =>
            rule.Conditions.Any(c => c.Property == discriminator) &&
            rule.Conditions.All(c => c.Property == discriminator ? Matches(c, value) : c.Values.Count > 0 && c.Values.All(v => v.Kind == LiteralKind.Null) && !c.Required);

        public PropertySpec Annotate(PropertySpec property)
        {
            var supportedBy = SupportedBy(property.WireName, value: null);
            return supportedBy.Count == 0 ? property : property with { SupportedBy = supportedBy };
        }

        /// <summary>Per model, what the rules demand when it is chosen; empty without a discriminator.</summary>
        public EquatableArray<ModelRulesSpec> Models(IReadOnlyDictionary<string, EnumSpec> enums, IReadOnlyList<PropertySpec> properties)
        {
            if (DiscriminatorProperty is null) return EquatableArray<ModelRulesSpec>.Empty;
            var models = enums[properties.First(p => p.WireName == DiscriminatorProperty).Type.TypeName!];
            return models.Members.Select(m =>
            {
                var constraints = Merge(_rulesByValue[m.WireValue]);
                // "if model is X then model must be absent" can never hold: the operation does not take X.
                var accepted = !constraints.Any(c => c.Property == DiscriminatorProperty && c.Forbidden);
                return new ModelRulesSpec(m.WireValue, m.Name, m.Description, constraints, accepted);
            }).ToEquatableArray();
        }

        /// <summary>For every enum property's value that not every model accepts, the models that do.</summary>
        public EquatableArray<ValueSupportSpec> ValueSupport(IReadOnlyDictionary<string, EnumSpec> enums)
        {
            var result = new List<ValueSupportSpec>();
            foreach (var pair in _enumProperty.OrderBy(p => p.Value, StringComparer.Ordinal))
            {
                if (!enums.TryGetValue(pair.Key, out var spec)) continue;
                foreach (var member in spec.Members)
                {
                    // Empty when no model takes the value (hd for edits): said so, never confused with "every model".
                    var accepting = _discriminatorValues.Where(d => Accepts(d, pair.Value, member.WireValue)).ToList();
                    if (accepting.Count < _discriminatorValues.Count) result.Add(new ValueSupportSpec(pair.Value, member.WireValue, accepting.ToEquatableArray()));
                }
            }

            return result.ToEquatableArray();
        }

        /// <summary>What all the rules for one model demand, merged into one constraint per property.</summary>
        private static EquatableArray<ConstraintSpec> Merge(IReadOnlyList<RuleSpec> rules) =>
            rules.SelectMany(r => r.Constraints)
                .GroupBy(c => c.Property, StringComparer.Ordinal)
                .Select(group =>
                {
                    var allowed = group.Where(c => c.HasAllowedValues)
                        .Select(c => c.AllowedValues.Where(v => v.Kind != LiteralKind.Null).ToList())
                        .Aggregate((List<LiteralSpec>?)null, (acc, next) => acc is null ? next : acc.Where(next.Contains).ToList());
                    return new ConstraintSpec(
                        group.Key,
                        (allowed ?? new List<LiteralSpec>()).ToEquatableArray(),
                        group.Max(c => c.Minimum),
                        group.Min(c => c.Maximum),
                        group.Min(c => c.MaxLength),
                        group.Any(c => c.Forbidden),
                        group.Any(c => c.Required),
                        group.Select(c => c.Dimensions).FirstOrDefault(d => d != null))
                    {
                        MaxItems = group.Min(c => c.MaxItems),
                        Input = group.Select(c => c.Input).FirstOrDefault(i => i != null),
                    };
                })
                .OrderBy(c => c.Property, StringComparer.Ordinal)
                .ToEquatableArray();

        /// <summary>The discriminator values that accept the property (or one of its values); empty when all do.</summary>
        private EquatableArray<string> SupportedBy(string wireName, string? value)
        {
            var accepting = _discriminatorValues.Where(d => Accepts(d, wireName, value)).ToList();
            return accepting.Count == _discriminatorValues.Count ? EquatableArray<string>.Empty : accepting.ToEquatableArray();
        }

        private bool Accepts(string discriminatorValue, string wireName, string? value)
        {
            foreach (var rule in _rulesByValue[discriminatorValue])
            {
                foreach (var constraint in rule.Constraints.Where(c => c.Property == wireName))
                {
                    if (constraint.Forbidden) return false;
                    if (value != null && constraint.HasAllowedValues && !constraint.AllowedValues.Any(l => l.Text == value) && !FitsDimensions(constraint.Dimensions, value)) return false;
                }
            }

            return true;
        }

        private static bool FitsDimensions(DimensionsSpec? d, string value) =>
            d != null && CreateImageSdk.Validation.ImageDimensionRules.TryParse(value, out var width, out var height) &&
            CreateImageSdk.Validation.ImageDimensionRules.Problem(width, height, d.MultipleOf, d.MaxLongEdge, d.MaxAspectRatio, d.MinPixels, d.MaxPixels) is null;

        private static bool Matches(ConditionSpec condition, string value) =>
            condition.Values.Count == 0 ? condition.Required : condition.Values.Any(l => l.Kind == LiteralKind.String && l.Text == value);
    }
}
