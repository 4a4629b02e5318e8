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

        /// <summary>
        /// The request parameters a row may set besides <c>id</c>, <c>edit</c> and <c>mask</c>: wire names, each also a flag,
        /// read from the generated parameter tables of generations and (multipart) edits, so a parameter added to a schema
        /// is a column and a flag with no edit here. Images are the <c>edit</c>/<c>mask</c> columns; streaming is not
        /// offered (the tool writes finished images).
        /// </summary>
        public static readonly string[] Columns = CreateImageRequest.Parameters.Where(Offered).Select(p => p.WireName)
            .Concat(EditImageRequest.Parameters.Where(Offered).Select(p => p.WireName)).Distinct().ToArray();

        /// <summary>Parameters the edits endpoint does not have: a generation's only.</summary>
        public static readonly string[] GenerationOnly = Columns.Where(c => !EditImageRequest.Parameters.Any(p => p.WireName == c)).ToArray();

        /// <summary>Parameters the generations endpoint does not have: an edit's only.</summary>
        public static readonly string[] EditOnly = Columns.Where(c => !CreateImageRequest.Parameters.Any(p => p.WireName == c)).ToArray();

        private static bool Offered<T>(ImageParameter<T> parameter)
            where T : class => parameter.AcceptsText && !parameter.NeedsStream;

        /// <summary>What <c>--help</c> says of a column: the schema's first sentence, and which kind of request takes it.</summary>
        public static string Describe(string column)
        {
            var description = CreateImageRequest.Parameters.Select(p => (p.WireName, p.Description))
                .Concat(EditImageRequest.Parameters.Select(p => (p.WireName, p.Description)))
                .FirstOrDefault(p => p.WireName == column).Description;
            var sentence = description is null ? "The request's " + column + "." : FirstSentence(description);
            var only = Array.IndexOf(GenerationOnly, column) >= 0 ? " Generations only." : Array.IndexOf(EditOnly, column) >= 0 ? " Edits only." : string.Empty;
            return sentence + only;
        }

        private static string FirstSentence(string text)
        {
            var end = text.IndexOf(". ", StringComparison.Ordinal);
            return (end < 0 ? text.TrimEnd() : text.Substring(0, end + 1)).Replace("`", string.Empty);
        }

        /// <summary>The column (and flag) naming a known model whose rules check a model create-image does not know yet.</summary>
        public const string RulesOf = "rules_of";

        /// <summary>The column (and flag) that sends a row unchecked by its model's rules: only the rules every model shares apply.</summary>
        public const string Unchecked = "unchecked";

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
            foreach (var column in row.Keys.Where(k => k != "id" && k != Edit && k != Mask && k != RulesOf && k != Unchecked && Array.IndexOf(Columns, k) < 0))
            {
                problems.Add("column '" + column + "' is not a request parameter; columns: id, " + string.Join(", ", Columns) + ", " + Edit + ", " + Mask + ", " + RulesOf + ", " + Unchecked + ".");
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

            var model = Model(Get("model"), Get(RulesOf), Get(Unchecked), problems);
            // A value create-image does not know is sent as given only where no model's list could refuse it: an unknown
            // model, or --unchecked. Elsewhere it is refused like a typo, with the known values and the way past.
            var values = new OpenValues(model, problems);
            if (!edit)
            {
                var generation = Fill(new CreateImageRequest { Prompt = prompt!, Model = model }, CreateImageRequest.Parameters, Get, values, problems);
                problems.AddRange(values.Checked(generation.Validate()));
                return (problems.Count == 0 ? new PreparedRequest(generation, values.Notes) : null, problems);
            }

            var images = edits.Select(path => ImageFiles.Open(Edit, path, folder, problems)).ToList();
            var mask = Get(Mask) is { } maskPath ? ImageFiles.Open(Mask, maskPath, folder, problems) : null;
            // A file that could not be opened leaves the per-model rules (how many images, which formats, the mask's
            // size) nothing true to check; its own sentence says what is wrong.
            if (images.Any(i => i is null) || (Get(Mask) != null && mask is null)) return (null, problems);
            var request = Fill(new EditImageRequest { Prompt = prompt!, Images = images!, Mask = mask, Model = model }, EditImageRequest.Parameters, Get, values, problems);
            problems.AddRange(values.Checked(request.Validate()));
            return (problems.Count == 0 ? new PreparedRequest(request, values.Notes) : null, problems);
        }

        /// <summary>Every cell the request type has a parameter for, read by its parameter table (the model and prompt are set already).</summary>
        private static T Fill<T>(T request, IReadOnlyList<ImageParameter<T>> parameters, Func<string, string?> get, OpenValues values, List<string> problems)
            where T : class
        {
            foreach (var parameter in parameters)
            {
                if (!Offered(parameter) || parameter.IsModel || parameter.IsRequired || get(parameter.WireName) is not { } text) continue;
                if (parameter.Kind == ImageParameterKind.Value && !values.Allows(parameter, text)) continue;
                if (parameter.TryWithText(request, text, out var changed, out var problem)) request = changed;
                else problems.Add(problem!);
            }

            return request;
        }

        /// <summary>
        /// The model a row names: as given (a dated snapshot of a known model follows its rules), borrowing a known model's
        /// rules (<c>--rules-of</c>), or unchecked by any model's rules (<c>--unchecked</c>).
        /// </summary>
        private static ImageModel? Model(string? id, string? rulesOf, string? uncheckedText, List<string> problems)
        {
            var isUnchecked = false;
            if (uncheckedText != null && !TryFlag(uncheckedText, out isUnchecked))
            {
                problems.Add(Unchecked + " '" + uncheckedText + "' is not valid; allowed values: true, false.");
            }

            if (id is null)
            {
                if (rulesOf != null) problems.Add(RulesOf + " names whose rules check a new model, so it needs a model (--model, or a model cell).");
                if (isUnchecked) problems.Add(Unchecked + " skips a model's checks, so it needs a model (--model, or a model cell).");
                return null;
            }

            if (isUnchecked && rulesOf != null)
            {
                problems.Add("give " + RulesOf + " (check the model by a known model's rules) or " + Unchecked + " (check it by none), not both.");
                return null;
            }

            if (isUnchecked) return ImageModel.Unchecked(id);
            if (rulesOf is null) return ImageModel.Custom(id);
            var rules = ImageModel.Custom(rulesOf);
            if (rules.RulesOf is null)
            {
                problems.Add(RulesOf + " '" + rulesOf + "' is not a model create-image has rules for; allowed values: " + string.Join(", ", ImageModel.KnownValues.Select(m => m.Value)) + ", or a dated snapshot of one.");
                return null;
            }

            return ImageModel.Custom(id, rulesOf: rules);
        }

        private static bool TryFlag(string text, out bool value)
        {
            switch (text.Trim().ToLowerInvariant())
            {
                case "true": case "yes": case "1": value = true; return true;
                case "false": case "no": case "0": value = false; return true;
                default: value = false; return false;
            }
        }

        /// <summary>
        /// Reads the open value sets of one row and remembers which values go out unchecked. A value create-image knows is
        /// always taken (the model's rules check it); an unknown one is sent only when no model's rules apply.
        /// </summary>
        private sealed class OpenValues
        {
            private readonly ImageModel? _model;
            private readonly List<string> _problems;
            private readonly HashSet<string> _refused = new HashSet<string>(StringComparer.Ordinal);

            public OpenValues(ImageModel? model, List<string> problems)
            {
                _model = model;
                _problems = problems;
                // No model: the operation's default model and its rules apply.
                IsChecked = model is null || model.Value.RulesOf != null;
                if (model is { IsUnchecked: true } m) Notes.Add("model '" + m.Value + "' was not checked by any model's rules (--unchecked): only the rules every model shares apply.");
            }

            /// <summary>Whether a model's rules check the row.</summary>
            public bool IsChecked { get; }

            /// <summary>One line per value sent unchecked.</summary>
            public List<string> Notes { get; } = new List<string>();

            /// <summary>Whether a value of <paramref name="parameter"/> may be sent: a known one (or a size) always, an unknown one only unchecked.</summary>
            public bool Allows<T>(ImageParameter<T> parameter, string text)
                where T : class
            {
                var value = text.Trim();
                var name = parameter.WireName;
                if (parameter.KnownValues.Contains(value, StringComparer.Ordinal) || (parameter.AcceptsSizes && ImageSize.TryParse(value, out _))) return true;
                if (IsChecked)
                {
                    _refused.Add(name);
                    _problems.Add(name + " '" + value + "' is not valid" + (_model is { } model ? " for model '" + model.Value + "'" : string.Empty) + "; allowed values: " + string.Join(", ", parameter.KnownValues) +
                                  ". It is not a value create-image knows: --unchecked sends it without the model's checks.");
                    return false;
                }

                if (_model is { IsUnchecked: false } unknownModel)
                {
                    Notes.Add(name + " '" + value + "' was not checked: create-image does not know it, and model '" + unknownModel.Value + "' has no rules here; it is sent as given.");
                }

                return true;
            }

            /// <summary>The request's own violations, but none for a value already refused above (one sentence each).</summary>
            public IEnumerable<string> Checked(IReadOnlyList<ImageRequestViolation> violations) =>
                violations.Where(v => !_refused.Contains(v.Parameter)).Select(v => v.Message);
        }
    }
}
