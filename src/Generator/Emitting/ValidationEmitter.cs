using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CreateImageSdk.Generator.Model;

namespace CreateImageSdk.Generator.Emitting
{
    /// <summary>
    /// The checks a request passes before it is sent: the schema's own constraints (length, range, required)
    /// and each if/then rule, turned into code. Nothing here names a model; the schema does.
    /// </summary>
    internal static class ValidationEmitter
    {
        private const string Collector = "global::CreateImageSdk.Validation.ViolationCollector";

        /// <summary>The local that holds the id whose per-model rules apply.</summary>
        private const string RulesKey = "modelRules";

        /// <param name="acceptedModels">The models the operation takes, as bound (named when a request names one it does not take).</param>
        /// <param name="plan">The fields and per-rule decisions, as bound (<see cref="Binding.ValidationPlan"/>).</param>
        public static string Emit(ObjectSpec spec, EquatableArray<string> acceptedModels, Binding.ValidationPlan plan, string schemaFile)
        {
            var w = GeneratedHeader.Start(schemaFile);
            w.Open("public sealed partial record " + spec.Name);
            EmitAllowedValueFields(w, spec, plan);
            var fields = plan.Properties.ToDictionary(p => p.WireName);
            Docs.Summary(w, "Checks this request against the schema's rules, including the per-model ones, without sending anything.");
            w.Line("/// <returns>Every violation found; empty when the request is valid.</returns>");
            w.Open("public global::System.Collections.Generic.IReadOnlyList<global::CreateImageSdk.ImageRequestViolation> Validate()");
            w.Line("var violations = new " + Collector + "();");
            var wire = WireValues(spec);
            foreach (var entry in wire) w.Line(entry.Value.Declaration);
            var model = spec.Properties.FirstOrDefault(p => p.WireName == spec.Discriminator && p.Type.Kind == ValueKind.OpenEnum);
            if (model != null)
            {
                // Rules are chosen by kinship (a dated snapshot follows its base; a custom model may borrow a known one's
                // rules; an unchecked one follows none); presence is still the model's own.
                w.Line("string? " + RulesKey + " = " + model.Name + (model.IsRequired ? "." : "?.") + "RulesKey;");
            }

            w.Line();
            w.Line("// Constraints that hold for every model.");
            if (spec.Operation != null) w.Line("violations.NotKnown(AdditionalProperties, WireNames);");
            foreach (var property in spec.Properties)
            {
                var v = wire[property.WireName];
                var name = Identifiers.Literal(property.WireName);
                if (property.IsRequired) w.Line("violations.Required(" + name + ", " + v.Text + ");");
                if (property.Type.Kind == ValueKind.OpenEnum) w.Line("violations.NotEmpty(" + name + ", " + v.Text + ");");
                if (property.MinLength.HasValue) w.Line("violations.MinLength(" + name + ", " + v.Text + ", " + Int(property.MinLength.Value) + ", null);");
                if (property.MaxLength.HasValue) w.Line("violations.MaxLength(" + name + ", " + v.Text + ", " + Int(property.MaxLength.Value) + ", null);");
                if (property.Pattern is { } pattern)
                {
                    w.Line("violations.Matches(" + name + ", " + v.Text + ", " + fields[property.WireName].PatternField + ", " + Identifiers.Literal(pattern.Description ?? "must match the pattern " + pattern.Regex) + ");");
                }

                if (property.Type.Kind == ValueKind.ClosedEnum)
                {
                    var extensions = TypeNames.Namespace + property.Type.TypeName + "Extensions";
                    w.Line("violations.Defined(" + name + ", (int?)" + property.Name + ", " + v.Text + ", " + Identifiers.Literal(property.Type.TypeName!) + ", " + extensions + ".WireValues);");
                }
                if (property.Minimum.HasValue || property.Maximum.HasValue)
                {
                    w.Line("violations.Range(" + name + ", " + v.Number + ", " + Long(property.Minimum) + ", " + Long(property.Maximum) + ", null);");
                }

                if (property.MinItems.HasValue || property.MaxItems.HasValue)
                {
                    w.Line("violations.Items(" + name + ", " + property.Name + "?.Count, " + Long(property.MinItems) + ", " + Long(property.MaxItems) + ", null);");
                }

                if (property.Input is { } input) EmitImageChecks(w, spec, property, input, fields[property.WireName].MediaTypesField, "null");
            }

            foreach (var planned in plan.Rules)
            {
                var i = planned.Index;
                var rule = spec.Rules[i];
                w.Line();
                w.Line("// Rule " + Int(i) + ": " + planned.Because + ".");
                var tests = rule.Conditions.Select(c => ConditionCode(c, wire[c.Property], model != null && c.Property == model.WireName ? RulesKey : null)).ToList();
                w.Open("if (" + (tests.Count == 1 ? Unwrap(tests[0]) : string.Join(" && ", tests)) + ")");
                var because = Identifiers.Literal(planned.Because);
                foreach (var check in planned.Constraints)
                {
                    var constraint = check.Constraint;
                    var v = wire[constraint.Property];
                    var name = Identifiers.Literal(constraint.Property);
                    if (check.NotAccepted)
                    {
                        // "if model is X then no model": the operation does not take X at all; say so, and name the ones it takes.
                        var accepted = acceptedModels.Select(Identifiers.Literal);
                        w.Line("violations.NotAccepted(" + name + ", " + v.Text + ", " + Identifiers.Literal(spec.Operation!.HttpMethod + " " + spec.Operation.Path) + ", new[] { " + string.Join(", ", accepted) + " });");
                    }
                    else if (constraint.Forbidden)
                    {
                        w.Line("violations.Forbidden(" + name + ", " + v.Text + ", " + because + ");");
                    }

                    if (constraint.Required) w.Line("violations.RequiredWhen(" + name + ", " + v.Text + ", " + because + ");");
                    if (constraint.MaxLength.HasValue) w.Line("violations.MaxLength(" + name + ", " + v.Text + ", " + Int(constraint.MaxLength.Value) + ", " + because + ");");
                    var target = spec.Properties.FirstOrDefault(p => p.WireName == constraint.Property);
                    if (constraint.MaxItems.HasValue && target != null)
                    {
                        w.Line("violations.Items(" + name + ", " + target.Name + "?.Count, null, " + Int(constraint.MaxItems.Value) + ", " + because + ");");
                    }

                    if (constraint.Input is { } input && target != null) EmitImageChecks(w, spec, target, input, check.MediaTypesField, because);
                    if (constraint.Minimum.HasValue || constraint.Maximum.HasValue)
                    {
                        w.Line("violations.Range(" + name + ", " + v.Number + ", " + Long(constraint.Minimum) + ", " + Long(constraint.Maximum) + ", " + because + ");");
                    }

                    var unknown = check.UnknownValueHint && target != null
                        ? ", " + target.Name + (target.IsRequired ? ".IsKnown" : "?.IsKnown") + " == false ? " + wire[model!.WireName].Text + " : null"
                        : string.Empty;
                    if (constraint.HasAllowedValues && constraint.Dimensions is { } d)
                    {
                        w.Line("violations.OneOfOrSize(" + name + ", " + v.Text + ", " + check.ValuesField + ", " + Int(d.MultipleOf) + ", " + Int(d.MaxLongEdge) + ", " +
                               Int(d.MaxAspectRatio) + ", " + Long(d.MinPixels) + ", " + Long(d.MaxPixels) + ", " + because + unknown + ");");
                    }
                    else if (constraint.HasAllowedValues)
                    {
                        w.Line("violations.OneOf(" + name + ", " + v.Text + ", " + check.ValuesField + ", " + because + unknown + ");");
                    }
                }

                w.Close();
            }

            w.Line();
            if (spec.Operation != null)
            {
                // Rules generated from overlay schemas in other assemblies (their models and parameters), after the schema's own.
                w.Line("global::CreateImageSdk.Extensibility.ImageRequestRules.Check(this, violations);");
            }

            w.Line("return violations.ToList();");
            w.Close();
            w.Close();
            return GeneratedHeader.End(w);
        }

