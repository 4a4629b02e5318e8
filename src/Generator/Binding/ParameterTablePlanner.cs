using System.Collections.Generic;
using System.Linq;
using CreateImageSdk.Generator.Model;

namespace CreateImageSdk.Generator.Binding
{
    /// <summary>
    /// Each request's parameter table, and the members every request shares. Surfaces that take parameters by name
    /// (the CLI's flags and columns, Microsoft.Extensions.AI's <c>AdditionalProperties</c>, the local server's check of
    /// known parameters) read these, so a parameter added to a schema reaches them with no hand edit.
    /// </summary>
    internal static class ParameterTablePlanner
    {
        public static EquatableArray<ParameterEntry> Entries(ObjectSpec request, IReadOnlyDictionary<string, EnumSpec> enums)
        {
            var entries = new List<ParameterEntry>();
            foreach (var property in request.Properties)
            {
                if (Kind(property.Type) is not { } kind) continue;
                var valueSet = property.Type.TypeName is { } typeName && property.Type.Kind is ValueKind.OpenEnum or ValueKind.ClosedEnum && enums.TryGetValue(typeName, out var spec) ? spec : null;
                var values = valueSet?.Members.Select(m => m.WireValue).ToEquatableArray() ?? EquatableArray<string>.Empty;
                entries.Add(new ParameterEntry(
                    property.WireName, property.Name, kind, Reading(property.Type), kind == ParameterEntryKind.Value ? property.Type.TypeName : null,
                    property.IsRequired, property.WireName == request.Discriminator, NeedsStream(request, property.WireName),
                    property.Type.IsValueType, valueSet?.Dimensions != null && valueSet.IsOpen, values, property.Description));
            }

            return entries.ToEquatableArray();
        }

        /// <summary>The properties every request has under the same name and type, in the first request's order.</summary>
        public static EquatableArray<InterfaceMember> SharedMembers(IReadOnlyList<ObjectSpec> requests)
        {
            if (requests.Count == 0) return EquatableArray<InterfaceMember>.Empty;
            return requests[0].Properties
                .Where(p => requests.All(r => r.Properties.Any(o => o.Name == p.Name && o.WireName == p.WireName && o.Type == p.Type && o.IsRequired == p.IsRequired)))
                .Select(p => new InterfaceMember(p.Name, p.WireName, p.Type, p.IsRequired, p.Description))
                .ToEquatableArray();
        }

        private static ParameterEntryKind? Kind(TypeRef type) => type.Kind switch
        {
            ValueKind.String => ParameterEntryKind.Text,
            ValueKind.Integer => ParameterEntryKind.Integer,
            ValueKind.Number => ParameterEntryKind.Number,
            ValueKind.Boolean => ParameterEntryKind.Boolean,
            ValueKind.OpenEnum or ValueKind.ClosedEnum => ParameterEntryKind.Value,
            ValueKind.Binary => ParameterEntryKind.Image,
            ValueKind.Object => ParameterEntryKind.ImageReference,
            ValueKind.Array when type.Item?.Kind == ValueKind.Binary => ParameterEntryKind.Images,
            ValueKind.Array when type.Item?.Kind == ValueKind.Object => ParameterEntryKind.ImageReferences,
            // Nothing a request schema uses today; a table entry needs a kind a caller can act on.
            _ => null,
        };

        private static TextReading Reading(TypeRef type) => type.Kind switch
        {
            ValueKind.String => TextReading.Text,
            ValueKind.Integer => TextReading.Integer,
            ValueKind.Number => TextReading.Number,
            ValueKind.Boolean => TextReading.Boolean,
            ValueKind.OpenEnum => TextReading.OpenValue,
            ValueKind.ClosedEnum => TextReading.ClosedValue,
            _ => TextReading.None,
        };

        /// <summary>The stream flag itself, or a parameter a rule allows only when the flag is set (<c>partial_images</c>).</summary>
        private static bool NeedsStream(ObjectSpec request, string wireName)
        {
            var flag = request.Operation?.StreamFlag;
            if (flag is null) return false;
            if (wireName == flag) return true;
            return request.Rules.Any(rule =>
                rule.Conditions.Count == 1 && rule.Conditions[0].Property == wireName && rule.Conditions[0].Required &&
                rule.Constraints.Any(c => c.Property == flag && c.Required));
        }
    }
}
