using CreateImageSdk.Generator.Model;

namespace CreateImageSdk.Generator.Emitting
{
    /// <summary>The reader and writer calls for each kind of value, used by the object converters.</summary>
    internal static class JsonCode
    {
        private const string Read = "global::CreateImageSdk.Json.JsonRead.";

        /// <summary>An expression that reads the current (non-null) token as <paramref name="type"/>.</summary>
        public static string ReadExpression(TypeRef type, string wireName)
        {
            var name = Identifiers.Literal(wireName);
            switch (type.Kind)
            {
                case ValueKind.String: return Read + "String(ref reader, " + name + ")";
                case ValueKind.Integer: return Read + "Int32(ref reader, " + name + ")";
                case ValueKind.Number: return Read + "Double(ref reader, " + name + ")";
                case ValueKind.Boolean: return Read + "Boolean(ref reader, " + name + ")";
                case ValueKind.Uri: return Read + "Uri(ref reader, " + name + ")";
                case ValueKind.Base64Bytes: return Read + "Base64(ref reader, " + name + ")";
                case ValueKind.UnixTime: return Read + "UnixTime(ref reader, " + name + ")";
                default: return TypeNames.Converter(type.TypeName!) + ".ReadValue(ref reader)";
            }
        }

        /// <summary>Statements that read an array at the current token into <paramref name="target"/>.</summary>
        public static void ReadArray(SourceWriter w, TypeRef type, string wireName, string target)
        {
            var item = TypeNames.Of(type.Item!);
            w.Line(Read + "ExpectStartArray(ref reader, " + Identifiers.Literal(wireName) + ");");
            w.Line("var items = new global::System.Collections.Generic.List<" + item + ">();");
            w.Open("while (reader.Read() && reader.TokenType != global::System.Text.Json.JsonTokenType.EndArray)");
            w.Line("items.Add(" + ReadExpression(type.Item!, wireName) + ");");
            w.Close();
            w.Line(target + " = items;");
        }

        /// <summary>Statements that write <paramref name="value"/> (never null here) as a JSON value.</summary>
        public static void WriteValue(SourceWriter w, TypeRef type, string value)
        {
            switch (type.Kind)
            {
                case ValueKind.String:
                    w.Line("writer.WriteStringValue(" + value + ");");
                    break;
                case ValueKind.Integer:
                case ValueKind.Number:
                    w.Line("writer.WriteNumberValue(" + value + ");");
                    break;
                case ValueKind.Boolean:
                    w.Line("writer.WriteBooleanValue(" + value + ");");
                    break;
                case ValueKind.Uri:
                    w.Line("writer.WriteStringValue(" + value + ".OriginalString);");
                    break;
                case ValueKind.Base64Bytes:
                    w.Line("writer.WriteBase64StringValue(" + value + ".Span);");
                    break;
                case ValueKind.UnixTime:
                    w.Line("writer.WriteNumberValue(" + value + ".ToUnixTimeSeconds());");
                    break;
                case ValueKind.ClosedEnum:
                    w.Line("writer.WriteStringValue(" + TypeNames.Converter(type.TypeName!) + ".Encoded(" + value + "));");
                    break;
                case ValueKind.OpenEnum:
                    w.Line("writer.WriteStringValue(" + value + ".Value);");
                    break;
                case ValueKind.Object:
                    w.Line(TypeNames.Converter(type.TypeName!) + ".WriteValue(writer, " + value + ");");
                    break;
                case ValueKind.Array:
                    w.Line("writer.WriteStartArray();");
                    w.Open("foreach (var item in " + value + ")");
                    WriteValue(w, type.Item!, "item");
                    w.Close();
                    w.Line("writer.WriteEndArray();");
                    break;
            }
        }
    }
}
