using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using CreateImageSdk.Generator.Model;

namespace CreateImageSdk.Generator.Emitting
{
    /// <summary>Builds XML doc comments from schema text: escaped, with Markdown code spans as &lt;c&gt;.</summary>
    internal static class Docs
    {
        private static readonly Regex CodeSpan = new Regex("`([^`]+)`", RegexOptions.CultureInvariant);
        private static readonly Regex Link = new Regex(@"\[([^\]]+)\]\([^)]*\)", RegexOptions.CultureInvariant);

        /// <summary>Schema text as XML doc text: Markdown links keep their words, code spans become &lt;c&gt;.</summary>
        public static string Text(string? text)
        {
            if (string.IsNullOrWhiteSpace(text)) return string.Empty;
            var plain = Link.Replace(text!.Trim(), "$1");
            var escaped = plain.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
            return CodeSpan.Replace(escaped, "<c>$1</c>");
        }

        public static string Code(string text) => "<c>" + Text(text) + "</c>";

        public static string CodeList(IEnumerable<string> values) => string.Join(", ", values.Select(Code));

        public static void Summary(SourceWriter writer, string text) => Element(writer, "summary", text);

        public static void Remarks(SourceWriter writer, string text)
        {
            if (text.Length > 0) Element(writer, "remarks", text);
        }

        private static void Element(SourceWriter writer, string element, string text, string attributes = "")
        {
            writer.Line("/// <" + element + attributes + ">");
            foreach (var line in text.Split('\n'))
            {
                writer.Line(line.Length == 0 ? "///" : "/// " + line.TrimEnd());
            }

            writer.Line("/// </" + element + ">");
        }

        /// <summary>The remarks of a property: wire name, default, example, range, and the models that accept it.</summary>
        /// <param name="property">The property.</param>
        /// <param name="operation">The operation of the request it belongs to: a multipart one names form fields, not JSON names.</param>
        public static string PropertyRemarks(PropertySpec property, OperationSpec? operation)
        {
            var parts = new List<string> { WireLabel(operation) + ": " + Code(property.WireName) + "." };
            if (property.IsRequired) parts.Add("Required.");
            else parts.Add("Optional: when null it is left out of the request, and the server's default applies" + (property.DefaultText is null ? "." : " (" + Code(property.DefaultText) + ")."));
            if (property.Minimum.HasValue || property.Maximum.HasValue)
            {
                parts.Add("Allowed range: " + (property.Minimum?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "…") + " to " +
                          (property.Maximum?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "…") + ".");
            }

            if (property.MinLength.HasValue) parts.Add("At least " + property.MinLength.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) + " character(s).");
            if (property.Pattern != null) parts.Add("Must match " + Code(property.Pattern.Regex) + (property.Pattern.Description is null ? "." : ": it " + Text(property.Pattern.Description) + "."));
            if (property.MinItems.HasValue || property.MaxItems.HasValue)
            {
                parts.Add((property.MinItems?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "0") + " to " +
                          (property.MaxItems?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "any number of") + " items.");
            }

            if (property.Input is { } input)
            {
                var formats = input.MediaTypes.Count == 0 ? "Any image format" : string.Join(", ", input.MediaTypes.Select(m => m.Substring(m.IndexOf('/') + 1).ToUpperInvariant()));
                parts.Add(formats + (input.MaxBytes is { } max ? ", under " + (max / (1024 * 1024)).ToString(System.Globalization.CultureInfo.InvariantCulture) + " MB each" : string.Empty) +
                          (input.Square ? ", square" : string.Empty) + (input.SameSizeAs is null ? string.Empty : ", the size of the first " + Code(input.SameSizeAs)) +
                          " (read from the file's bytes; checked before sending).");
            }

            if (property.SupportedBy.Count > 0) parts.Add("Supported only by: " + CodeList(property.SupportedBy) + ".");
            if (property.ExampleText != null) parts.Add("Example: " + Code(property.ExampleText) + ".");
            return string.Join("\n", parts);
        }

        /// <summary>What a wire name is called in the docs: a form field of a multipart request, else a JSON name.</summary>
        public static string WireLabel(OperationSpec? operation) => operation?.IsMultipart == true ? "Form field" : "JSON name";

        public static string Join(params string[] parts)
        {
            var builder = new StringBuilder();
            foreach (var part in parts.Where(p => p.Length > 0))
            {
                if (builder.Length > 0) builder.Append('\n');
                builder.Append(part);
            }

            return builder.ToString();
        }
    }
}
