namespace CreateImageSdk.Generator.Model
{
    /// <summary>
    /// The <c>definitions</c> of one schema file as compact JSON text, so other files in <c>schemas/</c> can use them by
    /// a relative <c>$ref</c> (<c>image-common.schema.json#/definitions/ImageModel</c>). Text compares by value: editing
    /// a file's rules leaves its definitions equal, and no other file is parsed again.
    /// </summary>
    internal sealed record SharedDefinitions(string FileName, string Json);
}
