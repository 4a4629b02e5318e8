namespace CreateImageSdk.Generator.Model
{
    /// <summary>Everything one schema file contributes to the generated code.</summary>
    /// <param name="FileName">The file's name, for generated headers.</param>
    /// <param name="Objects">The object types it defines.</param>
    /// <param name="Enums">The value sets it defines.</param>
    /// <param name="FilePath">The file's full path, where diagnostics found across schemas point.</param>
    internal sealed record SchemaSpec(string FileName, EquatableArray<ObjectSpec> Objects, EquatableArray<EnumSpec> Enums, string FilePath = "");
}
