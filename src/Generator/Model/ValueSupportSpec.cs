namespace CreateImageSdk.Generator.Model
{
    /// <summary>For one operation: the models that accept one value of one enum property, when not every model does.</summary>
    internal sealed record ValueSupportSpec(string Property, string Value, EquatableArray<string> SupportedBy);
}
