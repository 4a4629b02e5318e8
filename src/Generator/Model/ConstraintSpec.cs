namespace CreateImageSdk.Generator.Model
{
    /// <summary>What a <c>then</c> demands of one property.</summary>
    internal sealed record ConstraintSpec(
        string Property,
        EquatableArray<LiteralSpec> AllowedValues,
        long? Minimum,
        long? Maximum,
        int? MaxLength,
        bool Forbidden,
        bool Required)
    {
        public bool HasAllowedValues => AllowedValues.Count > 0;
    }
}
