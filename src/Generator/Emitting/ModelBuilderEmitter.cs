using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CreateImageSdk.Generator.Model;

namespace CreateImageSdk.Generator.Emitting
{
    /// <summary>
    /// One builder per model the schema's rules name, offering only what that model accepts. What it offers (steps,
    /// value types, ranges) is decided by the bind stage (<see cref="Binding.ModelBuilderPlanner"/>); this prints it.
    /// </summary>
    internal static class ModelBuilderEmitter
    {
        /// <summary>The <c>Using…()</c> steps on the general builder.</summary>
        public static string EmitEntryPoints(ObjectSpec request, string general, EquatableArray<Binding.ModelBuilderName> models, string schemaFile)
        {
            var required = request.Properties.Where(p => p.IsRequired).ToList();
            var modelProperty = request.Properties.FirstOrDefault(p => p.WireName == request.Discriminator);
            var modelType = modelProperty?.Type.Kind == ValueKind.OpenEnum ? TypeNames.Of(modelProperty.Type) : null;
            var w = GeneratedHeader.Start(schemaFile);
            w.Open("public partial struct " + general);
            var first = true;
            foreach (var model in models)
            {
                if (!first) w.Line();
                first = false;
                Docs.Summary(w, "Continues with " + Docs.Code(model.WireValue) + ": a builder that offers only the parameters and values this model accepts, so a combination it rejects does not compile.");
                Docs.Remarks(w, "Keeps " + string.Join(", ", required.Select(p => Docs.Code(p.WireName))) + " and starts the rest afresh." +
                                (model.BaseMemberName is null ? string.Empty : " A dated snapshot with its base model's rules: the base's builder, sending " + Docs.Code(model.WireValue) + "."));
                w.Line("/// <returns>A builder for " + Docs.Code(model.WireValue) + ".</returns>");
                w.Line("public " + TypeNames.Namespace + model.BuilderName + " Using" + model.MemberName + "() =>");
                w.Line("    new " + TypeNames.Namespace + model.BuilderName + "(Client" + string.Concat(required.Select(p => ", " + BuilderState.Field(p))) + ")" +
                       (model.BaseMemberName is null || modelType is null ? ";" : ".SendingModel(" + modelType + "." + model.MemberName + ");"));
                if (modelType is null) continue;

                w.Line();
                Docs.Summary(w, "Continues with the builder of " + Docs.Code(model.WireValue) + " for a model its rules check, sent as given: a dated snapshot (" + Docs.Code(model.WireValue + "-2026-09-01") + ") or a model that borrows them (<c>" + modelType.Replace(TypeNames.Namespace, string.Empty) + ".Custom(id, rulesOf: " + modelType.Replace(TypeNames.Namespace, string.Empty) + "." + model.MemberName + ")</c>).");
                Docs.Remarks(w, "Keeps " + string.Join(", ", required.Select(p => Docs.Code(p.WireName))) + " and starts the rest afresh.");
                w.Line("/// <param name=\"model\">The model to send; its <c>RulesOf</c> must be " + Docs.Code(model.WireValue) + ".</param>");
                w.Line("/// <returns>A builder for " + Docs.Code(model.WireValue) + " that sends <paramref name=\"model\"/>.</returns>");
                w.Line("/// <exception cref=\"global::System.ArgumentException\"><paramref name=\"model\"/> is not checked by the rules of " + Docs.Code(model.WireValue) + ".</exception>");
                w.Line("public " + TypeNames.Namespace + model.BuilderName + " Using" + model.MemberName + "(" + modelType + " model) =>");
                w.Line("    new " + TypeNames.Namespace + model.BuilderName + "(Client" + string.Concat(required.Select(p => ", " + BuilderState.Field(p))) + ")");
                w.Line("        .SendingModel(" + modelType + ".Checked(model, " + modelType + "." + model.MemberName + ", " + Identifiers.Literal(model.MemberName) + ", nameof(model)));");
            }

            w.Close();
            return GeneratedHeader.End(w);
        }