        private static void EmitAllowedValueFields(SourceWriter w, ObjectSpec spec, Binding.ValidationPlan plan)
        {
            var fields = plan.Properties.ToDictionary(p => p.WireName);
            foreach (var property in spec.Properties.Where(p => fields[p.WireName].PatternField != null))
            {
                // Compiled once; the timeout keeps a pathological pattern from hanging a send.
                w.Line("private static readonly global::System.Text.RegularExpressions.Regex " + fields[property.WireName].PatternField + " = new global::System.Text.RegularExpressions.Regex(" +
                       Identifiers.Literal(property.Pattern!.Regex) + ", global::System.Text.RegularExpressions.RegexOptions.CultureInvariant, global::System.TimeSpan.FromSeconds(1));");
            }

            foreach (var property in spec.Properties.Where(p => fields[p.WireName].MediaTypesField != null))
            {
                w.Line("private static readonly string[] " + fields[property.WireName].MediaTypesField + " = { " + string.Join(", ", property.Input!.MediaTypes.Select(Identifiers.Literal)) + " };");
            }

            foreach (var rule in plan.Rules)
            {
                foreach (var check in rule.Constraints.Where(c => c.ValuesField != null))
                {
                    var values = check.Constraint.AllowedValues.Where(l => l.Kind != LiteralKind.Null).Select(l => Identifiers.Literal(l.Text!));
                    w.Line("private static readonly string[] " + check.ValuesField + " = { " + string.Join(", ", values) + " };");
                }

                foreach (var check in rule.Constraints.Where(c => c.MediaTypesField != null))
                {
                    w.Line("private static readonly string[] " + check.MediaTypesField + " = { " + string.Join(", ", check.Constraint.Input!.MediaTypes.Select(Identifiers.Literal)) + " };");
                }
            }

            w.Line();
        }

