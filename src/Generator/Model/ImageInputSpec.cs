namespace CreateImageSdk.Generator.Model
{
    /// <summary>
    /// The <c>x-image-input</c> extension keyword on an uploaded image (or list of them): the formats accepted, the
    /// largest file, whether it must be square, and the property whose first image it must match in size (a mask).
    /// </summary>
    internal sealed record ImageInputSpec(EquatableArray<string> MediaTypes, long? MaxBytes, bool Square, string? SameSizeAs);
}
