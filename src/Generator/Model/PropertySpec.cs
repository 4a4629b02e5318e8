namespace CreateImageSdk.Generator.Model
{
    /// <summary>
    /// One property of a generated object, with the constraints that hold whatever the model;
    /// <see cref="SupportedBy"/> lists the discriminator values (models) that accept it when rules forbid it for others.
    /// </summary>
    internal sealed record PropertySpec(
        string WireName,
        string Name,
        string? Description,
        TypeRef Type,
        bool IsRequired,
        string? DefaultText,
        string? ExampleText,
        long? Minimum,
        long? Maximum,
        int? MinLength,
        int? MaxLength,
        PatternSpec? Pattern,
        EquatableArray<string> SupportedBy);
}
