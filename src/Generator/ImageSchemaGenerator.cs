using System;
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

            // Schemas may share types (the usage object of a response and of a stream event), so types are
            // gathered from every file, defined once, and a name defined differently twice is a diagnostic.
            var all = specs.Collect()
                .Select(static (items, _) => TypeSet.Build(items.OrderBy(s => s.FileName, StringComparer.Ordinal)))
                .WithTrackingName(TrackingNames.AllSpecs);
            context.RegisterSourceOutput(all, static (spc, types) =>
            {
                foreach (var conflict in types.Conflicts)
                {
                    spc.ReportDiagnostic(Diagnostic.Create(Diagnostics.DiagnosticDescriptors.ConflictingType, Location.None, conflict));
                }

                try
                {
                    Emit(spc, types);
                }
                catch (Exception ex) when (!(ex is OperationCanceledException))
                {
                    spc.ReportDiagnostic(Diagnostic.Create(Diagnostics.DiagnosticDescriptors.InternalError, Location.None, "the schemas", ex.GetType().Name + ": " + ex.Message));
                }
            });
        }

        private static void Emit(SourceProductionContext context, TypeSet types)
        {
            if (types.Objects.Count == 0 && types.Enums.Count == 0) return;
            foreach (var (item, file) in types.Enums)
            {
                context.AddSource(item.Name + ".g.cs", item.IsOpen ? OpenEnumEmitter.Emit(item, file) : EnumEmitter.Emit(item, file));
            }

            context.AddSource(JsonContextEmitter.ContextName + ".g.cs", JsonContextEmitter.Emit(types));
            foreach (var (item, file) in types.Objects)
            {
                context.AddSource(item.Name + ".g.cs", ObjectEmitter.Emit(item, file));
                // Only requests are validated; response types are read as they come.
                if (item.Rules.Count > 0 || item.Operation != null)
                {
                    context.AddSource(item.Name + ".Validation.g.cs", ValidationEmitter.Emit(item, file));
                }

                if (item.Operation != null && OperationProblem(types, item) is { } problem)
                {
                    context.ReportDiagnostic(Diagnostic.Create(Diagnostics.DiagnosticDescriptors.UnknownOperationType, Location.None, item.Name, problem));
                }
                else if (item.Operation != null)
                {
                    context.AddSource(item.Name + "Builder.g.cs", BuilderEmitter.Emit(item, item.Operation, FinalCheck(types, item.Operation), file));
                    EmitModelBuilders(context, types, item, file);
                }
            }
        }

        /// <summary>What an operation names that does not exist: its response, its stream event, or its stream flag.</summary>
        private static string? OperationProblem(TypeSet types, ObjectSpec request)
        {
            var operation = request.Operation!;
            bool IsObject(string? name) => types.Objects.Any(o => o.Item.Name == name);
            if (!IsObject(operation.ResponseType)) return "the response type '" + operation.ResponseType + "'";
            if (operation.StreamEvent != null && !IsObject(operation.StreamEvent)) return "the stream event type '" + operation.StreamEvent + "'";
            if (operation.StreamFlag != null && !request.Properties.Any(p => p.WireName == operation.StreamFlag && p.Type.Kind == ValueKind.Boolean))
            {
                return "the stream flag '" + operation.StreamFlag + "' (it must be a boolean property)";
            }

            if (operation.FinalEventProperty != null &&
                !types.Objects.Any(o => o.Item.Name == operation.StreamEvent && o.Item.Properties.Any(p => p.WireName == operation.FinalEventProperty)))
            {
                return "the final-event property '" + operation.FinalEventProperty + "'";
            }

            return null;
        }

        /// <summary>The lambda that recognises the last streamed event, from <c>x-operation.stream.final</c>.</summary>
        private static string? FinalCheck(TypeSet types, OperationSpec operation)
        {
            var property = types.Objects.Select(o => o.Item).FirstOrDefault(o => o.Name == operation.StreamEvent)?
                .Properties.FirstOrDefault(p => p.WireName == operation.FinalEventProperty);
            if (property is null || operation.FinalEventValue is null) return null;
            var access = "e." + property.Name + (property.IsRequired ? "." : "?.");
            var wire = property.Type.Kind switch
            {
                ValueKind.OpenEnum => access + "Value",
                ValueKind.ClosedEnum => access + "ToWireString()",
                ValueKind.String => "e." + property.Name,
                _ => null,
            };
            return wire is null ? null : "static e => " + wire + " == " + Emitting.Identifiers.Literal(operation.FinalEventValue);
        }

        private static void EmitModelBuilders(SourceProductionContext context, TypeSet types, ObjectSpec request, string file)
        {
            var discriminator = request.Properties.FirstOrDefault(p => p.WireName == request.Discriminator);
            var models = types.Enums.Select(e => e.Item).FirstOrDefault(e => e.Name == discriminator?.Type.TypeName);
            if (models is null || !models.Members.Any(m => m.ModelConstraints.Count > 0)) return;

            var enums = types.Enums.ToDictionary(e => e.Item.Name, e => e.Item, StringComparer.Ordinal);
            context.AddSource(request.Name + "Builder.Models.g.cs", ModelBuilderEmitter.EmitEntryPoints(request, models, file));
            foreach (var model in models.Members.Where(m => m.ModelConstraints.Count > 0))
            {
                context.AddSource(ModelBuilderEmitter.BuilderName(model) + ".g.cs", ModelBuilderEmitter.Emit(request, model, enums, file));
            }
        }

    }
}
