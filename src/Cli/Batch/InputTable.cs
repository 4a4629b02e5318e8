using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;

namespace CreateImageSdk.Cli.Batch
{
    /// <summary>
    /// One input row: its id (the <c>id</c> column, else its line number), its cells by column name, and the paths of
    /// the images it edits (the <c>edit</c> column, in order; none for a generation).
    /// </summary>
    internal sealed record InputRow(int Number, string Id, IReadOnlyDictionary<string, string?> Cells, IReadOnlyList<string> Edits);

    /// <summary>
    /// Reads a batch: CSV (RFC 4180 quoting, UTF-8) or JSON Lines (one object per line). An <c>edit</c> cell holds one
    /// or more paths separated by <c>;</c> or <c>|</c>; in JSON Lines it may also be an array, each item one path.
    /// </summary>
    internal static class InputTable
    {
        public static List<InputRow> Read(string path)
        {
            var rows = new List<InputRow>();
            if (path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
            {
                var number = 0;
                foreach (var line in File.ReadLines(path))
                {
                    number++;
                    if (string.IsNullOrWhiteSpace(line)) continue;
                    using var document = ParseLine(line, number);
                    if (document.RootElement.ValueKind != JsonValueKind.Object) throw new FormatException("line " + number + " is a JSON " + document.RootElement.ValueKind.ToString().ToLowerInvariant() + ", not an object; each line is one JSON object, such as {\"id\": \"fox\", \"prompt\": \"A red fox\"}.");
                    var cells = new Dictionary<string, string?>(StringComparer.Ordinal);
                    List<string>? edits = null;
                    foreach (var property in document.RootElement.EnumerateObject())
                    {
                        if (property.Name == RowRequest.Edit && property.Value.ValueKind == JsonValueKind.Array)
                        {
                            // An array keeps each path whole, even one with a ';' or '|' in it.
                            edits = property.Value.EnumerateArray().Select(Text).Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()).ToList();
                            continue;
                        }

                        cells[property.Name.ToLowerInvariant()] = Text(property.Value);
                    }

                    rows.Add(Row(number, cells, edits));
                }

                if (rows.Count == 0) throw new FormatException("it has no rows; each line is one JSON object, such as {\"id\": \"fox\", \"prompt\": \"A red fox\"}.");
                return rows;
            }

            // UTF-8 (with or without a byte order mark) or UTF-16 with one; comma, semicolon or tab separated, as
            // spreadsheets save them in different locales; header names in any case.
            using var reader = new StreamReader(path, new System.Text.UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
            var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
            {
                TrimOptions = TrimOptions.None,
                DetectColumnCountChanges = true,
                DetectDelimiter = true,
                DetectDelimiterValues = new[] { ",", ";", "\t" },
            };
            using var csv = new CsvReader(reader, configuration);
            if (!csv.Read()) throw new FormatException("it is empty; the first line names the columns (prompt, and optionally id, model, size, …).");
            csv.ReadHeader();
            var header = csv.HeaderRecord ?? Array.Empty<string>();
            if (!header.Any(c => string.Equals(c.Trim(), "prompt", StringComparison.OrdinalIgnoreCase)))
            {
                throw new FormatException("it has no prompt column; its header is '" + string.Join(csv.Parser.Delimiter, header) + "', and the first line must name the columns (prompt, and optionally id, model, size, …).");
            }

            while (csv.Read())
            {
                var cells = new Dictionary<string, string?>(StringComparer.Ordinal);
                for (var i = 0; i < header.Length; i++) cells[header[i].Trim().ToLowerInvariant()] = csv.GetField(i);
                rows.Add(Row(csv.Parser.Row, cells));
            }

            if (rows.Count == 0) throw new FormatException("it has a header but no rows.");
            return rows;
        }

        /// <summary>One JSON Lines line, or a sentence that says which line is not JSON.</summary>
        private static JsonDocument ParseLine(string line, int number)
        {
            try
            {
                return JsonDocument.Parse(line);
            }
            catch (JsonException ex)
            {
                throw new FormatException("line " + number + " is not valid JSON (" + ex.Message.Split(" Path:")[0].TrimEnd('.') + "); each line is one JSON object, such as {\"id\": \"fox\", \"prompt\": \"A red fox\"}.");
            }
        }

        private static InputRow Row(int number, Dictionary<string, string?> cells, List<string>? edits = null)
        {
            // The edit cell is a list of files, not a request value: it makes the row an edit, and is read apart.
            if (cells.Remove(RowRequest.Edit, out var edit)) edits = ImageFiles.Split(edit);
            var id = cells.TryGetValue("id", out var value) && !string.IsNullOrWhiteSpace(value) ? value!.Trim() : "row" + number.ToString(CultureInfo.InvariantCulture);
            return new InputRow(number, id, cells, edits ?? new List<string>());
        }

        /// <summary>A JSON value as a cell: a string as it is, null as empty, anything else as its JSON text (the number 2 is the cell <c>2</c>).</summary>
        private static string? Text(JsonElement value) =>
            value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Null => null,
                _ => value.GetRawText(),
            };
    }
}
