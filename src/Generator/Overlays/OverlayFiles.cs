using CreateImageSdk.Generator.Model;

namespace CreateImageSdk.Generator.Overlays
{
    /// <summary>Everything one overlay generates in the consumer's project, bound and ready to print.</summary>
    /// <param name="Namespace">The consumer's root namespace: every type is <c>internal</c> there, so two projects never clash.</param>
    /// <param name="Name">The overlay's C# name (from its file name).</param>
    /// <param name="FileName">The overlay's file name, for headers.</param>
    /// <param name="RequestName">The SDK request type it extends (<c>CreateImageRequest</c>).</param>
    /// <param name="BuilderName">The SDK's general builder of that request.</param>
    /// <param name="Models">A builder per model the overlay adds.</param>
    /// <param name="Parameters">The parameters the overlay adds (sent as additional members).</param>
    /// <param name="ValueTypes">The value types of the overlay's own parameters.</param>
    /// <param name="Rules">What is checked before sending, per model (and for every model).</param>
    /// <param name="Sources">How each parameter's wire text is read from a request.</param>
    internal sealed record OverlayFileSet(
        string Namespace,
        string Name,
        string FileName,
        string RequestName,
        string BuilderName,
        EquatableArray<OverlayModelBuilder> Models,
        EquatableArray<OverlayParameter> Parameters,
        EquatableArray<OverlayValueType> ValueTypes,
        EquatableArray<OverlayRuleSet> Rules,
        EquatableArray<OverlayValueSource> Sources);

    /// <summary>A builder for one model the overlay adds.</summary>
    internal sealed record OverlayModelBuilder(
        string Id, string MemberName, string BuilderName, string? Description, string? RulesOf, bool CanStream,
        EquatableArray<OverlayStep> Steps, EquatableArray<OverlayNarrowedType> Types);

    /// <summary>One <c>With…</c> step: an SDK parameter (through the general builder's own step) or an overlay's (an additional member).</summary>
    /// <param name="ValueType">The narrowed or overlay value type the step takes, or null for the property's own type.</param>
    /// <param name="SdkType">For an SDK parameter, its type's name when it is a generated value set (<c>ImageQuality</c>).</param>
    internal sealed record OverlayStep(
        string WireName, string PropertyName, ValueKind Kind, bool IsOverlayParameter, string? ValueType, string? SdkType, string? Description, long? Minimum, long? Maximum);

    /// <summary>A value type that holds only what one model takes of a value set.</summary>
    /// <param name="GeneralType">The value set's type (<c>ImageQuality</c> in the SDK, or an overlay type).</param>
    /// <param name="GeneralIsSdk">Whether the value set is the SDK's (then values it lacks are made with <c>Custom</c>).</param>
    /// <param name="FreeSizes">Whether it also takes free <c>WIDTHxHEIGHT</c> sizes (checked when sending).</param>
    internal sealed record OverlayNarrowedType(string Name, string GeneralType, bool GeneralIsSdk, string ModelId, EquatableArray<OverlayMember> Members, bool FreeSizes);

    /// <summary>One value of a narrowed or overlay value type.</summary>
    /// <param name="KnownToSdk">Whether the SDK's own type has a member for it (else it is made with <c>Custom</c>).</param>
    internal sealed record OverlayMember(string Name, string WireValue, bool KnownToSdk, string? Description);

    /// <summary>A parameter the overlay adds: its general-builder step and the checks that hold for every model.</summary>
    internal sealed record OverlayParameter(
        string WireName, string PropertyName, ValueKind Kind, string? ValueType, string? Description,
        long? Minimum, long? Maximum, int? MaxLength, PatternSpec? Pattern, EquatableArray<string> ClosedValues);

    /// <summary>The value type of an overlay's own parameter.</summary>
    internal sealed record OverlayValueType(string Name, string? Description, bool IsOpen, EquatableArray<OverlayMember> Members);

    /// <summary>The constraints of one model: all of them for a model the overlay adds; for a known one, those on the overlay's parameters.</summary>
    internal sealed record OverlayRuleSet(string ModelId, bool IsOverlayModel, EquatableArray<ConstraintSpec> Constraints);

    /// <summary>Where a parameter's value is read: the request's property, or (an overlay parameter) its additional members.</summary>
    internal sealed record OverlayValueSource(string WireName, string PropertyName, ValueKind Kind, bool IsRequired, bool IsAdditional, string? TypeName);
}
