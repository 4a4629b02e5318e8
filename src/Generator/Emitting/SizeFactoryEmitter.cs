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
            EmitChecked(w, typeName, d, whose, result);
        }

        /// <summary>
        /// <c>Custom(int width, int height)</c> on the shared value set: any positive size. Which sizes a model takes is
        /// a per-model rule checked when sending, so a custom model or a compatible server may take <c>123x77</c>.
        /// </summary>
        public static void EmitAnySize(SourceWriter w, string typeName, DimensionsSpec d, string result)
        {
            var rule = CreateImageSdk.Validation.ImageDimensionRules.Describe(d.MultipleOf, d.MaxLongEdge, d.MaxAspectRatio, d.MinPixels, d.MaxPixels);
            Docs.Summary(w, "A size of any positive width and height, written <c>WIDTHxHEIGHT</c>. Whether the model takes it is checked when the request is sent " +
                            "(models with free sizes take " + Docs.Text(rule) + "); a model-specific builder's size type checks it here already.");
            w.Line("/// <param name=\"width\">The width in pixels.</param>");
            w.Line("/// <param name=\"height\">The height in pixels.</param>");
            w.Line("/// <returns>The size.</returns>");
            w.Line("/// <exception cref=\"global::System.ArgumentOutOfRangeException\">A side is zero or negative.</exception>");
            w.Open("public static " + typeName + " Custom(int width, int height)");
            w.Line("if (width <= 0) throw new global::System.ArgumentOutOfRangeException(nameof(width), width, \"The width must be positive.\");");
            w.Line("if (height <= 0) throw new global::System.ArgumentOutOfRangeException(nameof(height), height, \"The height must be positive.\");");
            w.Line("var text = width.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + \"x\" + height.ToString(global::System.Globalization.CultureInfo.InvariantCulture);");
            w.Line("return " + result + ";");
            w.Close();
        }

        private static void EmitChecked(SourceWriter w, string typeName, DimensionsSpec d, string whose, string result)
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
