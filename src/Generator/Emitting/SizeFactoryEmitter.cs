using System.Globalization;
using CreateImageSdk.Generator.Model;

namespace CreateImageSdk.Generator.Emitting
{
    /// <summary>
    /// <c>Custom(int width, int height)</c> for a value set with <c>x-image-dimensions</c>: checks the size against the
    /// rule (the SDK's <c>ImageDimensionRules</c>) and names the broken part in the exception.
    /// </summary>
    internal static class SizeFactoryEmitter
    {
        /// <param name="result">An expression over the local <c>text</c> (<c>WIDTHxHEIGHT</c>) that makes the value.</param>
        public static void Emit(SourceWriter w, string typeName, DimensionsSpec d, string whose, string result)
        {
            var args = string.Join(", ", I(d.MultipleOf), I(d.MaxLongEdge), I(d.MaxAspectRatio), L(d.MinPixels), L(d.MaxPixels));
            var rule = CreateImageSdk.Validation.ImageDimensionRules.Describe(d.MultipleOf, d.MaxLongEdge, d.MaxAspectRatio, d.MinPixels, d.MaxPixels);
            Docs.Summary(w, "A free size " + whose + ": " + Docs.Text(rule) + ".");
            w.Line("/// <param name=\"width\">The width in pixels.</param>");
            w.Line("/// <param name=\"height\">The height in pixels.</param>");
            w.Line("/// <returns>The size, written <c>WIDTHxHEIGHT</c> on the wire.</returns>");
            w.Line("/// <exception cref=\"global::System.ArgumentOutOfRangeException\">The size breaks the rule; the message says how.</exception>");
            w.Open("public static " + typeName + " Custom(int width, int height)");
            w.Line("var text = width.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + \"x\" + height.ToString(global::System.Globalization.CultureInfo.InvariantCulture);");
            w.Line("var problem = global::CreateImageSdk.Validation.ImageDimensionRules.Problem(width, height, " + args + ");");
            w.Line("if (problem != null) throw new global::System.ArgumentOutOfRangeException(nameof(width), text + \" is not a valid free size: \" + problem + " +
                   Identifiers.Literal(". Allowed: " + rule + ".") + ");");
            w.Line("return " + result + ";");
            w.Close();
        }

        private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);

        private static string L(long value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
