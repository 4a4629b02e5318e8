using CreateImageSdk.Generator.Model;

namespace CreateImageSdk.Generator.Emitting
{
    /// <summary>The C# spelling of schema types in generated code (fully qualified, so no user type can shadow them).</summary>
    internal static class TypeNames
    {
        public const string Namespace = "global::CreateImageSdk.";

        public static string Of(TypeRef type)
        {
            switch (type.Kind)
            {
                case ValueKind.String: return "string";
                case ValueKind.Integer: return "int";
                case ValueKind.Number: return "double";
                case ValueKind.Boolean: return "bool";
                case ValueKind.Uri: return "global::System.Uri";
                // Decoded images are slices of one buffer per answer, sized from its Content-Length (see MemoryImageSink).
                case ValueKind.Base64Bytes: return "global::System.ReadOnlyMemory<byte>";
                case ValueKind.UnixTime: return "global::System.DateTimeOffset";
                case ValueKind.Binary: return Namespace + "ImageInput";
                case ValueKind.Array: return "global::System.Collections.Generic.IReadOnlyList<" + Of(type.Item!) + ">";
                default: return Namespace + type.TypeName;
            }
        }

        public static string OfProperty(PropertySpec property) => property.IsRequired ? Of(property.Type) : Of(property.Type) + "?";

        public static string Converter(string typeName) => Namespace + typeName + "JsonConverter";
    }
}
