using CreateImageSdk.Validation;

namespace CreateImageSdk.Analyzers
{
    /// <summary>
    /// The free <c>WIDTHxHEIGHT</c> rule (the schema's <c>x-image-dimensions</c>) as a model's rule carries it. The check
    /// itself is the SDK's own source file, compiled in here too (a file, not a dependency: this assembly loads in
    /// every consumer's compiler and references nothing but Roslyn).
    /// </summary>
    internal sealed class FreeSizeRule
    {
        public FreeSizeRule(int multipleOf, int maxLongEdge, int maxAspectRatio, long minPixels, long maxPixels)
        {
            MultipleOf = multipleOf;
            MaxLongEdge = maxLongEdge;
            MaxAspectRatio = maxAspectRatio;
            MinPixels = minPixels;
            MaxPixels = maxPixels;
        }

        public int MultipleOf { get; }

        public int MaxLongEdge { get; }

        public int MaxAspectRatio { get; }

        public long MinPixels { get; }

        public long MaxPixels { get; }

        public bool Accepts(string value) =>
            TryParse(value, out var width, out var height) &&
            ImageDimensionRules.Problem(width, height, MultipleOf, MaxLongEdge, MaxAspectRatio, MinPixels, MaxPixels) is null;

        /// <summary>The rule in the words the SDK's own validation message uses.</summary>
        public string Describe() => ImageDimensionRules.Describe(MultipleOf, MaxLongEdge, MaxAspectRatio, MinPixels, MaxPixels);

        /// <summary>Parses <c>WIDTHxHEIGHT</c> with positive decimal sides.</summary>
        public static bool TryParse(string value, out int width, out int height) => ImageDimensionRules.TryParse(value, out width, out height);
    }
}
