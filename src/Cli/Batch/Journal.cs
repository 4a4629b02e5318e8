using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace CreateImageSdk.Cli.Batch
{
    /// <summary>
    /// What the batch has done, one line per event, flushed to disk before the next step: a row is "started" before
    /// its request is sent and "finished" once its images and result row are written. A row started but not finished
    /// was in flight when the process died: it may have been billed, so it is only re-sent when asked.
    /// </summary>
    /// <summary>A Batch API input recorded in the journal: uploaded (<see cref="BatchId"/> null until its batch is created) and not yet collected.</summary>
    internal sealed record JournalBatch(string InputFileId, string Endpoint, IReadOnlyList<string> Ids, string? BatchId);

    internal sealed class Journal : IDisposable
    {
        private readonly FileStream _file;
        private readonly object _gate = new object();

        private Journal(FileStream file, HashSet<string> finished, HashSet<string> unfinished, List<JournalBatch> batches)
        {
            _file = file;
            Done = finished;
            Unfinished = unfinished;
            Batches = batches;
        }

        /// <summary>
        /// Batch API inputs of earlier runs whose results are not collected yet: their rows are never submitted again;
        /// a rerun polls the batch (or, after a crash between upload and create, finds or creates the batch of the file).
        /// </summary>
        public List<JournalBatch> Batches { get; }

        /// <summary>Rows whose result was written in an earlier run.</summary>
        public HashSet<string> Done { get; }

        /// <summary>Rows an earlier run started and never finished.</summary>
        public HashSet<string> Unfinished { get; }

        public static Journal Open(string path)
        {
            var finished = new HashSet<string>(StringComparer.Ordinal);
            var started = new HashSet<string>(StringComparer.Ordinal);
            var batches = new List<JournalBatch>();
            if (File.Exists(path))
            {
                foreach (var line in File.ReadLines(path))
                {
                    // A line cut by a crash is the last one and is ignored: its row counts as unfinished.
                    try
                    {
                        using var document = JsonDocument.Parse(line);
                        if (document.RootElement.TryGetProperty("input_file_id", out var fileId))
                        {
                            ReadBatch(document.RootElement, fileId.GetString()!, batches);
                            continue;
                        }

                        var id = document.RootElement.GetProperty("id").GetString()!;
                        if (document.RootElement.GetProperty("state").GetString() == "started") started.Add(id);
                        else finished.Add(id);
                    }
                    catch (Exception ex) when (ex is JsonException || ex is KeyNotFoundException || ex is InvalidOperationException)
                    {
                    }
                }
            }

            started.ExceptWith(finished);
            var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
            return new Journal(file, finished, started, batches);
        }

        /// <summary>An input file was uploaded for these rows; written before its batch is created.</summary>
        public void Uploaded(string inputFileId, string endpoint, IReadOnlyList<string> ids) =>
            WriteLine(new Dictionary<string, object> { ["input_file_id"] = inputFileId, ["endpoint"] = endpoint, ["ids"] = ids, ["state"] = "uploaded", ["at"] = Now() });

        /// <summary>The input file's batch exists.</summary>
        public void Submitted(string inputFileId, string batchId) =>
            WriteLine(new Dictionary<string, object> { ["input_file_id"] = inputFileId, ["batch"] = batchId, ["state"] = "submitted", ["at"] = Now() });

        /// <summary>Every row of the input file's batch has its result written.</summary>
        public void Collected(string inputFileId) =>
            WriteLine(new Dictionary<string, object> { ["input_file_id"] = inputFileId, ["state"] = "collected", ["at"] = Now() });

        private static void ReadBatch(JsonElement entry, string fileId, List<JournalBatch> batches)
        {
            var index = batches.FindIndex(b => b.InputFileId == fileId);
            switch (entry.GetProperty("state").GetString())
            {
                case "uploaded":
                    var ids = new List<string>();
                    foreach (var id in entry.GetProperty("ids").EnumerateArray()) ids.Add(id.GetString()!);
                    if (index < 0) batches.Add(new JournalBatch(fileId, entry.GetProperty("endpoint").GetString()!, ids, null));
                    break;
                case "submitted" when index >= 0:
                    batches[index] = batches[index] with { BatchId = entry.GetProperty("batch").GetString() };
                    break;
                case "collected" when index >= 0:
                    batches.RemoveAt(index);
                    break;
            }
        }

        private static string Now() => DateTimeOffset.UtcNow.ToString("O");

        public void Started(string id) => Write(id, "started");

        public void Finished(string id, string status) => Write(id, status);

        public void Dispose() => _file.Dispose();

        private void Write(string id, string state) =>
            WriteLine(new Dictionary<string, object> { ["id"] = id, ["state"] = state, ["at"] = Now() });

        private void WriteLine(Dictionary<string, object> entry)
        {
            var line = JsonSerializer.SerializeToUtf8Bytes(entry);
            lock (_gate)
            {
                _file.Write(line);
                _file.WriteByte((byte)'\n');
                _file.Flush(flushToDisk: true);
            }
        }
    }
}
