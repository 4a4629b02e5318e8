using System;
using System.Collections.Generic;
using System.Linq;

namespace CreateImageSdk.Samples
{
    /// <summary>The command line, parsed into SDK types; every bad value says what is allowed.</summary>
    internal sealed class SampleArguments
    {
        public string Prompt { get; private set; } = string.Empty;

        public ImageModel? Model { get; private set; }

        public ImageSize? Size { get; private set; }

        public ImageQuality? Quality { get; private set; }

        public ImageStyle? Style { get; private set; }

        public int? Count { get; private set; }

        public string Output { get; private set; } = "image.png";

        /// <summary>Stream the generation, showing each partial image as it arrives (GPT image models).</summary>
        public int? StreamPartialImages { get; private set; }

        public const string Usage =
            "usage: CreateImage \"<prompt>\" [--model <model>] [--size <size>] [--quality <quality>] [--style <style>] [--n <count>] [--stream <partial images 0-3>] [--out <file.png>]";

        /// <summary>Parses the arguments, or returns the error to print.</summary>
        public static (SampleArguments? Arguments, string? Error) Parse(string[] args)
        {
            var result = new SampleArguments();
            var positional = new List<string>();
            for (var i = 0; i < args.Length; i++)
            {
                var arg = args[i];
                if (!arg.StartsWith("--", StringComparison.Ordinal))
                {
                    positional.Add(arg);
                    continue;
                }

                if (i + 1 >= args.Length) return (null, arg + " needs a value.");
                var value = args[++i];
                switch (arg)
                {
                    case "--model":
                        if (string.IsNullOrWhiteSpace(value)) return (null, Allowed("model", value, ImageModel.KnownValues.Select(m => m.Value)));
                        result.Model = ImageModel.Custom(value);
                        break;
                    case "--size":
                        // Any WIDTHxHEIGHT parses; whether the chosen model takes it is checked before sending, with its own sizes listed.
                        var size = ImageSize.KnownValues.FirstOrDefault(s => s.Value == value);
                        if (size.Value.Length == 0 && value.Split('x') is [var w, var h] && int.TryParse(w, out var width) && int.TryParse(h, out var height) && width > 0 && height > 0)
                        {
                            size = ImageSize.Custom(width, height);
                        }

                        if (size.Value.Length == 0) return (null, Allowed("size", value, ImageSize.KnownValues.Select(s => s.Value).Append("WIDTHxHEIGHT")));
                        result.Size = size;
                        break;
                    case "--quality":
                        // An open value: one this SDK does not know is sent as given when the model's rules allow it.
                        if (string.IsNullOrWhiteSpace(value)) return (null, Allowed("quality", value, ImageQuality.KnownValues.Select(q => q.Value)));
                        result.Quality = ImageQuality.Custom(value);
                        break;
                    case "--style":
                        if (string.IsNullOrWhiteSpace(value)) return (null, Allowed("style", value, ImageStyle.KnownValues.Select(s => s.Value)));
                        result.Style = ImageStyle.Custom(value);
                        break;
                    case "--n":
                        if (!int.TryParse(value, out var count) || count < 1 || count > 10) return (null, "--n must be a whole number from 1 to 10, not '" + value + "'.");
                        result.Count = count;
                        break;
                    case "--stream":
                        if (!int.TryParse(value, out var partial) || partial < 0 || partial > 3) return (null, "--stream takes the number of partial images, 0 to 3, not '" + value + "'.");
                        result.StreamPartialImages = partial;
                        break;
                    case "--out":
                        // Checked before anything is sent: a generation is paid for even if the file cannot be written.
                        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(value));
                        if (folder != null && !System.IO.Directory.Exists(folder)) return (null, "--out " + value + ": the folder " + folder + " does not exist. Create it first.");
                        result.Output = value;
                        break;
                    default:
                        return (null, "There is no option " + arg + ".");
                }
            }

            if (positional.Count != 1 || string.IsNullOrWhiteSpace(positional[0])) return (null, "Give exactly one prompt, in quotes.");
            result.Prompt = positional[0];
            return (result, null);
        }

        private static string Allowed(string name, string value, IEnumerable<string> allowed) =>
            "--" + name + " '" + value + "' is not valid. Allowed values: " + string.Join(", ", allowed) + ".";
    }
}
