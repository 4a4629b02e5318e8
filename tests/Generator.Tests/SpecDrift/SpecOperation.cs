namespace CreateImageSdk.Generator.Tests.SpecDrift
{
    /// <summary>One operation of the official spec and the schema in <c>schemas/</c> that implements it.</summary>
    /// <param name="Name">The short name differences are reported under (<c>generations</c>, <c>edits</c>, <c>edits-json</c>).</param>
    /// <param name="Path">The spec's path (<c>/images/edits</c>).</param>
    /// <param name="ContentType">The request body's media type in the spec.</param>
    /// <param name="SchemaFile">Our schema's file name in <c>schemas/</c>.</param>
    internal sealed record SpecOperation(string Name, string Path, string ContentType, string SchemaFile)
    {
        /// <summary>The operations this SDK implements; the spec may have more (it is not asked for them).</summary>
        public static readonly SpecOperation[] All =
        {
            new SpecOperation("generations", "/images/generations", "application/json", "create-image-request.schema.json"),
            new SpecOperation("edits", "/images/edits", "multipart/form-data", "edit-image-request.schema.json"),
            new SpecOperation("edits-json", "/images/edits", "application/json", "edit-image-with-references-request.schema.json"),
        };
    }
}
