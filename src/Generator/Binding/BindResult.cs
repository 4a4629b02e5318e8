using CreateImageSdk.Generator.Diagnostics;
using CreateImageSdk.Generator.Model;

namespace CreateImageSdk.Generator.Binding
{
    /// <summary>The files to emit and the problems found across schemas (unknown types, clashing names).</summary>
    internal sealed record BindResult(EquatableArray<GeneratedFile> Files, EquatableArray<DiagnosticInfo> Diagnostics);
}
