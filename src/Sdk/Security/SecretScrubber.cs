using System;
using System.Text;

namespace CreateImageSdk.Security
{
    /// <summary>
    /// Masks the API key in text a server sent back, which becomes exception messages that end up in logs. Servers
    /// echo the whole key (proxies, compatible servers), a masked form of it (OpenAI: the key's first characters, a
    /// run of asterisks, its last four characters), or a piece of it (a body cut off mid-key); every piece of six or
    /// more characters, and the masked forms, become <c>***</c>.
    /// </summary>
    internal sealed class SecretScrubber
    {
        /// <summary>For text that no key can be in (downloads carry none).</summary>
        public static readonly SecretScrubber None = new SecretScrubber(null);

        private const string Mask = "***";

        // Any run this long that also occurs in the key is masked wherever it appears.
        private const int MinPiece = 6;

        // Beside a run of asterisks (a masked form), shorter pieces are masked too.
        private const int MinPieceBesideStars = 3;

        private readonly string? _key;

        public SecretScrubber(string? key) => _key = key is { Length: >= 4 } ? key : null;

        public string? Scrub(string? text)
        {
            if (text is null || _key is null) return text;
            text = text.Replace(_key, Mask);
            if (_key.Length < MinPiece) return text;

            bool[]? masked = null;
            for (var i = 0; i < text.Length; i++)
            {
                var length = LongestPieceAt(text, i, _key);
                if (length >= MinPiece) Mark(ref masked, text.Length, i, length);
            }

            for (var i = 0; i < text.Length;)
            {
                if (text[i] != '*')
                {
                    i++;
                    continue;
                }

                var start = i;
                while (i < text.Length && text[i] == '*') i++;
                var before = LongestPieceEndingAt(text, start, _key);
                var after = LongestPieceAt(text, i, _key);
                if (before >= MinPieceBesideStars || after >= MinPieceBesideStars || (i - start >= 3 && after == 4 && i + 4 <= text.Length))
                {
                    var from = before >= MinPieceBesideStars ? start - before : start;
                    var to = after >= MinPieceBesideStars ? i + after : i;
                    Mark(ref masked, text.Length, from, to - from);
                }
            }

            return masked is null ? text : Apply(text, masked);
        }

        /// <summary>The length of the longest piece of the key that starts at <paramref name="position"/>.</summary>
        private static int LongestPieceAt(string text, int position, string key)
        {
            var longest = 0;
            if (position >= text.Length) return 0;
            for (var j = key.IndexOf(text[position]); j >= 0; j = j + 1 < key.Length ? key.IndexOf(text[position], j + 1) : -1)
            {
                var length = 0;
                while (position + length < text.Length && j + length < key.Length && text[position + length] == key[j + length]) length++;
                if (length > longest) longest = length;
            }

            return longest;
        }

        /// <summary>The length of the longest piece of the key that ends right before <paramref name="position"/>.</summary>
        private static int LongestPieceEndingAt(string text, int position, string key)
        {
            for (var length = Math.Min(position, key.Length); length >= MinPieceBesideStars; length--)
            {
                if (key.IndexOf(text.Substring(position - length, length), StringComparison.Ordinal) >= 0) return length;
            }

            return 0;
        }

        private static void Mark(ref bool[]? masked, int textLength, int start, int length)
        {
            masked ??= new bool[textLength];
            for (var i = start; i < start + length; i++) masked[i] = true;
        }

        private static string Apply(string text, bool[] masked)
        {
            var result = new StringBuilder(text.Length);
            for (var i = 0; i < text.Length; i++)
            {
                if (!masked[i])
                {
                    result.Append(text[i]);
                }
                else if (i == 0 || !masked[i - 1])
                {
                    result.Append(Mask);
                }
            }

            return result.ToString();
        }
    }
}
