namespace CreateImageSdk.Generator.Emitting
{
    /// <summary>
    /// The frame every generated converter shares: the class header, and the <c>Read</c>/<c>Write</c> overrides that
    /// forward to the static <c>ReadValue</c>/<c>WriteValue</c> (which nested types call directly).
    /// </summary>
    internal static class ConverterShell
    {
        public static void Open(SourceWriter w, string typeName, string summary)
        {
            w.Line("/// <summary>" + summary + "</summary>");
            w.Line(GeneratedHeader.GeneratedCodeAttribute);
            w.Open("internal sealed class " + typeName + "JsonConverter : global::System.Text.Json.Serialization.JsonConverter<" + TypeNames.Namespace + typeName + ">");
        }

        /// <param name="write">The statement body of <c>Write</c>, over <c>writer</c> and <c>value</c>.</param>
        public static void Close(SourceWriter w, string typeName, string write)
        {
            var type = TypeNames.Namespace + typeName;
            w.Line();
            w.Line("/// <inheritdoc/>");
            w.Line("public override " + type + " Read(ref global::System.Text.Json.Utf8JsonReader reader, global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options) => ReadValue(ref reader);");
            w.Line();
            w.Line("/// <inheritdoc/>");
            w.Line("public override void Write(global::System.Text.Json.Utf8JsonWriter writer, " + type + " value, global::System.Text.Json.JsonSerializerOptions options) => " + write + ";");
            w.Close();
        }
    }
}
