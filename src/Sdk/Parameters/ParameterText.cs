using System;
using System.Globalization;

namespace CreateImageSdk
{
    /// <summary>How the generated parameter tables read text: invariant culture, a sentence naming the parameter when it is refused.</summary>
    internal static class ParameterText
    {
        public static string Text(string text) => text;

        public static int Integer(string text, string parameter) =>
            int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new ParameterTextException(parameter + " '" + text + "' is not a whole number.");

        public static double Number(string text, string parameter) =>
            double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && !double.IsNaN(value) && !double.IsInfinity(value)
                ? value
                : throw new ParameterTextException(parameter + " '" + text + "' is not a number.");

        public static bool Boolean(string text, string parameter)
        {
            switch (text.Trim().ToLowerInvariant())
            {
                case "true": case "yes": case "1": return true;
                case "false": case "no": case "0": return false;
                default: throw new ParameterTextException(parameter + " '" + text + "' is not valid; allowed values: true, false.");
            }
        }

        /// <summary>A value of a value set: trimmed, never empty (the value types refuse an empty one).</summary>
        public static string Value(string text, string parameter)
        {
            var value = text.Trim();
            return value.Length > 0 ? value : throw new ParameterTextException(parameter + " is empty; give a value.");
        }
    }

    /// <summary>Text a parameter table cannot read; its message is the sentence shown to the user.</summary>
    internal sealed class ParameterTextException : FormatException
    {
        public ParameterTextException(string message)
            : base(message)
        {
        }
    }
}
