using System;
using System.Collections.Generic;
using System.Linq;
using CreateImageSdk.Generator.Binding;
using CreateImageSdk.Generator.Model;

namespace CreateImageSdk.Generator.Overlays
{
    /// <summary>
    /// The merged request (the SDK's schema with the overlay in it) → what the overlay generates: builders for its models
    /// (planned as the SDK plans its own, <see cref="ModelBuilderPlanner"/>), steps for its parameters, and the rules to
    /// check. Names are decided here; the emitter only prints.
    /// </summary>
    internal static class OverlayBinder
    {
        public static OverlayFileSet Bind(OverlayInfo info, ObjectSpec request, IReadOnlyDictionary<string, EnumSpec> enums, string ns)
        {
            var operation = request.Operation!;
            var added = new HashSet<string>(info.AddedProperties, StringComparer.Ordinal);
            var addedValues = info.AddedValues.ToDictionary(v => v.Property, v => new HashSet<string>(v.Values, StringComparer.Ordinal), StringComparer.Ordinal);
            var overlayIds = new HashSet<string>(info.Models.Select(m => m.Id), StringComparer.Ordinal);
            var modelWire = request.Discriminator;

            bool KnownToSdk(string property, string value) =>
                !added.Contains(property) && !(addedValues.TryGetValue(property, out var values) && values.Contains(value)) &&
                !(property == modelWire && overlayIds.Contains(value));

            var models = new List<OverlayModelBuilder>();
            foreach (var declared in info.Models)
            {
                var rules = request.Models.FirstOrDefault(m => m.WireValue == declared.Id);
                if (rules is null || !rules.Accepted) continue;
                var prefix = rules.MemberName + operation.Variant;
                var steps = new List<OverlayStep>();
                var types = new List<OverlayNarrowedType>();
                foreach (var step in ModelBuilderPlanner.Steps(request, rules, prefix, enums))
                {
                    var property = request.Properties.First(p => p.WireName == step.Property);
                    var isOverlay = added.Contains(property.WireName);
                    string? valueType = null;
                    if (step.ValueType != null && step.General != null && step.Allowed != null)
                    {
                        var allowed = step.General.Members.Where(m => step.Allowed.AllowedValues.Any(v => v.Text == m.WireValue))
                            .Select(m => new OverlayMember(m.Name, m.WireValue, KnownToSdk(property.WireName, m.WireValue), m.Description)).ToEquatableArray();
                        types.Add(new OverlayNarrowedType(step.ValueType, step.General.Name, !isOverlay, declared.Id, allowed, step.Allowed.Dimensions != null));
                        valueType = step.ValueType;
                    }
                    else if (isOverlay && property.Type.TypeName != null)
                    {
                        valueType = property.Type.TypeName;
                    }

                    steps.Add(new OverlayStep(property.WireName, property.Name, property.Type.Kind, isOverlay, valueType, isOverlay ? null : property.Type.TypeName,
                        property.Description, step.Minimum, step.Maximum));
                }

                models.Add(new OverlayModelBuilder(declared.Id, rules.MemberName, prefix + "RequestBuilder", declared.Description ?? rules.Description, declared.RulesOf,
                    ModelBuilderPlanner.CanStream(request, rules), steps.ToEquatableArray(), types.ToEquatableArray()));
            }

            var parameters = new List<OverlayParameter>();
            var valueTypes = new List<OverlayValueType>();
            foreach (var property in request.Properties.Where(p => added.Contains(p.WireName)))
            {
                var values = EquatableArray<string>.Empty;
                if (property.Type.TypeName != null && enums.TryGetValue(property.Type.TypeName, out var set))
                {
                    valueTypes.Add(new OverlayValueType(set.Name, property.Description ?? set.Description, set.IsOpen,
                        set.Members.Select(m => new OverlayMember(m.Name, m.WireValue, false, m.Description)).ToEquatableArray()));
                    if (!set.IsOpen) values = set.Members.Select(m => m.WireValue).ToEquatableArray();
                }

                parameters.Add(new OverlayParameter(property.WireName, property.Name, property.Type.Kind, property.Type.TypeName, property.Description,
                    property.Minimum, property.Maximum, property.MaxLength, property.Pattern, values));
            }

            // An added model's every constraint (the SDK treats it as a model it does not know, so checks only what every
            // model shares); for a known model, what its rules say of the overlay's parameters.
            var ruleSets = new List<OverlayRuleSet>();
            foreach (var model in request.Models)
            {
                var isOverlay = overlayIds.Contains(model.WireValue);
                var constraints = isOverlay ? model.Constraints : model.Constraints.Where(c => added.Contains(c.Property)).ToEquatableArray();
                if (constraints.Count > 0 || (isOverlay && !model.Accepted)) ruleSets.Add(new OverlayRuleSet(model.WireValue, isOverlay, constraints));
            }

            var sources = request.Properties
                .Select(p => new OverlayValueSource(p.WireName, p.Name, p.Type.Kind, p.IsRequired, added.Contains(p.WireName), p.Type.TypeName))
                .ToEquatableArray();
            return new OverlayFileSet(ns, info.Name, System.IO.Path.GetFileName(info.OverlayPath), request.Name, request.Name + "Builder",
                models.ToEquatableArray(), parameters.ToEquatableArray(), valueTypes.ToEquatableArray(), ruleSets.ToEquatableArray(), sources);
        }
    }
}