        public static string Emit(Binding.ModelBuilderFile file, string schemaFile)
        {
            var request = file.Request;
            var model = file.Model;
            var operation = request.Operation!;
            var builder = file.BuilderName;
            var requestType = TypeNames.Namespace + request.Name;
            var constraints = model.Constraints.ToDictionary(c => c.Property);
            var w = GeneratedHeader.Start(schemaFile);

            var limits = request.Properties.Where(p => constraints.TryGetValue(p.WireName, out var c) && c.MaxLength.HasValue)
                .Select(p => Docs.Code(p.WireName) + " up to " + Int(constraints[p.WireName].MaxLength!.Value) + " characters").ToList();
            Docs.Summary(w, "Builds a request for " + Docs.Code(model.WireValue) + (file.Snapshots.Count == 0 ? string.Empty : " (and " + Docs.CodeList(file.Snapshots) + ", same rules)") +
                            ", offering only the parameters and values it accepts. Every <c>With…</c> call returns a new builder.");
            Docs.Remarks(w, Docs.Join(Docs.Text(model.Description), limits.Count > 0 ? "Limits: " + string.Join(", ", limits) + " (checked before sending)." : string.Empty));
            w.Line(GeneratedHeader.GeneratedCodeAttribute);
            w.Open("public partial struct " + builder + " : global::CreateImageSdk.IRequestBuilder<" + requestType + ">");

            var steps = new List<(PropertySpec Property, string ParameterType, string Parameter, string Value, List<string> Remarks)>();
            foreach (var step in file.Steps)
            {
                var property = request.Properties.First(p => p.WireName == step.Property);
                var parameter = Identifiers.Parameter(property.Name);
                var remarks = new List<string> { Docs.WireLabel(operation) + ": " + Docs.Code(property.WireName) + "." };
                if (step.Minimum.HasValue || step.Maximum.HasValue)
                {
                    remarks.Add("For " + Docs.Code(model.WireValue) + ": " + (step.Minimum?.ToString(CultureInfo.InvariantCulture) ?? "…") + " to " + (step.Maximum?.ToString(CultureInfo.InvariantCulture) ?? "…") + ".");
                }

                if (step.ValueType != null)
                {
                    remarks.Add("Takes <see cref=\"" + step.ValueType + "\"/>: only the values " + Docs.Code(model.WireValue) + " accepts.");
                    steps.Add((property, TypeNames.Namespace + step.ValueType, parameter, parameter + ".Value", remarks));
                }
                else
                {
                    steps.Add((property, TypeNames.Of(property.Type), parameter, parameter, remarks));
                }
            }

            var modelProperty = request.Properties.First(p => p.WireName == request.Discriminator);
            var held = request.Properties.Where(p => file.Held.Contains(p.WireName)).ToList();
            BuilderState.EmitMembers(w, builder, request, held, (modelProperty, TypeNames.Of(modelProperty.Type) + "." + model.MemberName));
            if (modelProperty.Type.Kind == ValueKind.OpenEnum)
            {
                // Used by Using…(model): a snapshot or a model that borrows these rules goes on the wire as given.
                w.Line();
                w.Open("internal " + builder + " SendingModel(" + TypeNames.Of(modelProperty.Type) + " model)");
                w.Line("var next = this;");
                w.Line("next." + BuilderState.Field(modelProperty) + " = model;");
                w.Line("return next;");
                w.Close();
            }

            foreach (var (property, parameterType, parameter, value, remarks) in steps)
            {
                w.Line();
                Docs.Summary(w, "Sets " + Docs.Code(property.WireName) + ": " + Docs.Text(property.Description));
                Docs.Remarks(w, string.Join("\n", remarks));
                w.Line("/// <param name=\"" + parameter.TrimStart('@') + "\">The value to send.</param>");
                w.Line("/// <returns>A new builder; this one is unchanged.</returns>");
                w.Line(RuleAttributes.WireName(property.WireName));
                BuilderState.EmitWith(w, builder, property, parameterType, parameter, value);
            }

            BuilderState.EmitAdditionalProperty(w, builder, request);
            BuilderEmitter.EmitSends(w, operation, file.CanStream);
            w.Close();

            foreach (var step in file.Steps.Where(s => s.ValueType != null))
            {
                w.Line();
                EmitValueType(w, step.ValueType!, step.General!, step.Allowed!, model);
            }

            return GeneratedHeader.End(w);
        }

        /// <summary>A model's own value set: a struct over the general type that only the accepted values can make.</summary>
        private static void EmitValueType(SourceWriter w, string name, EnumSpec general, ConstraintSpec constraint, ModelRulesSpec model)
        {
            var generalType = TypeNames.Namespace + general.Name;
            var wire = general.IsOpen ? "Value.Value" : "Value.ToWireString()";
            Docs.Summary(w, "The " + Docs.Code(general.Name) + " values " + Docs.Code(model.WireValue) + " accepts" + (constraint.Dimensions is null ? "." : ", and the free sizes it takes."));
            w.Line(GeneratedHeader.GeneratedCodeAttribute);
            w.Open("public readonly struct " + name + " : global::System.IEquatable<" + name + ">");
            w.Line("private " + name + "(" + generalType + " value) => Value = value;");
            foreach (var member in general.Members.Where(m => constraint.AllowedValues.Any(v => v.Text == m.WireValue)))
            {
                w.Line();
                EnumDocs.Member(w, member, EquatableArray<Binding.MemberNote>.Empty);
                w.Line(RuleAttributes.WireValue(member.WireValue));
                w.Line("public static " + name + " " + member.Name + " { get; } = new " + name + "(" + generalType + "." + member.Name + ");");
            }

            if (constraint.Dimensions is { } d)
            {
                w.Line();
                SizeFactoryEmitter.Emit(w, name, d, Docs.Code(model.WireValue) + " takes", "new " + name + "(" + generalType + ".Custom(text))");
            }

            w.Line();
            Docs.Summary(w, "The value as the general <see cref=\"" + general.Name + "\"/>.");
            w.Line("public " + generalType + " Value { get; }");
            w.Line();
            w.Line("/// <inheritdoc/>");
            w.Line("public bool Equals(" + name + " other) => Value.Equals(other.Value);");
            w.Line();
            w.Line("/// <inheritdoc/>");
            w.Line("public override bool Equals(object? obj) => obj is " + name + " other && Equals(other);");
            w.Line();
            w.Line("/// <inheritdoc/>");
            w.Line("public override int GetHashCode() => Value.GetHashCode();");
            w.Line();
            Docs.Summary(w, "The wire value.");
            w.Line("/// <returns>The value as it is written in JSON.</returns>");
            w.Line("public override string ToString() => " + wire + ";");
            w.Close();
        }

        private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
