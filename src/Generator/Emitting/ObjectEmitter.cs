using System.Linq;
using CreateImageSdk.Generator.Model;

namespace CreateImageSdk.Generator.Emitting
{
    /// <summary>
    /// An object schema: an immutable record whose optional members are nullable (and left out of the JSON when
    /// null, so the server default applies), plus a converter that reads and writes it without reflection.
    /// </summary>
    internal static class ObjectEmitter
    {
        public static string Emit(ObjectSpec spec, string schemaFile)
        {
            var w = GeneratedHeader.Start(schemaFile);
            EmitRecord(w, spec);
            if (spec.Operation?.IsMultipart == true) return GeneratedHeader.End(w);
            w.Line();
            EmitConverter(w, spec);
            return GeneratedHeader.End(w);
        }

        private static void EmitRecord(SourceWriter w, ObjectSpec spec)
        {
            Docs.Summary(w, Docs.Text(spec.Description));
            w.Line(GeneratedHeader.GeneratedCodeAttribute);
            if (spec.Operation != null)
            {
                foreach (var rule in RuleAttributes.RequestRules(spec)) w.Line(rule);
                if (RuleAttributes.ModelParameter(spec) is { } modelParameter) w.Line(modelParameter);
                foreach (var rule in RuleAttributes.PerModelRules(spec)) w.Line(rule);
            }

            w.Open("public sealed partial record " + spec.Name + (spec.Operation != null ? " : global::CreateImageSdk.Telemetry.ITaggedRequest" : string.Empty));
            for (var i = 0; i < spec.Properties.Count; i++)
            {
                var property = spec.Properties[i];
                if (i > 0) w.Line();
                Docs.Summary(w, Docs.Text(property.Description));
                Docs.Remarks(w, Docs.PropertyRemarks(property, spec.Operation));
                if (spec.Operation != null) w.Line(RuleAttributes.WireName(property.WireName));
                w.Line("public " + (property.IsRequired ? "required " : string.Empty) + TypeNames.OfProperty(property) + " " + property.Name + " { get; init; }");
            }

            w.Line();
            Docs.Summary(w, spec.Operation != null
                ? "Members beyond the schema's, sent after the known ones (a compatible server's <c>seed</c>, <c>negative_prompt</c>, …); a name that is one of this request's parameters is refused by validation."
                : "Members the schema does not describe, kept as they came (a newer API, a compatible server's extras); null when there were none.");
            w.Line("public global::System.Collections.Generic.IReadOnlyDictionary<string, global::System.Text.Json.JsonElement>? AdditionalProperties { get; init; }");
            if (spec.Operation != null)
            {
                w.Line();
                w.Line("/// <summary>The wire names of this request's parameters, which additional properties may not use.</summary>");
                w.Line("internal static readonly string[] WireNames = { " + string.Join(", ", spec.Properties.Select(p => Identifiers.Literal(p.WireName))) + " };");
                EmitTelemetryTags(w, spec);
                if (spec.Operation.IsMultipart) EmitForm(w, spec);
            }

            w.Close();
        }

        /// <summary>
        /// The values telemetry may record: enums, numbers and flags by wire name. Free text (the prompt, the user id)
        /// never becomes a span attribute.
        /// </summary>
        private static void EmitTelemetryTags(SourceWriter w, ObjectSpec spec)
        {
            w.Line();
            w.Open("void global::CreateImageSdk.Telemetry.ITaggedRequest.AddTags(global::CreateImageSdk.Telemetry.RequestTags tags)");
            foreach (var property in spec.Properties)
            {
                var access = property.Name + (property.IsRequired ? "." : "?.");
                string? value;
                switch (property.Type.Kind)
                {
                    case ValueKind.ClosedEnum: value = access + "WireStringOrNull()"; break;
                    case ValueKind.OpenEnum: value = access + "Value"; break;
                    case ValueKind.Integer: value = "(long?)" + property.Name; break;
                    case ValueKind.Number: value = "(double?)" + property.Name; break;
                    case ValueKind.Boolean: value = "(bool?)" + property.Name; break;
                    default: value = null; break;
                }

                if (value != null) w.Line("tags.Add(" + Identifiers.Literal(property.WireName) + ", " + value + ");");
            }

            w.Close();
        }

        /// <summary>
        /// A multipart operation's body: each set property as a form field in wire form, images streamed from their
        /// source. Such a request has no JSON form, so it has no converter.
        /// </summary>
        private static void EmitForm(SourceWriter w, ObjectSpec spec)
        {
            w.Line();
            w.Line("/// <summary>The request as the multipart form it is sent as.</summary>");
            w.Open("internal global::CreateImageSdk.Uploads.MultipartForm ToForm()");
            w.Line("var form = new global::CreateImageSdk.Uploads.MultipartForm();");
            foreach (var property in spec.Properties)
            {
                var name = Identifiers.Literal(property.WireName);
                var access = property.Name + (property.IsRequired && property.Type.IsValueType ? "." : "?.");
                string value;
                switch (property.Type.Kind)
                {
                    case ValueKind.String: value = property.Name; break;
                    case ValueKind.Integer: value = "(long?)" + property.Name; break;
                    case ValueKind.Number: value = "(double?)" + property.Name; break;
                    case ValueKind.Boolean: value = "(bool?)" + property.Name; break;
                    case ValueKind.ClosedEnum: value = access + "WireStringOrNull()"; break;
                    case ValueKind.OpenEnum: value = access + "Value"; break;
                    case ValueKind.Uri: value = access + "OriginalString"; break;
                    case ValueKind.Binary: value = property.Name; break;
                    case ValueKind.Array when property.Type.Item!.Kind == ValueKind.Binary: value = property.Name; break;
                    default:
                        throw new System.NotSupportedException("A multipart request cannot send property '" + property.WireName + "' (" + property.Type.Kind + "): only text, numbers, flags, enums, images and lists of images have a form field.");
                }

                w.Line("form.Add(" + name + ", " + value + ");");
            }

            w.Line("form.Add(AdditionalProperties);");
            w.Line("return form;");
            w.Close();
        }

