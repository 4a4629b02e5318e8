using System;
using System.Text;

namespace CreateImageSdk.Http
{
    /// <summary>
    /// Masks the API key in text a server sent back, which becomes exception messages that end up in logs. Servers
    /// echo the whole key (proxies, compatible servers) or a masked form of it (OpenAI: the key's first characters,
    /// a run of asterisks, its last four characters); both become <c>***</c>.
    /// </summary>
    internal sealed class SecretScrubber
    {
        private const string Mask = "***";
        private const int TailLength = 4;
        private readonly string? _key;

        public SecretScrubber(string? key) => _key = key is { Length: >= 4 } ? key : null;

        public string? Scrub(string? text)
        {
            if (text is null || _key is null) return text;
            text = text.Replace(_key, Mask);
            // A masked form of a very short key would match unrelated text.
            return _key.Length < 8 || text.IndexOf('*') < 0 ? text : ScrubMaskedForms(text, _key);
        }

        /// <summary>Every run of asterisks that follows a prefix of the key or precedes its tail, with those parts.</summary>
        private static string ScrubMaskedForms(string text, string key)
        {
            var tail = key.Substring(key.Length - TailLength);
            var result = new StringBuilder(text.Length);
            var copied = 0;
            var i = 0;
            while (i < text.Length)
            {
                if (text[i] != '*')
                {
                    i++;
                    continue;
                }

                var runStart = i;
                while (i < text.Length && text[i] == '*') i++;
                var runEnd = i;
                if (runEnd - runStart < 3) continue;

                var prefix = PrefixLengthBefore(text, runStart, copied, key);
                var hasTail = runEnd + TailLength <= text.Length && string.CompareOrdinal(text, runEnd, tail, 0, TailLength) == 0;
                if (prefix < 3 && !hasTail) continue;

                var start = runStart - prefix;
                var end = hasTail ? runEnd + TailLength : runEnd;
                result.Append(text, copied, start - copied).Append(Mask);
                copied = i = end;
            }

            return copied == 0 ? text : result.Append(text, copied, text.Length - copied).ToString();
        }

        /// <summary>The length of the longest start of the key that ends right before <paramref name="position"/>.</summary>
        private static int PrefixLengthBefore(string text, int position, int floor, string key)
        {
            var longest = Math.Min(position - floor, key.Length - TailLength);
            for (var length = longest; length > 0; length--)
            {
                if (string.CompareOrdinal(text, position - length, key, 0, length) == 0) return length;
            }

            return 0;
        }
    }
}
