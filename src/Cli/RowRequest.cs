using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace CreateImageSdk.Cli
{
    /// <summary>
    /// One row of a table (or the flags of a single command), by wire name, turned into a typed request. Values are
    /// parsed into the SDK's types, so every mistake is refused with the allowed values before anything is sent;
    /// the generated <c>Validate()</c> then checks the per-model rules.
    /// </summary>
    internal static class RowRequest
    {
        /// <summary>The columns a row may have besides <c>id</c>: the request's own wire names.</summary>
        public static readonly string[] Columns =
            { "prompt", "model", "n", "size", "quality", "background", "output_format", "output_compression", "moderation", "style", "response_format", "user" };

        /// <summary>The request, or the reasons the row cannot be one (each naming the column and the allowed values).</summary>
        public static (CreateImageRequest? Request, IReadOnlyList<string> Problems) Build(IReadOnlyDictionary<string, string?> row)
        {
            var problems = new List<string>();
            foreach (var column in row.Keys.Where(k => k != "id" && Array.IndexOf(Columns, k) < 0))
            {
                problems.Add("column '" + column + "' is not a request parameter; columns: id, " + string.Join(", ", Columns) + ".");
            }

            string? Get(string name) => row.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value!.Trim() : null;
            var prompt = row.TryGetValue("prompt", out var p) ? p : null;
            if (string.IsNullOrEmpty(prompt))
            {
                problems.Add("prompt is required.");
                return (null, problems);
            }

            var request = new CreateImageRequest { Prompt = prompt! };
            if (Get("model") is { } model) request = request with { Model = ImageModel.Custom(model) };
            if (Get("n") is { } n) request = Number(n, "n", problems) is { } count ? request with { Count = count } : request;
            if (Get("size") is { } size) request = Size(size, problems) is { } parsed ? request with { Size = parsed } : request;
            if (Get("quality") is { } quality) request = Enum<ImageQuality>(quality, "quality", ImageQualityExtensions.TryParse, problems, out var q) ? request with { Quality = q } : request;
            if (Get("background") is { } background) request = Enum<ImageBackground>(background, "background", ImageBackgroundExtensions.TryParse, problems, out var b) ? request with { Background = b } : request;
            if (Get("output_format") is { } format) request = Enum<ImageOutputFormat>(format, "output_format", ImageOutputFormatExtensions.TryParse, problems, out var f) ? request with { OutputFormat = f } : request;
            if (Get("output_compression") is { } compression) request = Number(compression, "output_compression", problems) is { } c ? request with { OutputCompression = c } : request;
            if (Get("moderation") is { } moderation) request = Enum<ImageModeration>(moderation, "moderation", ImageModerationExtensions.TryParse, problems, out var m) ? request with { Moderation = m } : request;
            if (Get("style") is { } style) request = Enum<ImageStyle>(style, "style", ImageStyleExtensions.TryParse, problems, out var s) ? request with { Style = s } : request;
            if (Get("response_format") is { } responseFormat) request = Enum<ImageResponseFormat>(responseFormat, "response_format", ImageResponseFormatExtensions.TryParse, problems, out var r) ? request with { ResponseFormat = r } : request;
            if (Get("user") is { } user) request = request with { User = user };

            problems.AddRange(request.Validate().Select(v => v.Message));
            return (problems.Count == 0 ? request : null, problems);
        }

        private delegate bool TryParse<T>(string? text, out T value);

        private static bool Enum<T>(string text, string name, TryParse<T> parse, List<string> problems, out T value)
            where T : struct, System.Enum
        {
            if (parse(text, out value)) return true;
            problems.Add(name + " '" + text + "' is not valid; allowed values: " + string.Join(", ", System.Enum.GetValues(typeof(T)).Cast<T>().Select(WireOf)) + ".");
            return false;
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
