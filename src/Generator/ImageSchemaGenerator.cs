using System;
using System.Collections.Immutable;
using System.Linq;
using CreateImageSdk.Generator.Emitting;
using CreateImageSdk.Generator.Model;
using CreateImageSdk.Generator.Parsing;
using Microsoft.CodeAnalysis;

namespace CreateImageSdk.Generator
{
    /// <summary>
    /// Reads every <c>*.schema.json</c> additional file and emits the typed request, enums, response types,
    /// converters, validation and fluent client from it. Pipeline: file → parse (model + diagnostics) → emit.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class ImageSchemaGenerator : IIncrementalGenerator
    {
        /// <summary>The file-name suffix that marks an additional file as a schema to generate from.</summary>
        public const string SchemaSuffix = ".schema.json";

        /// <inheritdoc/>
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var parsed = context.AdditionalTextsProvider
                .Where(static file => file.Path.EndsWith(SchemaSuffix, StringComparison.OrdinalIgnoreCase))
                .WithTrackingName(TrackingNames.SchemaFiles)
                .Select(static (file, ct) =>
                {
                    var text = file.GetText(ct);
                    return text is null
                        ? new ParseResult(null, EquatableArray<Diagnostics.DiagnosticInfo>.Empty)
                        : SchemaParser.Parse(file.Path, text, ct);
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
            context.RegisterSourceOutput(specs, static (spc, spec) => Emit(spc, spec));

            var all = specs.Collect()
                .Select(static (items, _) => items.OrderBy(s => s.FileName, StringComparer.Ordinal).ToEquatableArray())
                .WithTrackingName(TrackingNames.AllSpecs);
            context.RegisterSourceOutput(all, static (spc, items) =>
            {
                if (items.Count > 0) spc.AddSource(JsonContextEmitter.ContextName + ".g.cs", JsonContextEmitter.Emit(items.ToList()));
            });
        }

        private static void Emit(SourceProductionContext context, SchemaSpec spec)
        {
            foreach (var item in spec.Enums)
            {
                context.AddSource(item.Name + ".g.cs", item.IsOpen ? OpenEnumEmitter.Emit(item, spec.FileName) : EnumEmitter.Emit(item, spec.FileName));
            }

            foreach (var item in spec.Objects)
            {
                context.AddSource(item.Name + ".g.cs", ObjectEmitter.Emit(item, spec.FileName));
                if (item.Rules.Count > 0 || item.Operation != null || item.Properties.Any(HasChecks))
                {
                    context.AddSource(item.Name + ".Validation.g.cs", ValidationEmitter.Emit(item, spec.FileName));
                }

                if (item.Operation != null)
                {
                    context.AddSource(item.Name + "Builder.g.cs", BuilderEmitter.Emit(item, item.Operation, spec.FileName));
                }
            }
        }

        private static bool HasChecks(PropertySpec property) =>
            property.MinLength.HasValue || property.MaxLength.HasValue || property.Minimum.HasValue || property.Maximum.HasValue;
    }
}
