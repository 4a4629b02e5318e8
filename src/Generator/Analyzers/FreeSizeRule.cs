using System.Globalization;

namespace CreateImageSdk.Analyzers
{
    /// <summary>
    /// The free <c>WIDTHxHEIGHT</c> rule (the schema's <c>x-image-dimensions</c>) as a model's rule carries it. The SDK
    /// has the same check; it is written again here because this assembly must depend on nothing but Roslyn.
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

        public bool Accepts(string value)
        {
            if (!TryParse(value, out var width, out var height)) return false;
            if (width % MultipleOf != 0 || height % MultipleOf != 0) return false;
            var longEdge = width > height ? width : height;
            var shortEdge = width > height ? height : width;
            if (longEdge > MaxLongEdge || longEdge > (long)shortEdge * MaxAspectRatio) return false;
            var pixels = (long)width * height;
            return pixels >= MinPixels && pixels <= MaxPixels;
        }

        /// <summary>The rule in the words the SDK's own validation message uses.</summary>
        public string Describe() =>
            "WIDTHxHEIGHT with both sides multiples of " + Format(MultipleOf) + ", the longest side at most " + Format(MaxLongEdge) +
            ", an aspect ratio between 1:" + Format(MaxAspectRatio) + " and " + Format(MaxAspectRatio) + ":1, and " +
            Format(MinPixels) + " to " + Format(MaxPixels) + " pixels";

        /// <summary>Parses <c>WIDTHxHEIGHT</c> with positive decimal sides.</summary>
        public static bool TryParse(string value, out int width, out int height)
        {
            width = height = 0;
            var x = value.IndexOf('x');
            return x > 0 && x < value.Length - 1 &&
                   int.TryParse(value.Substring(0, x), NumberStyles.None, CultureInfo.InvariantCulture, out width) &&
                   int.TryParse(value.Substring(x + 1), NumberStyles.None, CultureInfo.InvariantCulture, out height) &&
                   width > 0 && height > 0;
        }

        private static string Format(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);
    }
}