        /// <summary>Format, file size, squareness and (for a mask) the size of the image it applies to.</summary>
        private static void EmitImageChecks(SourceWriter w, ObjectSpec spec, PropertySpec property, ImageInputSpec input, string? mediaTypesField, string because)
        {
            var name = Identifiers.Literal(property.WireName);
            var images = property.Type.Kind == ValueKind.Array ? property.Name : "(" + property.Name + " is null ? null : new[] { " + property.Name + " })";
            var mediaTypes = mediaTypesField ?? "null";
            w.Line("violations.Images(" + name + ", " + images + ", " + mediaTypes + ", " + Long(input.MaxBytes) + ", " + (input.Square ? "true" : "false") + ", " + because + ");");
            var other = input.SameSizeAs is null ? null : spec.Properties.FirstOrDefault(p => p.WireName == input.SameSizeAs);
            if (other != null && property.Type.Kind == ValueKind.Binary)
            {
                var first = other.Type.Kind == ValueKind.Array ? "(" + other.Name + " is { Count: > 0 } ? " + other.Name + "[0] : null)" : other.Name;
                w.Line("violations.SameSize(" + name + ", " + property.Name + ", " + Identifiers.Literal(other.WireName) + ", " + first + ");");
            }
        }

        /// <summary>How each property appears to the checks: as wire text, and as a number for integers.</summary>
        private static Dictionary<string, WireValue> WireValues(ObjectSpec spec)
        {
            var result = new Dictionary<string, WireValue>();
            foreach (var property in spec.Properties)
            {
                var text = Identifiers.Camel(property.Name) + "Wire";
                var access = property.Name;
                string expression;
                string? number = null;
                switch (property.Type.Kind)
                {
                    case ValueKind.String:
                        expression = access;
                        break;
                    case ValueKind.ClosedEnum:
                        // Null for an undefined value ((ImageQuality)42): Defined reports it, and no rule matches it.
                        expression = property.IsRequired ? access + ".WireStringOrNull()" : access + "?.WireStringOrNull()";
                        break;
                    case ValueKind.OpenEnum:
                        expression = property.IsRequired ? access + ".Value" : access + "?.Value";
                        break;
                    case ValueKind.Integer:
                        number = access;
                        expression = property.IsRequired ? access + ".ToString(global::System.Globalization.CultureInfo.InvariantCulture)" : access + "?.ToString(global::System.Globalization.CultureInfo.InvariantCulture)";
                        break;
                    case ValueKind.Boolean:
                        expression = property.IsRequired ? "(" + access + " ? \"true\" : \"false\")" : "(" + access + " is null ? null : " + access + ".Value ? \"true\" : \"false\")";
                        break;
                    case ValueKind.Number:
                        number = access;
                        expression = property.IsRequired ? access + ".ToString(\"R\", global::System.Globalization.CultureInfo.InvariantCulture)" : access + "?.ToString(\"R\", global::System.Globalization.CultureInfo.InvariantCulture)";
                        break;
                    default:
                        // Only presence matters for these kinds (a required value type is always present).
                        expression = property.IsRequired && property.Type.IsValueType ? "\"(set)\"" : "(" + access + " is null ? null : \"(set)\")";
                        break;
                }

                result[property.WireName] = new WireValue("string? " + text + " = " + expression + ";", text, number ?? "null");
            }

            return result;
        }

        /// <param name="compared">What a listed value is compared with, when not the wire text (the model's rules key).</param>
        private static string ConditionCode(ConditionSpec condition, WireValue value, string? compared)
        {
            if (condition.Values.Count == 0) return value.Text + " is not null";
            var tests = condition.Values.Select(l => l.Kind == LiteralKind.Null ? value.Text + " is null" : (compared ?? value.Text) + " == " + Identifiers.Literal(l.Text!)).ToList();
            var test = tests.Count == 1 ? tests[0] : "(" + string.Join(" || ", tests) + ")";
            return condition.Required && condition.Values.Any(l => l.Kind == LiteralKind.Null) ? "(" + value.Text + " is not null && " + test + ")" : test;
        }

        private static string Unwrap(string test) => test.StartsWith("(", System.StringComparison.Ordinal) && test.EndsWith(")", System.StringComparison.Ordinal) ? test.Substring(1, test.Length - 2) : test;

        private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

        private static string Long(int? value) => value.HasValue ? value.Value.ToString(CultureInfo.InvariantCulture) : "null";

        private static string Long(long? value) => value.HasValue ? value.Value.ToString(CultureInfo.InvariantCulture) : "null";

        private sealed class WireValue
        {
            public WireValue(string declaration, string text, string number)
            {
                Declaration = declaration;
                Text = text;
                Number = number;
            }

            public string Declaration { get; }

            public string Text { get; }

            public string Number { get; }
        }
    }
}
