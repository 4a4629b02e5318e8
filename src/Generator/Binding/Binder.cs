using System;
using System.Collections.Generic;
using System.Linq;
using CreateImageSdk.Generator.Diagnostics;
using CreateImageSdk.Generator.Emitting;
using CreateImageSdk.Generator.Model;

namespace CreateImageSdk.Generator.Binding
{
    /// <summary>
    /// Every parsed type → the files to emit. Here, and only here, are names decided (builders, model value types,
    /// hint names) and facts gathered across schemas (an operation's response and stream event exist; which models of
    /// which operation accept a value). A hint name given twice is CIS018 at the schema that asked for it, never a crash.
    /// </summary>
    internal static class Binder
    {
        public static BindResult Bind(TypeSet types)
        {
            var files = new List<GeneratedFile>();
            var diagnostics = new List<DiagnosticInfo>();
            foreach (var conflict in types.Conflicts)
            {
                diagnostics.Add(AtFile(DiagnosticDescriptors.ConflictingType, conflict.Path, conflict.Text));
            }

            if (types.Objects.Count == 0 && types.Enums.Count == 0) return new BindResult(EquatableArray<GeneratedFile>.Empty, diagnostics.ToEquatableArray());

            var requests = types.Objects.Where(o => o.Item.Operation != null).ToList();
            foreach (var entry in types.Enums)
            {
                var isModel = entry.Item.IsOpen && requests.Any(r => r.Item.Properties.Any(p => p.WireName == r.Item.Discriminator && p.Type.TypeName == entry.Item.Name));
                files.Add(new EnumFile(entry.Item.Name + ".g.cs", entry.File, entry.Item, Notes(entry.Item, requests), isModel));
            }

            files.Add(new JsonContextFile(
                JsonContextEmitter.ContextName + ".g.cs",
                // A multipart request has no JSON form (its images are files), so no JSON metadata either.
                types.Objects.Where(o => o.Item.Operation?.IsMultipart != true).Select(o => o.Item.Name).Concat(types.Enums.Select(e => e.Item.Name)).Distinct().OrderBy(n => n, StringComparer.Ordinal).ToEquatableArray()));

            var enums = types.Enums.ToDictionary(e => e.Item.Name, e => e.Item, StringComparer.Ordinal);
            var shared = ParameterTablePlanner.SharedMembers(requests.Select(r => r.Item).ToList());
            if (requests.Count > 0)
            {
                files.Add(new RequestInterfaceFile(RequestInterfaceEmitter.InterfaceName + ".g.cs", shared, requests.Select(r => r.Item.Name).ToEquatableArray()));
            }

            foreach (var entry in types.Objects)
            {
                var (item, file) = entry;
                var path = entry.Path;
                files.Add(new ObjectFile(item.Name + ".g.cs", file, item));
                // Only requests are validated; response types are read as they come.
                if (item.Rules.Count > 0 || item.Operation != null) files.Add(new ValidationFile(item.Name + ".Validation.g.cs", file, item, item.Models.Where(m => m.Accepted).Select(m => m.WireValue).ToEquatableArray(), ValidationPlan.For(item)));
                if (item.Operation is null) continue;
                files.Add(new ParameterTableFile(item.Name + ".Parameters.g.cs", file, item.Name, ParameterTablePlanner.Entries(item, enums), Shared: true));

                if (OperationProblem(types, item) is { } problem)
                {
                    diagnostics.Add(AtFile(DiagnosticDescriptors.UnknownOperationType, path, item.Name, problem));
                    continue;
                }

                var builder = item.Name + "Builder";
                // Builders print properties, docs and the operation, never the rules themselves (those are in the request's
                // attributes and Validate()), so their records leave them out: a rule edit then leaves them equal, and cached.
                var forBuilders = item with
                {
                    Rules = EquatableArray<RuleSpec>.Empty,
                    Models = EquatableArray<ModelRulesSpec>.Empty,
                    ValueSupport = EquatableArray<ValueSupportSpec>.Empty,
                };
                files.Add(new BuilderFile(builder + ".g.cs", file, forBuilders, builder, FinalCheck(types, item.Operation), BuilderPlan.For(item)));
                var withBuilders = item.Models.Where(m => m.Accepted && m.Constraints.Count > 0).ToList();
                var models = withBuilders.Select(m => SnapshotOf(m, withBuilders) is { } snapshotBase
                        ? new ModelBuilderName(m.WireValue, m.MemberName, snapshotBase.MemberName + item.Operation.Variant + "RequestBuilder", snapshotBase.MemberName)
                        : new ModelBuilderName(m.WireValue, m.MemberName, m.MemberName + item.Operation.Variant + "RequestBuilder"))
                    .ToList();
                if (models.Count == 0) continue;

                files.Add(new ModelEntryPointsFile(builder + ".Models.g.cs", file, forBuilders, builder, models.ToEquatableArray()));
                foreach (var model in models.Where(m => m.BaseMemberName is null))
                {
                    var rules = item.Models.First(m => m.WireValue == model.WireValue);
                    var steps = ModelBuilderPlanner.Steps(item, rules, model.MemberName + item.Operation.Variant, enums);
                    var snapshots = models.Where(m => m.BaseMemberName == model.MemberName).Select(m => m.WireValue).ToEquatableArray();
                    // The builder holds only what it can send: the required values, its model, and what a step sets.
                    var held = item.Properties.Where(p => p.IsRequired || p.WireName == item.Discriminator || steps.Any(s => s.Property == p.WireName)).Select(p => p.WireName).ToEquatableArray();
                    files.Add(new ModelBuilderFile(model.BuilderName + ".g.cs", file, forBuilders, rules, model.BuilderName, steps, ModelBuilderPlanner.CanStream(item, rules)) { Snapshots = snapshots, Held = held });
                }
            }

            return new BindResult(Unique(files, types, diagnostics).ToEquatableArray(), diagnostics.ToEquatableArray());
        }

