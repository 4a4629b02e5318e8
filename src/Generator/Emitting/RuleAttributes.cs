using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CreateImageSdk.Generator.Model;

namespace CreateImageSdk.Generator.Emitting
{
    /// <summary>
    /// The attributes that carry wire names, wire values and per-model rules into the compiled SDK, where the
    /// compile-time analyzer reads them. Internal types: no public API, but visible in metadata.
    /// </summary>
    internal static class RuleAttributes
    {
        private const string Namespace = "global::CreateImageSdk.Rules.";

        public static string WireName(string name) => "[" + Namespace + "WireName(" + Identifiers.Literal(name) + ")]";

        public static string WireValue(string value) => "[" + Namespace + "WireValue(" + Identifiers.Literal(value) + ")]";

        /// <summary>
        /// On a request type: the ranges and lengths that hold for every model, so the analyzer reports
        /// <c>WithCount(0)</c> even when no model is named.
        /// </summary>
        public static IEnumerable<string> RequestRules(ObjectSpec spec) =>
            ModelRules(new EquatableArray<ConstraintSpec>(spec.Properties
                .Where(p => p.Minimum.HasValue || p.Maximum.HasValue || p.MaxLength.HasValue || p.MinItems.HasValue || p.MaxItems.HasValue)
                .Select(p => new ConstraintSpec(p.WireName, EquatableArray<LiteralSpec>.Empty, p.Minimum, p.Maximum, p.MaxLength, Forbidden: false, Required: false)
                {
                    MinItems = p.MinItems,
                    MaxItems = p.MaxItems,
                })
                .ToArray()));

        /// <summary>
        /// On a request type: what each model demands of each parameter for this operation (<c>Model = …</c>), so the
        /// analyzer checks every operation with its own rules.
        /// </summary>
        public static IEnumerable<string> PerModelRules(ObjectSpec spec) =>
            spec.Models.SelectMany(m => ModelRules(m.Constraints, m.WireValue));

        /// <summary>On a request type: the parameter whose value selects the per-model rules.</summary>
        public static string? ModelParameter(ObjectSpec spec) =>
            spec.Discriminator is null ? null : "[" + Namespace + "ModelParameter(" + Identifiers.Literal(spec.Discriminator) + ")]";

        /// <summary>On a general builder: the request it builds, which is where the analyzer reads the rules.</summary>
        public static string BuilderFor(string requestName) => "[" + Namespace + "BuilderFor(typeof(" + TypeNames.Namespace + requestName + "))]";

        /// <param name="constraints">The constraints to print.</param>
        /// <param name="model">The model they are for, on a request type; null on the model itself or for every model.</param>
        /// <param name="request">On a model declared outside the SDK (an overlay's): the request type whose operation they belong to.</param>
        public static IEnumerable<string> ModelRules(EquatableArray<ConstraintSpec> constraints, string? model = null, string? request = null)
        {
            foreach (var c in constraints)
            {
                var named = new List<string>();
                if (model != null) named.Add("Model = " + Identifiers.Literal(model));
                if (request != null) named.Add("Request = typeof(" + TypeNames.Namespace + request + ")");
                if (c.Forbidden) named.Add("Forbidden = true");
                if (c.HasAllowedValues) named.Add("AllowedValues = new[] { " + string.Join(", ", c.AllowedValues.Select(v => Identifiers.Literal(v.Text!))) + " }");
                if (c.Minimum.HasValue) named.Add("Minimum = " + c.Minimum.Value.ToString(CultureInfo.InvariantCulture));
                if (c.Maximum.HasValue) named.Add("Maximum = " + c.Maximum.Value.ToString(CultureInfo.InvariantCulture));
                if (c.MaxLength.HasValue) named.Add("MaxLength = " + c.MaxLength.Value.ToString(CultureInfo.InvariantCulture));
                if (c.MinItems.HasValue) named.Add("MinItems = " + c.MinItems.Value.ToString(CultureInfo.InvariantCulture));
                if (c.MaxItems.HasValue) named.Add("MaxItems = " + c.MaxItems.Value.ToString(CultureInfo.InvariantCulture));
                if (c.Dimensions is { } d)
                {
                    named.Add("FreeSizeMultipleOf = " + d.MultipleOf.ToString(CultureInfo.InvariantCulture));
                    named.Add("FreeSizeMaxLongEdge = " + d.MaxLongEdge.ToString(CultureInfo.InvariantCulture));
                    named.Add("FreeSizeMaxAspectRatio = " + d.MaxAspectRatio.ToString(CultureInfo.InvariantCulture));
                    named.Add("FreeSizeMinPixels = " + d.MinPixels.ToString(CultureInfo.InvariantCulture));
                    named.Add("FreeSizeMaxPixels = " + d.MaxPixels.ToString(CultureInfo.InvariantCulture));
                }

                if (named.Count == (model is null ? 0 : 1) + (request is null ? 0 : 1)) continue;
                yield return "[" + Namespace + "ModelRule(" + Identifiers.Literal(c.Property) + ", " + string.Join(", ", named) + ")]";
            }
        }
    }
}
