using CreateImageSdk.Generator.Model;

namespace CreateImageSdk.Generator.Binding
{
    /// <summary>
    /// One source file to add, with everything its emitter needs and nothing more: the bind stage decides names and
    /// cross-type facts, and an emitter only prints. Each file is its own pipeline item, compared by value, so a
    /// schema edit re-emits only the files whose content it changes, and a failure in one file stays in that file.
    /// </summary>
    /// <param name="HintName">The unique name the file is added under.</param>
    /// <param name="SchemaFile">The schema file named in the generated header.</param>
    internal abstract record GeneratedFile(string HintName, string SchemaFile);

    /// <summary>A value set (closed enum or open value type), with what each operation says about its values.</summary>
    /// <param name="IsModel">
    /// The set selects per-model rules (an operation's <c>x-model-property</c> has this type): an open one then also
    /// carries whose rules check a value (kinship: dated snapshots, borrowed rules, unchecked models).
    /// </param>
    internal sealed record EnumFile(string HintName, string SchemaFile, EnumSpec Enum, EquatableArray<MemberNote> Notes, bool IsModel = false)
        : GeneratedFile(HintName, SchemaFile);

    /// <summary>An object type (a request or a response part) and its converter.</summary>
    internal sealed record ObjectFile(string HintName, string SchemaFile, ObjectSpec Object)
        : GeneratedFile(HintName, SchemaFile);

    /// <summary>A request's <c>Validate()</c>.</summary>
    /// <param name="AcceptedModels">The models the operation takes, named when a request names one it does not take.</param>
    /// <param name="Plan">The fields and per-rule decisions the checks print (<see cref="ValidationPlan"/>).</param>
    internal sealed record ValidationFile(string HintName, string SchemaFile, ObjectSpec Request, EquatableArray<string> AcceptedModels, ValidationPlan Plan)
        : GeneratedFile(HintName, SchemaFile);

    /// <summary>A request's general builder and the client methods that start and send it.</summary>
    /// <param name="BuilderName">The builder's type name.</param>
    /// <param name="FinalEvent">How the last streamed event is told, or null.</param>
    /// <param name="Plan">Its fields, steps, params list and streaming.</param>
    internal sealed record BuilderFile(string HintName, string SchemaFile, ObjectSpec Request, string BuilderName, FinalEventCheck? FinalEvent, BuilderPlan Plan)
        : GeneratedFile(HintName, SchemaFile);

    /// <summary>The <c>Using…()</c> steps of a general builder, one per model with a builder of its own.</summary>
    internal sealed record ModelEntryPointsFile(string HintName, string SchemaFile, ObjectSpec Request, string BuilderName, EquatableArray<ModelBuilderName> Models)
        : GeneratedFile(HintName, SchemaFile);

    /// <summary>One model's builder for one operation, with the value types that hold only what the model accepts.</summary>
    /// <param name="Steps">The <c>With…</c> steps, with their value types and merged ranges (<see cref="ModelBuilderPlanner"/>).</param>
    /// <param name="CanStream">Whether the builder offers <c>StreamAsync</c>.</param>
    internal sealed record ModelBuilderFile(
        string HintName, string SchemaFile, ObjectSpec Request, ModelRulesSpec Model, string BuilderName, EquatableArray<ModelStep> Steps, bool CanStream)
        : GeneratedFile(HintName, SchemaFile)
    {
        /// <summary>Wire names of the properties the builder holds a field for: the required ones, its model, and what a step sets.</summary>
        public EquatableArray<string> Held { get; init; } = EquatableArray<string>.Empty;

        /// <summary>Dated snapshots of this model with the same rules, which use this builder (sending their own id).</summary>
        public EquatableArray<string> Snapshots { get; init; } = EquatableArray<string>.Empty;
    }

    /// <summary>A request's parameter table (<c>Parameters</c>) and its place under the shared request interface.</summary>
    /// <param name="Shared">Whether the request implements the shared interface (every request does when there is one).</param>
    internal sealed record ParameterTableFile(string HintName, string SchemaFile, string RequestName, EquatableArray<ParameterEntry> Parameters, bool Shared)
        : GeneratedFile(HintName, SchemaFile);

    /// <summary>The interface every request implements: the members all operations share, and <c>Validate()</c>.</summary>
    internal sealed record RequestInterfaceFile(string HintName, EquatableArray<InterfaceMember> Members, EquatableArray<string> Requests)
        : GeneratedFile(HintName, string.Empty);

    /// <summary>The one serializer context for every generated type.</summary>
    internal sealed record JsonContextFile(string HintName, EquatableArray<string> TypeNames)
        : GeneratedFile(HintName, string.Empty);

    /// <summary>How the last event of a stream is told: a property of the event type and the value it has on the last one.</summary>
    /// <param name="PropertyName">The event type's C# property (<c>Type</c>).</param>
    /// <param name="Kind">How that property is read as its wire text: an open value set, a closed enum, or a string.</param>
    /// <param name="IsRequired">Whether the property is never null (so no <c>?.</c>).</param>
    /// <param name="Value">The wire value of the last event (<c>image_generation.completed</c>).</param>
    internal sealed record FinalEventCheck(string PropertyName, ValueKind Kind, bool IsRequired, string Value);

    /// <summary>A sentence for one value's docs, from one operation's rules (e.g. "Supported only by: dall-e-3.").</summary>
    internal sealed record MemberNote(string WireValue, string Text);

    /// <summary>A model and the name of its builder for one operation.</summary>
    /// <param name="BaseMemberName">
    /// For a dated snapshot whose rules are its base model's: the base's member; the snapshot then uses the base's
    /// builder, sending its own id. Null when the model has a builder of its own.
    /// </param>
    internal sealed record ModelBuilderName(string WireValue, string MemberName, string BuilderName, string? BaseMemberName = null);
}
