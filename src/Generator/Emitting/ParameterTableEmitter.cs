using System.Linq;
using CreateImageSdk.Generator.Binding;

namespace CreateImageSdk.Generator.Emitting
{
    /// <summary>
    /// A request's <c>Parameters</c>: one <c>ImageParameter&lt;TRequest&gt;</c> per property, in schema order, with the
    /// reading from text each kind needs. It also places the request under the shared request interface.
    /// </summary>
    internal static class ParameterTableEmitter
    {
        public static string Emit(ParameterTableFile file)
        {
            var w = GeneratedHeader.Start(file.SchemaFile);
            var request = file.RequestName;
            var parameter = "global::CreateImageSdk.ImageParameter<" + request + ">";
            w.Open("public sealed partial record " + request + (file.Shared ? " : global::CreateImageSdk." + RequestInterfaceEmitter.InterfaceName : string.Empty));
            Docs.Summary(w, "This request's parameters in schema order, generated from its schema: wire name, property, kind, the values this SDK knows, and how each is read from text. " +
                            "For code that takes parameters by name (a command line, a table, a settings file); a parameter added to the schema appears here.");
            w.Open("public static global::System.Collections.Generic.IReadOnlyList<" + parameter + "> Parameters { get; } = new " + parameter + "[]");
            foreach (var entry in file.Parameters)
            {
                var values = entry.KnownValues.Count == 0
                    ? "global::System.Array.Empty<string>()"
                    : "new[] { " + string.Join(", ", entry.KnownValues.Select(Identifiers.Literal)) + " }";
                var isSet = entry.IsRequired ? "static _ => true" : "static r => r." + entry.PropertyName + " != null";
                w.Line("new " + parameter + "(");
                w.Line("    " + Identifiers.Literal(entry.WireName) + ", " + Identifiers.Literal(entry.PropertyName) + ", global::CreateImageSdk.ImageParameterKind." + entry.Kind +
                       ", isRequired: " + Bool(entry.IsRequired) + ", isModel: " + Bool(entry.IsModel) + ", needsStream: " + Bool(entry.NeedsStream) + ", acceptsSizes: " + Bool(entry.AcceptsSizes) + ",");
                w.Line("    " + values + ",");
                w.Line("    " + (entry.Description is null ? "null" : Identifiers.Literal(entry.Description)) + ",");
                w.Line("    " + isSet + ",");
                w.Line("    " + WithText(entry) + "),");
            }

            w.Close(";");
            foreach (var entry in file.Parameters.Where(e => e.Reading == TextReading.ClosedValue))
            {
                w.Line();
                w.Open("private static global::CreateImageSdk." + entry.ValueType + " Read" + entry.PropertyName + "(string text)");
                w.Line("var value = global::CreateImageSdk.ParameterText.Value(text, " + Identifiers.Literal(entry.WireName) + ");");
                w.Line("return global::CreateImageSdk." + entry.ValueType + "Extensions.TryParse(value, out var parsed) ? parsed : throw new global::CreateImageSdk.ParameterTextException(" +
                       Identifiers.Literal(entry.WireName + " '") + " + value + " + Identifiers.Literal("' is not valid; allowed values: " + string.Join(", ", entry.KnownValues) + ".") + ");");
                w.Close();
            }

            w.Close();
            return GeneratedHeader.End(w);
        }

        private static string WithText(ParameterEntry entry)
        {
            var wire = Identifiers.Literal(entry.WireName);
            var read = entry.Reading switch
            {
                TextReading.Text => "t",
                TextReading.Integer => "global::CreateImageSdk.ParameterText.Integer(t, " + wire + ")",
                TextReading.Number => "global::CreateImageSdk.ParameterText.Number(t, " + wire + ")",
                TextReading.Boolean => "global::CreateImageSdk.ParameterText.Boolean(t, " + wire + ")",
                TextReading.OpenValue => "global::CreateImageSdk." + entry.ValueType + ".FromText(t, " + wire + ")",
                TextReading.ClosedValue => "Read" + entry.PropertyName + "(t)",
                _ => null,
            };
            return read is null ? "null" : "static (r, t) => r with { " + entry.PropertyName + " = " + read + " }";
        }

        private static string Bool(bool value) => value ? "true" : "false";
    }
}
