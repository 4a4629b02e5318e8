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
                _discriminatorValues.Add(member.WireValue);
                _rulesByValue[member.WireValue] = rules.Where(r => AppliesTo(r, discriminator, member.WireValue)).ToList();
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

        public EnumSpec Annotate(EnumSpec spec)
        {
            if (!_enumProperty.TryGetValue(spec.Name, out var wireName)) return spec;
            var isDiscriminator = wireName == DiscriminatorProperty;
            var members = spec.Members.Select(m =>
            {
                var supportedBy = SupportedBy(wireName, m.WireValue);
                var annotated = supportedBy.Count == 0 ? m : m with { SupportedBy = supportedBy };
                return isDiscriminator ? annotated with { ModelConstraints = Merge(_rulesByValue[m.WireValue]) } : annotated;
            });
            return spec with { Members = members.ToEquatableArray() };
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
                        group.Select(c => c.Dimensions).FirstOrDefault(d => d != null));
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
