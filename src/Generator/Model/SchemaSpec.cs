namespace CreateImageSdk.Generator.Model
{
    /// <summary>Everything one schema file contributes to the generated code.</summary>
    internal sealed record SchemaSpec(string FileName, EquatableArray<ObjectSpec> Objects, EquatableArray<EnumSpec> Enums);
}
