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

        /// <summary>The file-name suffix that marks an additional file as an overlay of the SDK's schemas in a consumer's project.</summary>
        public const string OverlaySuffix = ".overlay.json";

        /// <summary>The additional-file metadata (<c>CreateImageSdkRole</c>) the package sets on the schemas it ships: <c>base</c>.</summary>
        public const string RoleMetadata = "build_metadata.AdditionalFiles.CreateImageSdkRole";

        /// <inheritdoc/>
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            // The SDK's own schemas, shipped in the package for overlays, are context in a consumer's build, never generated
            // again there: a file marked CreateImageSdkRole=base is read by overlays only.
            var classified = context.AdditionalTextsProvider
                .Where(static file => file.Path.EndsWith(SchemaSuffix, StringComparison.OrdinalIgnoreCase))
                .Combine(context.AnalyzerConfigOptionsProvider)
                .Select(static (pair, _) => (File: pair.Left, IsBase: pair.Right.GetOptions(pair.Left).TryGetValue(RoleMetadata, out var role) && string.Equals(role, "base", StringComparison.OrdinalIgnoreCase)));
            var files = classified
                .Where(static c => !c.IsBase)
                .Select(static (c, _) => c.File)
                .WithTrackingName(TrackingNames.SchemaFiles);
            InitializeOverlays(context, classified.Where(static c => c.IsBase).Select(static (c, _) => c.File));

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

        /// <summary>
        /// Overlays in a consumer's project: each <c>*.overlay.json</c> merged with the package's schemas and turned into
        /// internal types in the project's root namespace. With no overlay nothing here runs (and the package's build logic
        /// does not load the generator at all).
        /// </summary>
        private static void InitializeOverlays(IncrementalGeneratorInitializationContext context, IncrementalValuesProvider<AdditionalText> baseFiles)
        {
            var bases = baseFiles
                .Select(static (file, ct) => new Overlays.BaseSchema(System.IO.Path.GetFileName(file.Path), file.GetText(ct)?.ToString() ?? string.Empty))
                .Collect()
                .Select(static (items, _) => items.OrderBy(b => b.FileName, StringComparer.Ordinal).ToEquatableArray())
                .WithTrackingName(TrackingNames.OverlayBases);
            var ns = context.AnalyzerConfigOptionsProvider
                .Select(static (options, _) => options.GlobalOptions.TryGetValue("build_property.RootNamespace", out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : "CreateImageSdkOverlays");
            var overlays = context.AdditionalTextsProvider
                .Where(static file => file.Path.EndsWith(OverlaySuffix, StringComparison.OrdinalIgnoreCase))
                .Combine(bases)
                .Combine(ns)
                .Select(static (pair, ct) => Overlays.OverlayPipeline.Run(pair.Left.Left.Path, pair.Left.Left.GetText(ct), pair.Left.Right, pair.Right, ct))
                .WithTrackingName(TrackingNames.Overlays);
            context.RegisterSourceOutput(overlays, static (spc, result) =>
            {
                foreach (var info in result.Diagnostics) spc.ReportDiagnostic(info.ToDiagnostic());
                foreach (var file in result.Files) spc.AddSource(file.HintName, file.Text);
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
