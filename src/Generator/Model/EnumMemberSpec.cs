namespace CreateImageSdk.Generator.Model
{
    /// <summary>One known value of an enum; <see cref="SupportedBy"/> lists the discriminator values that accept it when rules restrict it.</summary>
    internal sealed record EnumMemberSpec(string WireValue, string Name, string? Description, EquatableArray<string> SupportedBy);
}