        private static void EmitConverter(SourceWriter w, ObjectSpec spec)
        {
            var type = TypeNames.Namespace + spec.Name;
            ConverterShell.Open(w, spec.Name, "Reads and writes <see cref=\"" + spec.Name + "\"/> with the exact JSON names of the schema, without reflection.");
            foreach (var property in spec.Properties)
            {
                w.Line("private static readonly global::System.Text.Json.JsonEncodedText " + property.Name + "Name = global::System.Text.Json.JsonEncodedText.Encode(" + Identifiers.Literal(property.WireName) + ");");
            }

            w.Line();
            EmitWrite(w, spec, type);
            w.Line();
            EmitRead(w, spec, type);
            ConverterShell.Close(w, spec.Name, "WriteValue(writer, value)");
        }

        private static void EmitWrite(SourceWriter w, ObjectSpec spec, string type)
        {
            w.Open("internal static void WriteValue(global::System.Text.Json.Utf8JsonWriter writer, " + type + " value)");
            w.Line("writer.WriteStartObject();");
            foreach (var property in spec.Properties)
            {
                if (property.IsRequired)
                {
                    w.Line("writer.WritePropertyName(" + property.Name + "Name);");
                    JsonCode.WriteValue(w, property.Type, "value." + property.Name);
                }
                else
                {
                    var local = Identifiers.Local(property.Name);
                    w.Open("if (value." + property.Name + " is { } " + local + ")");
                    w.Line("writer.WritePropertyName(" + property.Name + "Name);");
                    JsonCode.WriteValue(w, property.Type, local);
                    w.Close();
                }
            }

            w.Line("global::CreateImageSdk.Json.AdditionalJson.Write(writer, value.AdditionalProperties);");
            w.Line("writer.WriteEndObject();");
            w.Close();
        }

        private static void EmitRead(SourceWriter w, ObjectSpec spec, string type)
        {
            w.Open("internal static " + type + " ReadValue(ref global::System.Text.Json.Utf8JsonReader reader)");
            w.Line("global::CreateImageSdk.Json.JsonRead.ExpectStartObject(ref reader, \"" + spec.Name + "\");");
            foreach (var property in spec.Properties)
            {
                w.Line(TypeNames.Of(property.Type) + "? " + Identifiers.Local(property.Name) + " = default;");
            }

            w.Line("global::System.Collections.Generic.Dictionary<string, global::System.Text.Json.JsonElement>? additionalProperties = null;");

            w.Open("while (reader.Read() && reader.TokenType != global::System.Text.Json.JsonTokenType.EndObject)");
            var first = true;
            foreach (var property in spec.Properties)
            {
                // The raw UTF-8 name: the reader unescapes property names before comparing.
                w.Open((first ? "if" : "else if") + " (reader.ValueTextEquals(" + Identifiers.Literal(property.WireName) + "u8))");
                first = false;
                w.Line("reader.Read();");
                w.Open("if (reader.TokenType != global::System.Text.Json.JsonTokenType.Null)");
                if (property.Type.Kind == ValueKind.Array)
                {
                    JsonCode.ReadArray(w, property.Type, property.WireName, Identifiers.Local(property.Name));
                }
                else
                {
                    w.Line(Identifiers.Local(property.Name) + " = " + JsonCode.ReadExpression(property.Type, property.WireName) + ";");
                }

                w.Close();
                w.Close();
            }

            w.Open("else");
            w.Line("// Members this SDK does not know (a newer API or a compatible server) are kept, not an error.");
            w.Line("global::CreateImageSdk.Json.AdditionalJson.Read(ref reader, ref additionalProperties);");
            w.Close();
            w.Close();
            w.Line();
            foreach (var property in spec.Properties.Where(p => p.IsRequired))
            {
                w.Line("if (" + Identifiers.Local(property.Name) + " is null) throw global::CreateImageSdk.Json.JsonRead.Missing(" + Identifiers.Literal(property.WireName) + ", \"" + spec.Name + "\");");
            }

            w.Line("return new " + type);
            w.Line("{");
            foreach (var property in spec.Properties)
            {
                var local = Identifiers.Local(property.Name);
                var value = property.IsRequired && property.Type.IsValueType ? local + ".Value" : local;
                w.Line("    " + property.Name + " = " + value + ",");
            }

            w.Line("    AdditionalProperties = additionalProperties,");
            w.Line("};");
            w.Close();
        }
    }
}
