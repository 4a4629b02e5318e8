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
    internal sealed class Journal : IDisposable
    {
        private readonly FileStream _file;
        private readonly object _gate = new object();

        private Journal(FileStream file, HashSet<string> finished, HashSet<string> unfinished)
        {
            _file = file;
            Done = finished;
            Unfinished = unfinished;
        }

        /// <summary>Rows whose result was written in an earlier run.</summary>
        public HashSet<string> Done { get; }

        /// <summary>Rows an earlier run started and never finished.</summary>
        public HashSet<string> Unfinished { get; }

        public static Journal Open(string path)
        {
            var finished = new HashSet<string>(StringComparer.Ordinal);
            var started = new HashSet<string>(StringComparer.Ordinal);
            if (File.Exists(path))
            {
                foreach (var line in File.ReadLines(path))
                {
                    // A line cut by a crash is the last one and is ignored: its row counts as unfinished.
                    try
                    {
                        using var document = JsonDocument.Parse(line);
                        var id = document.RootElement.GetProperty("id").GetString()!;
                        if (document.RootElement.GetProperty("state").GetString() == "started") started.Add(id);
                        else finished.Add(id);
                    }
                    catch (JsonException)
                    {
                    }
                }
            }

            started.ExceptWith(finished);
            var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
            return new Journal(file, finished, started);
        }

        public void Started(string id) => Write(id, "started");

        public void Finished(string id, string status) => Write(id, status);

        public void Dispose() => _file.Dispose();

        private void Write(string id, string state)
        {
            var line = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["id"] = id, ["state"] = state, ["at"] = DateTimeOffset.UtcNow.ToString("O") });
            lock (_gate)
            {
                _file.Write(line);
                _file.WriteByte((byte)'\n');
                _file.Flush(flushToDisk: true);
            }
        }
    }
}
