using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace CreateImageSdk.Cli
{
    /// <summary>
    /// The image files of an edit (<c>--edit</c>/<c>--mask</c>, or a row's <c>edit</c> and <c>mask</c> cells): paths
    /// split out of a cell, resolved against a folder, and opened as SDK inputs, every mistake a plain sentence.
    /// </summary>
    internal static class ImageFiles
    {
        // Both separators, because ';' is the list separator people type in spreadsheets and '|' survives a CSV export
        // whose own delimiter is ';'. Neither is usual in a file name.
        private static readonly char[] Separators = { ';', '|' };

        /// <summary>The paths in one cell: split on <c>;</c> or <c>|</c>, trimmed, empty entries dropped.</summary>
        public static List<string> Split(string? cell) =>
            cell is null ? new List<string>() : cell.Split(Separators).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();

        /// <summary>
        /// The image at <paramref name="path"/> (relative paths from <paramref name="folder"/>), with its format read
        /// from its first bytes; null, with the reason added to <paramref name="problems"/>, when it cannot be one.
        /// </summary>
        /// <param name="column">How the problem names the input: <c>edit</c> or <c>mask</c>.</param>
        /// <param name="path">The path as the user wrote it; messages quote it so, not resolved.</param>
        /// <param name="folder">The folder relative paths start from: the table's for a batch, the current one for a single command.</param>
        /// <param name="problems">Where the reason goes.</param>
        public static ImageInput? Open(string column, string path, string folder, List<string> problems)
        {
            var full = Path.GetFullPath(path, folder);
            if (!File.Exists(full))
            {
                problems.Add(column + ": the image file '" + path + "' does not exist" + (Path.IsPathRooted(path) ? "." : " (looked for " + full + ")."));
                return null;
            }

            try
            {
                // The name sent is the file's own; only the header is read here, the bytes when the request is written.
                return ImageInput.FromFile(full);
            }
            catch (Exception ex) when (ex is ArgumentException || ex is IOException || ex is UnauthorizedAccessException)
            {
                // The SDK's sentence names the file and the formats it takes; without the "(Parameter 'path')" tail.
                var sentence = ex.Message.Split(" (Parameter '")[0];
                problems.Add(column + ": " + (sentence.Length > 0 ? char.ToLowerInvariant(sentence[0]) + sentence.Substring(1) : "'" + path + "' could not be read."));
                return null;
            }
        }
    }
}
