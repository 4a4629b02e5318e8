using System;
using System.Globalization;

namespace CreateImageSdk.Security
{
    /// <summary>
    /// Checks a credential or header setting when the client is created, so a key read from a file with a newline
    /// fails there, naming the setting, instead of as a header FormatException on the first call. The message
    /// never contains the value.
    /// </summary>
    internal static class HeaderValueCheck
    {
        /// <summary>The value without surrounding whitespace; null when empty.</summary>
        /// <param name="value">The configured value.</param>
        /// <param name="setting">Where it came from, e.g. <c>ApiKey</c> or <c>OPENAI_API_KEY</c>.</param>
        /// <exception cref="ArgumentException">The value has a space, line break, control or non-ASCII character inside.</exception>
        public static string? Normalize(string? value, string setting)
        {
            if (value is null) return null;
            var trimmed = value.Trim();
            if (trimmed.Length == 0) return null;
            for (var i = 0; i < trimmed.Length; i++)
            {
                var c = trimmed[i];
                if (c > ' ' && c < 0x7F) continue;
                var what = c == '\n' || c == '\r' ? "a line break" : c == ' ' || c == '\t' ? "whitespace" : c < ' ' || c == 0x7F ? "a control character" : "a non-ASCII character";
                throw new ArgumentException(
                    setting + " contains " + what + " at position " + (i + 1).ToString(CultureInfo.InvariantCulture) +
                    " (the value is not shown). It must be one line of printable ASCII characters without spaces; check how it was copied or read.",
                    setting);
            }

            return trimmed;
        }
    }
}
