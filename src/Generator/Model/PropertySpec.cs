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
        EquatableArray<string> SupportedBy)
    {
        /// <summary>For a list: the fewest items (<c>minItems</c>).</summary>
        public int? MinItems { get; init; }

        /// <summary>For a list: the most items (<c>maxItems</c>).</summary>
        public int? MaxItems { get; init; }

        /// <summary>For uploaded images: what each must be (<c>x-image-input</c>).</summary>
        public ImageInputSpec? Input { get; init; }
    }
}
