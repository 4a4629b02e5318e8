namespace CreateImageSdk.Generator.Model
{
    /// <summary>
    /// A set of string values: closed (a C# enum) or open (a struct with known members and an explicit factory).
    /// </summary>
    internal sealed record EnumSpec(
        string Name,
        string ShortName,
        string? Description,
        bool IsOpen,
        string? DefaultValue,
        EquatableArray<EnumMemberSpec> Members,
        DimensionsSpec? Dimensions = null);
}
