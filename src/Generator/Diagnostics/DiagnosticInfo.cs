using CreateImageSdk.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CreateImageSdk.Generator.Diagnostics
{
    /// <summary>
    /// A diagnostic as plain values, so it can travel through the incremental pipeline
    /// (a <see cref="Location"/> would pin the whole compilation).
    /// </summary>
    internal sealed record DiagnosticInfo(
        string Id,
        string FilePath,
        TextSpan Span,
        LinePositionSpan LineSpan,
        EquatableArray<string> MessageArgs)
    {
        public Diagnostic ToDiagnostic()
        {
            var descriptor = DiagnosticDescriptors.ById(Id);
            var location = Location.Create(FilePath, Span, LineSpan);
            return Diagnostic.Create(descriptor, location, System.Linq.Enumerable.ToArray<object>(MessageArgs));
        }
    }
}
