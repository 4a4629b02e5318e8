using System;
using System.Linq;
using CreateImageSdk.Generator.Binding;
using CreateImageSdk.Generator.Model;
using CreateImageSdk.Generator.Parsing;
using Microsoft.CodeAnalysis;

namespace CreateImageSdk.Generator
{
    /// <summary>
    /// Reads every <c>*.schema.json</c> additional file and emits the typed request, enums, response types,
    /// converters, validation and fluent client from it. Pipeline: file → parse (model + diagnostics) → bind (one record per
    /// generated file) → emit (one file each); see docs/architecture.md.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class ImageSchemaGenerator : IIncrementalGenerator
    {
        /// <summary>The file-name suffix that marks an additional file as a schema to generate from.</summary>
        public const string SchemaSuffix = ".schema.json";

        /// <inheritdoc/>
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var files = context.AdditionalTextsProvider
                .Where(static file => file.Path.EndsWith(SchemaSuffix, StringComparison.OrdinalIgnoreCase))
                .WithTrackingName(TrackingNames.SchemaFiles);

            // Every file's definitions, for relative $refs across files; a file is parsed again only when a file's
            // definitions (or its own text) change, not when another file's rules do.
            var shared = files
                .Select(static (file, ct) => ReferenceInliner.Read(System.IO.Path.GetFileName(file.Path), file.GetText(ct)?.ToString() ?? string.Empty))
                .WithTrackingName(TrackingNames.Definitions)
                .Collect()
                .Select(static (items, _) => items.OrderBy(d => d.FileName, StringComparer.Ordinal).ToEquatableArray())
                .WithTrackingName(TrackingNames.SharedDefinitions);

            var parsed = files.Combine(shared)
                .Select(static (pair, ct) =>
                {
                    var text = pair.Left.GetText(ct);
                    return text is null
                        ? new ParseResult(null, EquatableArray<Diagnostics.DiagnosticInfo>.Empty)
                        : SchemaParser.Parse(pair.Left.Path, text, pair.Right, ct);
                })
                .WithTrackingName(TrackingNames.Parse);

            // Diagnostics go out on their own, so a diagnostic that moves does not re-emit code.
            var diagnostics = parsed.Select(static (result, _) => result.Diagnostics).WithTrackingName(TrackingNames.Diagnostics);
            context.RegisterSourceOutput(diagnostics, static (spc, infos) =>
            {
                foreach (var info in infos) spc.ReportDiagnostic(info.ToDiagnostic());
            });

            var specs = parsed
                .Where(static result => result.Spec != null)
                .Select(static (result, _) => result.Spec!)
                .WithTrackingName(TrackingNames.Specs);

            // Schemas may share types (the usage object of a response and of a stream event), so types are
            // gathered from every file, defined once, and a name defined differently twice is a diagnostic.
            var all = specs.Collect()
                .Select(static (items, _) => TypeSet.Build(items.OrderBy(s => s.FileName, StringComparer.Ordinal)))
                .WithTrackingName(TrackingNames.AllSpecs);

            // Bind: names, cross-schema checks, one emit-ready item per file to add.
            var bound = all.Select(static (types, _) => BindSafely(types)).WithTrackingName(TrackingNames.Bind);
            context.RegisterSourceOutput(bound.Select(static (result, _) => result.Diagnostics).WithTrackingName(TrackingNames.BindDiagnostics), static (spc, infos) =>
            {
                foreach (var info in infos) spc.ReportDiagnostic(info.ToDiagnostic());
            });

            // One item per generated file: an edit re-emits only the files whose inputs changed.
            var outputs = bound.SelectMany(static (result, _) => result.Files).WithTrackingName(TrackingNames.Files);
            var emitted = outputs.Select(static (file, ct) => Emit(file, ct)).WithTrackingName(TrackingNames.Emit);
            context.RegisterSourceOutput(emitted, static (spc, source) =>
            {
                if (source.Error != null)
                {
                    spc.ReportDiagnostic(Diagnostic.Create(Diagnostics.DiagnosticDescriptors.InternalError, Location.None, source.HintName, source.Error));
                    return;
                }

                spc.AddSource(source.HintName, source.Text);
            });
        }

        /// <summary>Binds the types; a failure nobody foresaw is CIS011, never a crashed build (CS8785).</summary>
        private static BindResult BindSafely(TypeSet types)
        {
            try
            {
                return Binder.Bind(types);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException))
            {
                var info = new Diagnostics.DiagnosticInfo(Diagnostics.DiagnosticDescriptors.InternalError.Id, string.Empty, default, default,
                    new EquatableArray<string>(new[] { "the schemas", ex.GetType().Name + ": " + ex.Message }));
                return new BindResult(EquatableArray<GeneratedFile>.Empty, new EquatableArray<Diagnostics.DiagnosticInfo>(new[] { info }));
            }
        }

        /// <summary>Prints one file; a failure is reported for that file alone, and every other file is still added.</summary>
        private static EmittedSource Emit(GeneratedFile file, System.Threading.CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                return new EmittedSource(file.HintName, FileEmitter.Emit(file), null);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException))
            {
                return new EmittedSource(file.HintName, string.Empty, ex.GetType().Name + ": " + ex.Message);
            }
        }
    }
}
