using CreateImageSdk.Generator.Binding;

namespace CreateImageSdk.Generator.Emitting
{
    /// <summary>
    /// The interface every generated request implements: the properties all operations share (same name, wire name
    /// and type), and <c>Validate()</c>. Code that treats generations and edits alike (a mapping, a log line) takes it
    /// instead of repeating itself per request type.
    /// </summary>
    internal static class RequestInterfaceEmitter
    {
        public const string InterfaceName = "IImageRequest";

        public static string Emit(RequestInterfaceFile file)
        {
            var w = GeneratedHeader.Start("*.schema.json");
            Docs.Summary(w, "What every image request has, whatever its operation: " + Docs.CodeList(file.Requests) +
                            " implement it. The members are the properties all their schemas share.");
            w.Line(GeneratedHeader.GeneratedCodeAttribute);
            w.Open("public interface " + InterfaceName);
            foreach (var member in file.Members)
            {
                Docs.Summary(w, Docs.Text(member.Description));
                w.Line(TypeNames.Of(member.Type) + (member.IsRequired ? string.Empty : "?") + " " + member.Name + " { get; }");
                w.Line();
            }

            Docs.Summary(w, "Members beyond the schema's, sent after the known ones.");
            w.Line("global::System.Collections.Generic.IReadOnlyDictionary<string, global::System.Text.Json.JsonElement>? AdditionalProperties { get; }");
            w.Line();
            Docs.Summary(w, "Checks the request against its schema and its model's rules, without sending it.");
            w.Line("/// <returns>Every violation; empty when the request is valid.</returns>");
            w.Line("global::System.Collections.Generic.IReadOnlyList<global::CreateImageSdk.ImageRequestViolation> Validate();");
            w.Close();
            return GeneratedHeader.End(w);
        }
    }
}
