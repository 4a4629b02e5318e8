namespace CreateImageSdk.Generator.Model
{
    /// <summary>A property's type: a kind, the generated type's name where there is one, and the item type of arrays.</summary>
    internal sealed record TypeRef(ValueKind Kind, string? TypeName = null, TypeRef? Item = null)
    {
        /// <summary>True for types emitted as C# value types (nullable with <c>?</c>).</summary>
        public bool IsValueType => Kind is ValueKind.Integer or ValueKind.Number or ValueKind.Boolean
            or ValueKind.UnixTime or ValueKind.ClosedEnum or ValueKind.OpenEnum or ValueKind.Base64Bytes;
    }
}
