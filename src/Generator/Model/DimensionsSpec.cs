namespace CreateImageSdk.Generator.Model
{
    /// <summary>
    /// The <c>x-image-dimensions</c> extension keyword: a <c>WIDTHxHEIGHT</c> string is valid when both sides are
    /// multiples of <see cref="MultipleOf"/>, the longest side is at most <see cref="MaxLongEdge"/>, the ratio of
    /// the sides is at most <see cref="MaxAspectRatio"/>, and the pixel count is within the bounds.
    /// </summary>
    internal sealed record DimensionsSpec(int MultipleOf, int MaxLongEdge, int MaxAspectRatio, long MinPixels, long MaxPixels);
}
