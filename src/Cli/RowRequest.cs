using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace CreateImageSdk.Cli
{
    /// <summary>
    /// One row of a table (or the flags of a single command), by wire name, turned into a typed request: a generation,
    /// or an edit when the row names images to edit. Values are parsed into the SDK's types, so every mistake is
    /// refused with the allowed values before anything is sent; the generated <c>Validate()</c> then checks the
    /// per-model rules (for an edit, also the images: formats, count, size, the mask's size).
    /// </summary>
    internal static class RowRequest
    {
        /// <summary>The column of the images to edit; one or more paths make the row an edit.</summary>
        public const string Edit = "edit";

        /// <summary>The column of an edit's mask: a PNG of the first image's size.</summary>
        public const string Mask = "mask";

        /// <summary>The request parameters a row may set besides <c>id</c>, <c>edit</c> and <c>mask</c>: wire names, each also a flag.</summary>
        public static readonly string[] Columns =
            { "prompt", "model", "n", "size", "quality", "background", "output_format", "output_compression", "moderation", "style", "input_fidelity", "response_format", "user" };

        /// <summary>Parameters the edits endpoint does not have: a generation's only.</summary>
        public static readonly string[] GenerationOnly = { "moderation", "style" };

        /// <summary>Parameters the generations endpoint does not have: an edit's only.</summary>
        public static readonly string[] EditOnly = { "input_fidelity" };

        /// <summary>
        /// Whether a request of the given kind has the parameter <paramref name="column"/>. A batch's defaults (flags,
        /// <c>--settings</c>) fill only the cells a row's request has, so one set of defaults serves a mixed table.
        /// </summary>
        public static bool Takes(string column, bool edit) =>
            Array.IndexOf(edit ? GenerationOnly : EditOnly, column) < 0;

        /// <summary>The request, or the reasons the row cannot be one (each naming the column and the allowed values).</summary>
        /// <param name="row">The cells by wire name (and <c>mask</c>).</param>
        /// <param name="edits">The paths of the images to edit, in order; none for a generation.</param>
        /// <param name="folder">The folder relative image paths start from.</param>
        public static (PreparedRequest? Request, IReadOnlyList<string> Problems) Build(IReadOnlyDictionary<string, string?> row, IReadOnlyList<string> edits, string folder)
        {
            var problems = new List<string>();
            foreach (var column in row.Keys.Where(k => k != "id" && k != Edit && k != Mask && Array.IndexOf(Columns, k) < 0))
            {
                problems.Add("column '" + column + "' is not a request parameter; columns: id, " + string.Join(", ", Columns) + ", " + Edit + ", " + Mask + ".");
            }

            string? Get(string name) => row.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value!.Trim() : null;
            var prompt = row.TryGetValue("prompt", out var p) ? p : null;
            if (string.IsNullOrEmpty(prompt))
            {
                problems.Add("prompt is required.");
                return (null, problems);
            }

            // Refused here rather than left out: a value the user wrote and the endpoint would never see is a mistake.
            var edit = edits.Count > 0;
            foreach (var column in (edit ? GenerationOnly : EditOnly).Where(c => Get(c) != null))
            {
                problems.Add(edit
                    ? column + " is for generations only: an edit (--edit, or an edit cell) does not take it."
                    : column + " is for edits only: it needs an image to edit (--edit, or an edit cell).");
            }

            if (!edit && Get(Mask) != null) problems.Add("mask needs an image to edit: a mask marks where the first edit image may change (--edit, or an edit cell).");

            var model = Get("model") is { } m ? ImageModel.Custom(m) : (ImageModel?)null;
            var count = Get("n") is { } n ? Number(n, "n", problems) : null;
            var size = Get("size") is { } s ? Size(s, problems) : null;
            var quality = Get("quality") is { } q ? Enum<ImageQuality>(q, "quality", ImageQualityExtensions.TryParse, problems) : null;
            var background = Get("background") is { } b ? Enum<ImageBackground>(b, "background", ImageBackgroundExtensions.TryParse, problems) : null;
            var format = Get("output_format") is { } f ? Enum<ImageOutputFormat>(f, "output_format", ImageOutputFormatExtensions.TryParse, problems) : null;
            var compression = Get("output_compression") is { } c ? Number(c, "output_compression", problems) : null;
            var responseFormat = Get("response_format") is { } r ? Enum<ImageResponseFormat>(r, "response_format", ImageResponseFormatExtensions.TryParse, problems) : null;
            var user = Get("user");
            if (!edit)
            {
                var generation = new CreateImageRequest
                {
                    Prompt = prompt!, Model = model, Count = count, Size = size, Quality = quality, Background = background, OutputFormat = format,
                    OutputCompression = compression, ResponseFormat = responseFormat, User = user,
                    Moderation = Get("moderation") is { } mo ? Enum<ImageModeration>(mo, "moderation", ImageModerationExtensions.TryParse, problems) : null,
                    Style = Get("style") is { } st ? Enum<ImageStyle>(st, "style", ImageStyleExtensions.TryParse, problems) : null,
                };
                problems.AddRange(generation.Validate().Select(v => v.Message));
                return (problems.Count == 0 ? new PreparedRequest(generation) : null, problems);
            }

            var images = edits.Select(path => ImageFiles.Open(Edit, path, folder, problems)).ToList();
            var mask = Get(Mask) is { } maskPath ? ImageFiles.Open(Mask, maskPath, folder, problems) : null;
            // A file that could not be opened leaves the per-model rules (how many images, which formats, the mask's
            // size) nothing true to check; its own sentence says what is wrong.
            if (images.Any(i => i is null) || (Get(Mask) != null && mask is null)) return (null, problems);
            var request = new EditImageRequest
            {
                Prompt = prompt!, Images = images!, Mask = mask, Model = model, Count = count, Size = size, Quality = quality, Background = background,
                OutputFormat = format, OutputCompression = compression, ResponseFormat = responseFormat, User = user,
                InputFidelity = Get("input_fidelity") is { } fi ? Enum<InputFidelity>(fi, "input_fidelity", InputFidelityExtensions.TryParse, problems) : null,
            };
            problems.AddRange(request.Validate().Select(v => v.Message));
            return (problems.Count == 0 ? new PreparedRequest(request) : null, problems);
        }

        private delegate bool TryParse<T>(string? text, out T value);

        private static T? Enum<T>(string text, string name, TryParse<T> parse, List<string> problems)
            where T : struct, System.Enum
        {
            if (parse(text, out var value)) return value;
            problems.Add(name + " '" + text + "' is not valid; allowed values: " + string.Join(", ", System.Enum.GetValues(typeof(T)).Cast<T>().Select(WireOf)) + ".");
            return null;
        }

        private static string WireOf<T>(T value)
            where T : struct, System.Enum =>
            value switch
            {
                ImageQuality x => x.ToWireString(),
                ImageBackground x => x.ToWireString(),
                ImageOutputFormat x => x.ToWireString(),
                ImageModeration x => x.ToWireString(),
                ImageStyle x => x.ToWireString(),
                ImageResponseFormat x => x.ToWireString(),
                InputFidelity x => x.ToWireString(),
                _ => value.ToString(),
            };

        private static int? Number(string text, string name, List<string> problems)
        {
            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)) return value;
            problems.Add(name + " '" + text + "' is not a whole number.");
            return null;
        }

        private static ImageSize? Size(string text, List<string> problems)
        {
            var known = ImageSize.KnownValues.FirstOrDefault(s => s.Value == text);
            if (known.Value is { Length: > 0 }) return known;
            var x = text.IndexOf('x');
            if (x > 0 && int.TryParse(text.AsSpan(0, x), NumberStyles.None, CultureInfo.InvariantCulture, out var w) &&
                int.TryParse(text.AsSpan(x + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var h) && w > 0 && h > 0)
            {
                return ImageSize.Custom(w, h);
            }

            problems.Add("size '" + text + "' is not valid; allowed values: " + string.Join(", ", ImageSize.KnownValues.Select(s => s.Value)) + ", or WIDTHxHEIGHT.");
            return null;
        }
    }
}
