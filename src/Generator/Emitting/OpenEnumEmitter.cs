using System.Linq;
using CreateImageSdk.Generator.Model;

namespace CreateImageSdk.Generator.Emitting
{
    /// <summary>
    /// An open value set: a readonly struct with the known values as static members and <c>Custom</c> for the rest.
    /// There is deliberately no conversion from <see cref="string"/>: a typo must not compile.
    /// </summary>
    internal static class OpenEnumEmitter
    {
        public static string Emit(EnumSpec spec, EquatableArray<Binding.MemberNote> notes, string schemaFile, bool isModel = false)
        {
            var w = GeneratedHeader.Start(schemaFile);
            EmitStruct(w, spec, notes, isModel);
            w.Line();
            EmitConverter(w, spec);
            return GeneratedHeader.End(w);
        }

        private static void EmitStruct(SourceWriter w, EnumSpec spec, EquatableArray<Binding.MemberNote> notes, bool isModel)
        {
            var name = spec.Name;
            Docs.Summary(w, Docs.Text(spec.Description));
            Docs.Remarks(w, Docs.Join(
                "Known values: " + Docs.CodeList(spec.Members.Select(m => m.WireValue)) + ". Use <see cref=\"Custom(string)\"/> to name any other value a compatible server accepts.",
                spec.DefaultValue is null ? string.Empty : "Server default: " + Docs.Code(spec.DefaultValue) + "."));
            w.Line(GeneratedHeader.GeneratedCodeAttribute);
            w.Open("public readonly partial struct " + name + " : global::System.IEquatable<" + name + ">");
            w.Line("private readonly string? _value;");
            w.Line();
            if (isModel)
            {
                ModelKinshipEmitter.EmitFields(w, name);
            }
            else
            {
                w.Line("private " + name + "(string value) => _value = value;");
            }

            w.Line();
            foreach (var member in spec.Members)
            {
                EnumDocs.Member(w, member, notes);
                w.Line(RuleAttributes.WireValue(member.WireValue));
                w.Line("public static " + name + " " + member.Name + " { get; } = new " + name + "(" + Identifiers.Literal(member.WireValue) + ");");
                w.Line();
            }

            Docs.Summary(w, "Every value this version of the SDK knows, in schema order.");
            w.Line("public static global::System.Collections.Generic.IReadOnlyList<" + name + "> KnownValues { get; } = new[] { " +
                   string.Join(", ", spec.Members.Select(m => m.Name)) + " };");
            w.Line();
            Docs.Summary(w, "The value as it is written in JSON; empty for <see langword=\"default\"/>.");
            w.Line("public string Value => _value ?? string.Empty;");
            w.Line();
            Docs.Summary(w, "Whether this is one of <see cref=\"KnownValues\"/>.");
            w.Line("public bool IsKnown => global::System.Linq.Enumerable.Contains(KnownValues, this);");
            w.Line();
            Docs.Summary(w, "Names a value this SDK does not list, such as a newer model or one served by a compatible server.");
            w.Line("/// <param name=\"value\">The exact wire value.</param>");
            w.Line("/// <returns>The value; equal to the known member when <paramref name=\"value\"/> is a known one.</returns>");
            w.Line("/// <exception cref=\"global::System.ArgumentException\"><paramref name=\"value\"/> is null, empty or white space.</exception>");
            w.Open("public static " + name + " Custom(string value)");
            w.Open("if (string.IsNullOrWhiteSpace(value))");
            w.Line("throw new global::System.ArgumentException(" + Identifiers.Literal(name + ".Custom needs a non-empty value. Known values: " + string.Join(", ", spec.Members.Select(m => m.WireValue)) + ".") + ", nameof(value));");
            w.Close();
            w.Line();
            w.Line("return new " + name + "(value);");
            w.Close();
            w.Line();
            if (isModel)
            {
                ModelKinshipEmitter.EmitMembers(w, spec);
                w.Line();
            }

            if (spec.Dimensions is { } d)
            {
                SizeFactoryEmitter.EmitAnySize(w, name, d, "FromWire(text)");
                w.Line();
            }
            w.Line("/// <inheritdoc/>");
            w.Line("public bool Equals(" + name + " other) => string.Equals(Value, other.Value, global::System.StringComparison.Ordinal);");
            w.Line();
            w.Line("/// <inheritdoc/>");
            w.Line("public override bool Equals(object? obj) => obj is " + name + " other && Equals(other);");
            w.Line();
            w.Line("/// <inheritdoc/>");
            w.Line("public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode(Value);");
            w.Line();
            Docs.Summary(w, "The wire value.");
            w.Line("/// <returns><see cref=\"Value\"/>.</returns>");
            w.Line("public override string ToString() => Value;");
            w.Line();
            Docs.Summary(w, "Compares two values by their wire string.");
            w.Line("/// <param name=\"left\">The first value.</param>");
            w.Line("/// <param name=\"right\">The second value.</param>");
            w.Line("/// <returns><see langword=\"true\"/> when the wire strings are equal.</returns>");
            w.Line("public static bool operator ==(" + name + " left, " + name + " right) => left.Equals(right);");
            w.Line();
            Docs.Summary(w, "Compares two values by their wire string.");
            w.Line("/// <param name=\"left\">The first value.</param>");
            w.Line("/// <param name=\"right\">The second value.</param>");
            w.Line("/// <returns><see langword=\"true\"/> when the wire strings differ.</returns>");
            w.Line("public static bool operator !=(" + name + " left, " + name + " right) => !left.Equals(right);");
            w.Line();
            w.Line("internal static " + name + " FromWire(string value)");
            w.Line("{");
            w.Line("    foreach (var known in KnownValues)");
            w.Line("    {");
            w.Line("        if (string.Equals(known._value, value, global::System.StringComparison.Ordinal)) return known;");
            w.Line("    }");
            w.Line();
            w.Line("    return new " + name + "(value);");
            w.Line("}");
            w.Line();
            w.Line("/// <summary>A value written as text (a parameter table, a command line): trimmed; a known value, " + (spec.Dimensions != null ? "a <c>WIDTHxHEIGHT</c> size, " : string.Empty) + "or any other as given.</summary>");
            w.Open("internal static " + name + " FromText(string text, string parameter)");
            w.Line("var value = global::CreateImageSdk.ParameterText.Value(text, parameter);");
            if (spec.Dimensions != null) w.Line("if (TryParse(value, out var size)) return size;");
            w.Line("return FromWire(value);");
            w.Close();
            if (spec.Dimensions != null)
            {
                w.Line();
                Docs.Summary(w, "Reads a size written as text: a known value (<c>auto</c>, <c>1024x1024</c>, …) or any <c>WIDTHxHEIGHT</c> with positive sides, the one way every part of the SDK reads sizes. Whether a model takes it is checked when the request is sent.");
                w.Line("/// <param name=\"text\">The text, e.g. <c>1536x864</c>; surrounding white space is ignored.</param>");
                w.Line("/// <param name=\"value\">The size, or <c>default</c> when the text is not one.</param>");
                w.Line("/// <returns>Whether <paramref name=\"text\"/> is a known value or a <c>WIDTHxHEIGHT</c> size.</returns>");
                w.Open("public static bool TryParse(string? text, out " + name + " value)");
                w.Line("value = default;");
                w.Line("if (text is null) return false;");
                w.Line("var trimmed = text.Trim();");
                w.Open("foreach (var known in KnownValues)");
                w.Open("if (string.Equals(known._value, trimmed, global::System.StringComparison.Ordinal))");
                w.Line("value = known;");
                w.Line("return true;");
                w.Close();
                w.Close();
                w.Line();
                w.Line("var x = trimmed.IndexOf('x');");
                w.Line("if (x <= 0 || !int.TryParse(trimmed.Substring(0, x), global::System.Globalization.NumberStyles.None, global::System.Globalization.CultureInfo.InvariantCulture, out var width) ||");
                w.Line("    !int.TryParse(trimmed.Substring(x + 1), global::System.Globalization.NumberStyles.None, global::System.Globalization.CultureInfo.InvariantCulture, out var height) || width <= 0 || height <= 0)");
                w.Line("{");
                w.Line("    return false;");
                w.Line("}");
                w.Line();
                w.Line("value = Custom(width, height);");
                w.Line("return true;");
                w.Close();
            }

            w.Close();
        }

        private static void EmitConverter(SourceWriter w, EnumSpec spec)
        {
            var type = TypeNames.Namespace + spec.Name;
            ConverterShell.Open(w, spec.Name, "Reads and writes <see cref=\"" + spec.Name + "\"/> as its wire string, without reflection.");
            w.Open("internal static " + type + " ReadValue(ref global::System.Text.Json.Utf8JsonReader reader)");
            w.Line("global::CreateImageSdk.Json.JsonRead.ExpectString(ref reader, \"" + spec.Name + "\");");
            w.Line("return " + type + ".FromWire(reader.GetString()!);");
            w.Close();
            ConverterShell.Close(w, spec.Name, "writer.WriteStringValue(value.Value)");
        }
    }
}
