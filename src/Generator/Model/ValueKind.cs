namespace CreateImageSdk.Generator.Model
{
    /// <summary>The C# shape a schema value maps to.</summary>
    internal enum ValueKind
    {
        String,
        Integer,
        Number,
        Boolean,
        Uri,
        Base64Bytes,
        UnixTime,
        ClosedEnum,
        OpenEnum,
        Object,
        Array,

        /// <summary>An uploaded file (<c>type: string, format: binary</c>): <c>ImageInput</c>, sent in a multipart form.</summary>
        Binary,
    }
}
