using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;

namespace CreateImageSdk.Cli.Batch
{
    /// <summary>One input row: its id (the <c>id</c> column, else its line number) and its cells by column name.</summary>
    internal sealed record InputRow(int Number, string Id, IReadOnlyDictionary<string, string?> Cells);

    /// <summary>Reads a batch: CSV (RFC 4180 quoting, UTF-8) or JSON Lines (one object per line).</summary>
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
                    using var document = JsonDocument.Parse(line);
                    if (document.RootElement.ValueKind != JsonValueKind.Object) throw new FormatException("line " + number + " of " + path + " is not a JSON object.");
                    var cells = new Dictionary<string, string?>(StringComparer.Ordinal);
                    foreach (var property in document.RootElement.EnumerateObject())
                    {
                        cells[property.Name] = property.Value.ValueKind switch
                        {
                            JsonValueKind.String => property.Value.GetString(),
                            JsonValueKind.Null => null,
                            _ => property.Value.GetRawText(),
                        };
                    }

                    rows.Add(Row(number, cells));
                }

                return rows;
            }

            using var reader = new StreamReader(path);
            using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { TrimOptions = TrimOptions.None, DetectColumnCountChanges = true });
            csv.Read();
            csv.ReadHeader();
            var header = csv.HeaderRecord ?? Array.Empty<string>();
            while (csv.Read())
            {
                var cells = new Dictionary<string, string?>(StringComparer.Ordinal);
                foreach (var column in header) cells[column.Trim()] = csv.GetField(column);
                rows.Add(Row(csv.Parser.Row, cells));
            }

            return rows;
        }

        private static InputRow Row(int number, Dictionary<string, string?> cells) =>
            new InputRow(number, cells.TryGetValue("id", out var id) && !string.IsNullOrWhiteSpace(id) ? id!.Trim() : "row" + number.ToString(CultureInfo.InvariantCulture), cells);
    }
}
