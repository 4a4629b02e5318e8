using System;
using System.Collections.Generic;
using System.Linq;
using CreateImageSdk.Generator.Model;

namespace CreateImageSdk.Generator.Binding
{
    /// <summary>
    /// What a model's builder offers, from its merged constraints: a parameter the model forbids has no step, a number
    /// the model fixes is not offered, and a value set the model narrows gets a type of its own, named after the model
    /// and the operation's variant (<c>DallE2EditSize</c>; the general type's full name when two narrowed sets would share
    /// a short name).
    /// </summary>
    internal static class ModelBuilderPlanner
    {
        public static EquatableArray<ModelStep> Steps(ObjectSpec request, ModelRulesSpec model, string valueTypePrefix, IReadOnlyDictionary<string, EnumSpec> enums)
        {
            var operation = request.Operation!;
            var constraints = model.Constraints.ToDictionary(c => c.Property, StringComparer.Ordinal);
            var shortNames = request.Properties
                .Where(p => p.Type.TypeName != null && enums.ContainsKey(p.Type.TypeName) && constraints.TryGetValue(p.WireName, out var c) && c.HasAllowedValues)
                .GroupBy(p => enums[p.Type.TypeName!].ShortName)
                .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            var steps = new List<ModelStep>();
            foreach (var property in request.Properties.Where(p => !p.IsRequired && p.WireName != request.Discriminator && p.WireName != operation.StreamFlag))
            {
                constraints.TryGetValue(property.WireName, out var constraint);
                if (constraint?.Forbidden == true) continue;

                if (property.Type.Kind == ValueKind.Integer)
                {
                    var minimum = Max(property.Minimum, constraint?.Minimum);
                    var maximum = Min(property.Maximum, constraint?.Maximum);
                    if (minimum.HasValue && minimum == maximum) continue; // one possible value: nothing to choose
                    steps.Add(new ModelStep(property.WireName, null, null, null, minimum, maximum));
                }
                else if (constraint?.HasAllowedValues == true && property.Type.TypeName != null && enums.TryGetValue(property.Type.TypeName, out var general) &&
                         (constraint.Dimensions != null || general.Members.Any(m => !constraint.AllowedValues.Any(v => v.Text == m.WireValue))))
                {
                    var name = valueTypePrefix + (shortNames[general.ShortName] > 1 ? general.Name : general.ShortName);
                    // Only the members are printed (the narrowed type's docs are its own), so the set's description stays out of the record.
                    steps.Add(new ModelStep(property.WireName, name, general with { Description = null }, constraint, null, null));
                }
                else
                {
                    steps.Add(new ModelStep(property.WireName, null, null, null, null, null));
                }
            }

            return steps.ToEquatableArray();
        }

        /// <summary>Whether the model may stream: the operation streams and the model's rules do not forbid the flag.</summary>
        public static bool CanStream(ObjectSpec request, ModelRulesSpec model)
        {
            var operation = request.Operation!;
            return operation.StreamFlag != null && operation.StreamEvent != null &&
                   !model.Constraints.Any(c => c.Property == operation.StreamFlag && c.Forbidden);
        }

        private static long? Max(long? a, long? b) => a.HasValue && b.HasValue ? Math.Max(a.Value, b.Value) : a ?? b;

        private static long? Min(long? a, long? b) => a.HasValue && b.HasValue ? Math.Min(a.Value, b.Value) : a ?? b;
    }
}
