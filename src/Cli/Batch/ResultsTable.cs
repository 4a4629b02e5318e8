using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;

namespace CreateImageSdk.Cli.Batch
{
    /// <summary>One row of the results: an image written, or why a row has none.</summary>
    internal sealed record ResultRow(
        string Id, string Status, string? File, string? RevisedPrompt, string? Size, string? Quality, string? OutputFormat,
        int? InputTokens, int? OutputTokens, decimal? Cost, string? ErrorType, string? ErrorCode, string? ErrorMessage, string? RequestId);

    /// <summary>The results table, <c>results.csv</c> or <c>results.jsonl</c>, appended to as rows finish (so a resumed batch adds to it).</summary>
    internal sealed class ResultsTable : IDisposable
    {
        private static readonly string[] Header =
            { "id", "status", "file", "revised_prompt", "size", "quality", "output_format", "input_tokens", "output_tokens", "cost_usd", "error_type", "error_code", "error_message", "request_id" };

        private readonly StreamWriter _writer;
        private readonly CsvWriter? _csv;
        private readonly object _gate = new object();

        public ResultsTable(string path)
        {
            var exists = File.Exists(path) && new FileInfo(path).Length > 0;
            _writer = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read), new System.Text.UTF8Encoding(false));
            Path = path;
            if (!path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
            {
                // The table echoes user text (ids, revised prompts, error messages): a cell that starts with =, +, -, @, a tab
                // or a carriage return is prefixed with ' so a spreadsheet shows it instead of running it (OWASP, CSV injection).
                _csv = new CsvWriter(_writer, new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape });
                if (!exists)
                {
                    foreach (var column in Header) _csv.WriteField(column);
                    _csv.NextRecord();
                    _csv.Flush();
                }
            }
        }

        public string Path { get; }

        public void Add(ResultRow row)
        {
            var values = new object?[]
            {
                row.Id, row.Status, row.File, row.RevisedPrompt, row.Size, row.Quality, row.OutputFormat,
                row.InputTokens, row.OutputTokens, row.Cost, row.ErrorType, row.ErrorCode, row.ErrorMessage, row.RequestId,
            };
            lock (_gate)
            {
                if (_csv != null)
                {
                    foreach (var value in values) _csv.WriteField(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty);
                    _csv.NextRecord();
                    _csv.Flush();
                }
                else
                {
                    var record = new Dictionary<string, object?>();
                    for (var i = 0; i < Header.Length; i++) record[Header[i]] = values[i];
                    _writer.WriteLine(JsonSerializer.Serialize(record));
                }

                _writer.Flush();
            }
        }

        public void Dispose() => _writer.Dispose();
    }
}