        /// <summary>
        /// The known model <paramref name="model"/> is a dated snapshot of (<c>{base}-YYYY-MM-DD</c>) when their rules are the
        /// same: the snapshot then shares the base's builder instead of a copy that differs only in its docs.
        /// </summary>
        private static ModelRulesSpec? SnapshotOf(ModelRulesSpec model, IReadOnlyList<ModelRulesSpec> models)
        {
            var baseId = CreateImageSdk.Validation.DatedSnapshot.BaseOf(model.WireValue);
            if (baseId is null) return null;
            return models.FirstOrDefault(m => m.WireValue == baseId && m.Constraints.Equals(model.Constraints));
        }

        /// <summary>
        /// Keeps the first file of each hint name (compared as Roslyn does, ignoring case); every later one is CIS018
        /// at its schema. Two operations whose model types would share names (no distinct <c>variant</c>) end here.
        /// </summary>
        private static IEnumerable<GeneratedFile> Unique(List<GeneratedFile> files, TypeSet types, List<DiagnosticInfo> diagnostics)
        {
            var seen = new Dictionary<string, GeneratedFile>(StringComparer.OrdinalIgnoreCase);
            foreach (var file in files)
            {
                if (seen.TryGetValue(file.HintName, out var first))
                {
                    var path = types.Objects.FirstOrDefault(o => o.File == file.SchemaFile)?.Path ?? types.Enums.FirstOrDefault(e => e.File == file.SchemaFile)?.Path ?? string.Empty;
                    diagnostics.Add(AtFile(DiagnosticDescriptors.DuplicateHintName, path, file.HintName, first.SchemaFile, file.SchemaFile));
                    continue;
                }

                seen.Add(file.HintName, file);
                yield return file;
            }
        }

        /// <summary>What each operation's rules say about each value of <paramref name="spec"/>, as doc sentences.</summary>
        private static EquatableArray<MemberNote> Notes(EnumSpec spec, IReadOnlyList<TypeSet.Entry<ObjectSpec>> requests)
        {
            var notes = new List<MemberNote>();
            var labelled = requests.Count > 1;
            foreach (var member in spec.Members)
            {
                foreach (var request in requests.Select(r => r.Item))
                {
                    var label = labelled ? Docs.Code(request.Operation!.MethodName) + ": " : string.Empty;
                    var discriminator = request.Properties.FirstOrDefault(p => p.WireName == request.Discriminator);
                    if (discriminator?.Type.TypeName == spec.Name && request.Models.FirstOrDefault(m => m.WireValue == member.WireValue) is { Accepted: false })
                    {
                        notes.Add(new MemberNote(member.WireValue, "Not accepted by " + Docs.Code(request.Operation!.MethodName) + " (" + Docs.Code(request.Operation.HttpMethod + " " + request.Operation.Path) + ")."));
                        continue;
                    }

                    foreach (var property in request.Properties.Where(p => p.Type.TypeName == spec.Name))
                    {
                        var support = request.ValueSupport.FirstOrDefault(v => v.Property == property.WireName && v.Value == member.WireValue);
                        if (support is null) continue;
                        var text = support.SupportedBy.Count == 0 ? "Not accepted by any model." : "Supported only by: " + Docs.CodeList(support.SupportedBy) + ".";
                        notes.Add(new MemberNote(member.WireValue, labelled ? label + char.ToLowerInvariant(text[0]) + text.Substring(1) : text));
                    }
                }
            }

            return notes.ToEquatableArray();
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

        /// <summary>What recognises the last streamed event, from <c>x-operation.stream.final</c>; null when it cannot be told.</summary>
        private static FinalEventCheck? FinalCheck(TypeSet types, OperationSpec operation)
        {
            var property = types.Objects.Select(o => o.Item).FirstOrDefault(o => o.Name == operation.StreamEvent)?
                .Properties.FirstOrDefault(p => p.WireName == operation.FinalEventProperty);
            if (property is null || operation.FinalEventValue is null) return null;
            return property.Type.Kind is ValueKind.OpenEnum or ValueKind.ClosedEnum or ValueKind.String
                ? new FinalEventCheck(property.Name, property.Type.Kind, property.IsRequired, operation.FinalEventValue)
                : null;
        }

        /// <summary>A diagnostic at the start of a schema file: the problem is in how files relate, not at one token.</summary>
        private static DiagnosticInfo AtFile(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, string path, params string[] args) =>
            new DiagnosticInfo(descriptor.Id, path, default, default, new EquatableArray<string>(args));
    }
}
