namespace CreateImageSdk.Generator.Model
{
    /// <summary>What a <c>then</c> demands of one property; with <see cref="Dimensions"/>, a value outside <see cref="AllowedValues"/> may still pass as a free size.</summary>
    internal sealed record ConstraintSpec(
        string Property,
        EquatableArray<LiteralSpec> AllowedValues,
        long? Minimum,
        long? Maximum,
        int? MaxLength,
        bool Forbidden,
        bool Required,
        DimensionsSpec? Dimensions = null)
    {
        public bool HasAllowedValues => AllowedValues.Count > 0;

        /// <summary>For a list: the fewest items (only from a property's own <c>minItems</c>).</summary>
        public int? MinItems { get; init; }

        /// <summary>For a list: the most items this rule allows.</summary>
        public int? MaxItems { get; init; }

        /// <summary>For uploaded images: what this rule demands of each.</summary>
        public ImageInputSpec? Input { get; init; }
    }
}
