using System;
using System.Linq;
using System.Threading;
using CreateImageSdk.Generator.Binding;
using CreateImageSdk.Generator.Diagnostics;
using CreateImageSdk.Generator.Emitting;
using CreateImageSdk.Generator.Model;
using CreateImageSdk.Generator.Parsing;
using Microsoft.CodeAnalysis.Text;

namespace CreateImageSdk.Generator.Overlays
{
    /// <summary>What one overlay produces: its files, and its problems (each at the overlay's file).</summary>
    internal sealed record OverlayResult(EquatableArray<EmittedSource> Files, EquatableArray<DiagnosticInfo> Diagnostics);

    /// <summary>One overlay through merge → parse (the SDK's own parser) → bind → emit; a failure anywhere is a diagnostic, never a crashed build.</summary>
    internal static class OverlayPipeline
    {
        public static OverlayResult Run(string path, SourceText? text, EquatableArray<BaseSchema> bases, string ns, CancellationToken cancellationToken)
        {
            var locator = new SchemaLocator(path, text ?? SourceText.From(string.Empty));
            var file = System.IO.Path.GetFileName(path);
            try
            {
                if (text is null) return Fail(locator.AtLine(DiagnosticDescriptors.InvalidOverlay, 1, 1, file, "the file cannot be read"));
                var merge = OverlayMerger.Merge(path, text, bases);
                if (merge.Info is null || merge.RequestJson is null) return new OverlayResult(EquatableArray<EmittedSource>.Empty, merge.Diagnostics);
                cancellationToken.ThrowIfCancellationRequested();

                var parsed = SchemaParser.Parse(path, SourceText.From(merge.RequestJson), merge.Shared, cancellationToken);
                if (parsed.Diagnostics.Count > 0 || parsed.Spec is null)
                {
                    // Positions in the merged schema mean nothing to the user: each problem is told at the overlay, in words.
                    return Fail(parsed.Diagnostics.Select(d => locator.AtLine(DiagnosticDescriptors.InvalidOverlay, 1, 1, file, Describe(d))).ToArray());
                }

                var request = parsed.Spec.Objects.FirstOrDefault(o => o.Operation != null);
                if (request is null) return Fail(locator.AtLine(DiagnosticDescriptors.InvalidOverlay, 1, 1, file, "the schema it extends has no operation"));
                var enums = parsed.Spec.Enums.GroupBy(e => e.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
                var bound = OverlayBinder.Bind(merge.Info, request, enums, ns);
                var files = OverlayEmitter.Emit(bound).Select(f => new EmittedSource(f.HintName, f.Text, null)).ToEquatableArray();
                return new OverlayResult(files, EquatableArray<DiagnosticInfo>.Empty);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException))
            {
                return Fail(locator.AtLine(DiagnosticDescriptors.InternalError, 1, 1, file, ex.GetType().Name + ": " + ex.Message));
            }
        }

        private static OverlayResult Fail(params DiagnosticInfo[] diagnostics) => new OverlayResult(EquatableArray<EmittedSource>.Empty, new EquatableArray<DiagnosticInfo>(diagnostics));

        private static string Describe(DiagnosticInfo info) =>
            info.Id + ": " + string.Format(System.Globalization.CultureInfo.InvariantCulture, DiagnosticDescriptors.ById(info.Id).MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture), info.MessageArgs.Cast<object>().ToArray());
    }
}
