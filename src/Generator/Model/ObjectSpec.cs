namespace CreateImageSdk.Generator.Model
{
    /// <summary>A generated object type: a request (with rules and an operation) or a response part.</summary>
    internal sealed record ObjectSpec(
        string Name,
        string? Description,
        EquatableArray<PropertySpec> Properties,
        EquatableArray<RuleSpec> Rules,
        OperationSpec? Operation,
        string? Discriminator = null);
}
