using System.Globalization;

namespace CreateImageSdk.Validation
{
    /// <summary>
    /// The free-size check behind the <c>x-image-dimensions</c> schema keyword. One implementation, compiled into
    /// both the runtime (request validation, <c>ImageSize.Custom</c>) and the generator (which sizes each model
    /// accepts, for the docs), so the two can never disagree.
    /// </summary>
    internal static class ImageDimensionRules
    {
        /// <summary>Parses <c>WIDTHxHEIGHT</c> with positive decimal sides.</summary>
        public static bool TryParse(string? value, out int width, out int height)
        {
            width = height = 0;
            if (value is null) return false;
            var x = value.IndexOf('x');
            return x > 0 && x < value.Length - 1 &&
                   int.TryParse(value.Substring(0, x), NumberStyles.None, CultureInfo.InvariantCulture, out width) &&
                   int.TryParse(value.Substring(x + 1), NumberStyles.None, CultureInfo.InvariantCulture, out height) &&
                   width > 0 && height > 0;
        }

        /// <summary>Why the size breaks the rule, or null when it satisfies it.</summary>
        public static string? Problem(int width, int height, int multipleOf, int maxLongEdge, int maxAspectRatio, long minPixels, long maxPixels)
        {
            if (width <= 0 || height <= 0) return "both sides must be positive";
            if (width % multipleOf != 0 || height % multipleOf != 0) return "both sides must be multiples of " + Format(multipleOf);
            var longEdge = width > height ? width : height;
            var shortEdge = width > height ? height : width;
            if (longEdge > maxLongEdge) return "the longest side must be at most " + Format(maxLongEdge);
            if (longEdge > (long)shortEdge * maxAspectRatio) return "the aspect ratio must be between 1:" + Format(maxAspectRatio) + " and " + Format(maxAspectRatio) + ":1";
            var pixels = (long)width * height;
            if (pixels < minPixels || pixels > maxPixels) return "the pixel count must be between " + Format(minPixels) + " and " + Format(maxPixels);
            return null;
        }

        /// <summary>The rule in words, for messages and docs.</summary>
        public static string Describe(int multipleOf, int maxLongEdge, int maxAspectRatio, long minPixels, long maxPixels) =>
            "WIDTHxHEIGHT with both sides multiples of " + Format(multipleOf) + ", the longest side at most " + Format(maxLongEdge) +
            ", an aspect ratio between 1:" + Format(maxAspectRatio) + " and " + Format(maxAspectRatio) + ":1, and " + Format(minPixels) + " to " + Format(maxPixels) + " pixels";

        private static string Format(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);
    }
}
