using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace CreateImageSdk.Cli.Batch
{
    /// <summary>
    /// The file name stem of each row's images, from its id. An id is user text: it may hold <c>../</c>, separators, an
    /// absolute path, a device name (<c>CON</c>), characters no file system takes, or be longer than a file name may
    /// be; two ids may differ only in case (one file on Windows and macOS), or one may look like another's second image
    /// (<c>koi-2</c> beside <c>koi</c> with n = 2). Every stem is a plain name inside <c>--out</c>, and no two rows share
    /// one: an id that had to change, or that would collide, gets a short hash of the id itself, so the same table always
    /// gives the same names (a rerun finds its files).
    /// </summary>
    internal static class ImageFileNames
    {
        /// <summary>The most UTF-8 bytes of a stem: file names may have 255, and suffixes (<c>-10.webp</c>, <c>.response.json.partial</c>) follow.</summary>
        public const int MaxStemBytes = 120;

        private static readonly Regex Reserved = new Regex(@"^(CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³])$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        private static readonly Regex Numbered = new Regex(@"^(?<stem>.+)-[0-9]+$", RegexOptions.CultureInvariant);

        /// <summary>Each id's stem; ids are unique (the runner refuses duplicates first).</summary>
        public static IReadOnlyDictionary<string, string> For(IEnumerable<string> ids)
        {
            var stems = new Dictionary<string, string>(StringComparer.Ordinal);
            var hashed = new HashSet<string>(StringComparer.Ordinal);
            foreach (var id in ids)
            {
                var clean = Clean(id);
                if (clean != id)
                {
                    clean = WithHash(clean, id);
                    hashed.Add(id);
                }

                stems[id] = clean;
            }

            // Case-only twins, and an id that reads as another row's numbered image, each get their hash too.
            var taken = new HashSet<string>(stems.Values, StringComparer.OrdinalIgnoreCase);
            foreach (var group in stems.GroupBy(p => p.Value, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).ToList())
            {
                foreach (var pair in group.Where(p => !hashed.Contains(p.Key))) stems[pair.Key] = WithHash(pair.Value, pair.Key);
            }

            foreach (var pair in stems.ToList())
            {
                var numbered = Numbered.Match(pair.Value);
                if (numbered.Success && taken.Contains(numbered.Groups["stem"].Value) && !hashed.Contains(pair.Key)) stems[pair.Key] = WithHash(pair.Value, pair.Key);
            }

            return stems;
        }

        /// <summary>What a file system takes of an id: no separators, dots, control or reserved characters, device names, or trailing spaces.</summary>
        private static string Clean(string id)
        {
            var builder = new StringBuilder(id.Length);
            foreach (var c in id)
            {
                builder.Append(c < 32 || c == 127 || "<>:\"/\\|?*.".IndexOf(c) >= 0 ? '_' : c);
            }

            var clean = builder.ToString().Trim();
            if (clean.Length == 0) clean = "row";
            if (Reserved.IsMatch(clean)) clean = "_" + clean;
            return Truncate(clean, MaxStemBytes - 9);
        }

        private static string WithHash(string stem, string id)
        {
            using var sha = SHA256.Create();
            var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(id));
            return stem + "-" + string.Concat(hash.Take(4).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
        }

        /// <summary>At most <paramref name="bytes"/> UTF-8 bytes, never splitting a surrogate pair.</summary>
        private static string Truncate(string text, int bytes)
        {
            if (Encoding.UTF8.GetByteCount(text) <= bytes) return text;
            var length = 0;
            var used = 0;
            while (length < text.Length)
            {
                var step = char.IsHighSurrogate(text[length]) && length + 1 < text.Length ? 2 : 1;
                var size = Encoding.UTF8.GetByteCount(text.Substring(length, step));
                if (used + size > bytes) break;
                used += size;
                length += step;
            }

            return text.Substring(0, length);
        }
    }
}
