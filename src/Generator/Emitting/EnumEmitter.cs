using System.Linq;
using CreateImageSdk.Generator.Model;

namespace CreateImageSdk.Generator.Emitting
{
    /// <summary>
    /// A closed value set: a C# enum (so a wrong value does not compile), its wire strings, and its JSON converter.
    /// </summary>
    internal static class EnumEmitter
    {
        public static string Emit(EnumSpec spec, EquatableArray<Binding.MemberNote> notes, string schemaFile)
        {
            var w = GeneratedHeader.Start(schemaFile);
            EmitEnum(w, spec, notes);
            w.Line();
            EmitExtensions(w, spec);
            w.Line();
            EmitConverter(w, spec);
            return GeneratedHeader.End(w);
        }

        private static void EmitEnum(SourceWriter w, EnumSpec spec, EquatableArray<Binding.MemberNote> notes)
        {
            Docs.Summary(w, Docs.Text(spec.Description));
            Docs.Remarks(w, "Wire values: " + Docs.CodeList(spec.Members.Select(m => m.WireValue)) + "." +
                            (spec.DefaultValue is null ? string.Empty : "\nServer default: " + Docs.Code(spec.DefaultValue) + "."));
            w.Line(GeneratedHeader.GeneratedCodeAttribute);
            w.Open("public enum " + spec.Name);
            for (var i = 0; i < spec.Members.Count; i++)
            {
                if (i > 0) w.Line();
                EnumDocs.Member(w, spec.Members[i], notes);
                w.Line(RuleAttributes.WireValue(spec.Members[i].WireValue));
                w.Line(spec.Members[i].Name + ",");
            }

            w.Close();
        }

        private static void EmitExtensions(SourceWriter w, EnumSpec spec)
        {
            Docs.Summary(w, "Converts " + "<see cref=\"" + spec.Name + "\"/> values to and from the strings the API uses.");
            w.Line(GeneratedHeader.GeneratedCodeAttribute);
            w.Open("public static class " + spec.Name + "Extensions");
            Docs.Summary(w, "The value as it is written in JSON, e.g. " + Docs.Code(spec.Members[0].WireValue) + ".");
            w.Line("/// <param name=\"value\">The value to convert.</param>");
            w.Line("/// <returns>The wire string.</returns>");
            w.Line("/// <exception cref=\"global::System.ArgumentOutOfRangeException\">The value is not a defined member.</exception>");
            w.Line("public static string ToWireString(this " + spec.Name + " value) =>");
            w.Line("    WireStringOrNull(value) ?? throw new global::System.ArgumentOutOfRangeException(nameof(value), value, \"Not a defined " + spec.Name + " value.\");");
            w.Line();
            w.Line("/// <summary>Every wire string, in the schema's order, for messages that list the allowed values.</summary>");
            w.Line("internal static readonly string[] WireValues = { " + string.Join(", ", spec.Members.Select(m => Identifiers.Literal(m.WireValue))) + " };");
            w.Line();
            w.Line("/// <summary>The wire string, or null for a value that is not a defined member (a cast integer).</summary>");
            w.Open("internal static string? WireStringOrNull(this " + spec.Name + " value)");
            w.Open("switch (value)");
            foreach (var member in spec.Members)
            {
                w.Line("case " + spec.Name + "." + member.Name + ": return " + Identifiers.Literal(member.WireValue) + ";");
            }

            w.Line("default: return null;");
            w.Close();
            w.Close();
            w.Line();
            Docs.Summary(w, "Reads a wire string (case-sensitive, as the API is).");
            w.Line("/// <param name=\"wireValue\">A string such as " + Docs.Code(spec.Members[0].WireValue) + ".</param>");
            w.Line("/// <param name=\"value\">The member, when the string is known.</param>");
            w.Line("/// <returns><see langword=\"true\"/> when the string names a member.</returns>");
            w.Open("public static bool TryParse(string? wireValue, out " + spec.Name + " value)");
            w.Open("switch (wireValue)");
            foreach (var member in spec.Members)
            {
                w.Line("case " + Identifiers.Literal(member.WireValue) + ": value = " + spec.Name + "." + member.Name + "; return true;");
            }

            w.Line("default: value = default; return false;");
            w.Close();
            w.Close();
            w.Close();
        }

        private static void EmitConverter(SourceWriter w, EnumSpec spec)
        {
            var type = TypeNames.Namespace + spec.Name;
            ConverterShell.Open(w, spec.Name, "Reads and writes <see cref=\"" + spec.Name + "\"/> as its wire string, without reflection.");
            foreach (var member in spec.Members)
            {
                w.Line("private static readonly global::System.Text.Json.JsonEncodedText s_" + member.Name + " = global::System.Text.Json.JsonEncodedText.Encode(" + Identifiers.Literal(member.WireValue) + ");");
            }

            w.Line();
            w.Open("internal static global::System.Text.Json.JsonEncodedText Encoded(" + type + " value)");
            w.Open("switch (value)");
            foreach (var member in spec.Members)
            {
                w.Line("case " + type + "." + member.Name + ": return s_" + member.Name + ";");
            }

            w.Line("default: throw new global::System.Text.Json.JsonException(\"Cannot write undefined " + spec.Name + " value \" + ((int)value).ToString(global::System.Globalization.CultureInfo.InvariantCulture) + \".\");");
            w.Close();
            w.Close();
            w.Line();
            w.Open("internal static " + type + " ReadValue(ref global::System.Text.Json.Utf8JsonReader reader)");
            w.Line("global::CreateImageSdk.Json.JsonRead.ExpectString(ref reader, \"" + spec.Name + "\");");
            foreach (var member in spec.Members)
            {
                // Compared with the raw UTF-8 text: the reader unescapes the value, so the escaped form would never match.
                w.Line("if (reader.ValueTextEquals(" + Identifiers.Literal(member.WireValue) + "u8)) return " + type + "." + member.Name + ";");
            }

            w.Line("throw new global::System.Text.Json.JsonException(\"'\" + reader.GetString() + " +
                   Identifiers.Literal("' is not a known " + spec.Name + " value; expected one of: " + string.Join(", ", spec.Members.Select(m => m.WireValue)) + ".") + ");");
            w.Close();
            ConverterShell.Close(w, spec.Name, "writer.WriteStringValue(Encoded(value))");
        }
    }
}
