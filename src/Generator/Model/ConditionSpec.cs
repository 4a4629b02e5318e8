namespace CreateImageSdk.Generator.Model
{
    /// <summary>
    /// One clause of an <c>if</c>: the property's value is one of <see cref="Values"/> (a null value stands for
    /// "absent"), and, when <see cref="Required"/>, the property is present.
    /// </summary>
    internal sealed record ConditionSpec(string Property, EquatableArray<LiteralSpec> Values, bool Required);
}
