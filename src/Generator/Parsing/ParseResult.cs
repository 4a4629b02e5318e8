using CreateImageSdk.Generator.Diagnostics;
using CreateImageSdk.Generator.Model;

namespace CreateImageSdk.Generator.Parsing
{
    /// <summary>The outcome of reading one schema file: a model when it could be built, and the diagnostics found.</summary>
    internal sealed record ParseResult(SchemaSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics);
}
