namespace CreateImageSdk.Generator.Model
{
    /// <summary>
    /// One known value of an enum; <see cref="SupportedBy"/> lists the discriminator values that accept it when rules
    /// restrict it. For a value of the discriminator itself (a model), <see cref="ModelConstraints"/> holds what the
    /// rules demand of every other property when this value is chosen, one merged constraint per property.
    /// </summary>
    internal sealed record EnumMemberSpec(string WireValue, string Name, string? Description, EquatableArray<string> SupportedBy)
    {
        public EquatableArray<ConstraintSpec> ModelConstraints { get; init; } = EquatableArray<ConstraintSpec>.Empty;
    }
}
