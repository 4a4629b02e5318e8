using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CreateImageSdk.Batches;

namespace CreateImageSdk.Cli.Batch
{
    // --via batch-api: the rows go to the Batch API (half price, within 24 hours) instead of live calls, and come back
    // into the same images and results table. Every step is in the journal before the next: an input file is recorded
    // as uploaded before its batch is created, and the batch id once it exists, so a rerun polls what was submitted
    // and never submits a row twice (after a crash between the two, it looks for the batch of that file first).
    internal sealed partial class BatchRunner
    {
        /// <summary>Exit code: batches are submitted and not finished; run the same command again later.</summary>
        public const int Waiting = 3;

        private async Task<int> RunBatchApiAsync(
            List<(InputRow Row, PreparedRequest Request)> valid, List<(InputRow Row, PreparedRequest Request)> todo, Journal journal, ResultsTable results,
            string resultsPath, int invalid, int leftUnfinished, CancellationToken cancellationToken)
        {
            var rows = valid.ToDictionary(v => v.Row.Id, v => v, StringComparer.Ordinal);
            var failed = 0;

            // Rows not in any batch, in a live run over a folder with batches of an earlier --via batch-api run: the
            // batches are collected first, and the rows are left for the next run rather than sent another way than asked.
            var leftForLive = _settings.ViaBatchApi ? 0 : todo.Count;

            // New rows: one job, split at the service's limits, each input uploaded and its batch created.
            if (todo.Count > 0 && _settings.ViaBatchApi)
            {
                // Edit rows were refused before anything was sent (RunAsync), so every row here is a generation.
                var job = new ImageBatchJob { MaxRequestsPerBatch = _settings.MaxBatchRequests };
                foreach (var (row, request) in todo) job.Add(row.Id, request.Generation!);
                var inputs = job.Split();
                foreach (var input in inputs)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    using var content = input.OpenRead();
                    var file = await _client.UploadStreamAsync(content, "create-image-batch.jsonl", "batch", cancellationToken).ConfigureAwait(false);
                    journal.Uploaded(file.Id, input.Endpoint, input.CustomIds);
                    journal.Batches.Add(new JournalBatch(file.Id, input.Endpoint, input.CustomIds, null));
                }

                _reporter.Line("Uploaded " + todo.Count + " row(s) in " + inputs.Count + " input file(s) for the Batch API.");
            }

            // Every recorded input gets its batch: created now, or found (a run that stopped between upload and create).
            for (var i = 0; i < journal.Batches.Count; i++)
            {
                var entry = journal.Batches[i];
                if (entry.BatchId != null) continue;
                var batch = await _client.CreateBatchOnceAsync(entry.InputFileId, entry.Endpoint, new Dictionary<string, string> { ["created_by"] = "create-image" }, cancellationToken).ConfigureAwait(false);
                journal.Submitted(entry.InputFileId, batch.Id);
                journal.Batches[i] = entry with { BatchId = batch.Id };
                _reporter.Line("Submitted " + batch.Id + " (" + entry.Ids.Count + " row(s)).");
            }

            var pending = journal.Batches.ToList();
            var total = pending.Sum(b => b.Ids.Count);
            var open = new List<string>();
            await _reporter.RunAsync(total, async progress =>
            {
                foreach (var entry in pending)
                {
                    var batch = _settings.Wait
                        ? await _client.WaitForBatchAsync(entry.BatchId!, new Progress<ImageBatch>(b => Said(entry, b)), _settings.PollInterval, cancellationToken).ConfigureAwait(false)
                        : await _client.GetBatchAsync(entry.BatchId!, cancellationToken).ConfigureAwait(false);
                    if (!batch.Status.IsTerminal)
                    {
                        Said(entry, batch);
                        open.Add(batch.Id);
                        continue;
                    }

                    failed += await CollectAsync(batch, entry, rows, journal, results, progress, cancellationToken).ConfigureAwait(false);
                }
            }).ConfigureAwait(false);

            if (open.Count > 0)
            {
                if (leftForLive > 0) _reporter.Line("Not sent: " + leftForLive + " row(s); the batches of an earlier --via batch-api run are collected first.");
                _reporter.Line("Waiting on the Batch API: " + string.Join(", ", open) + " (recorded in the journal). Run the same command again to collect the results (add --wait to wait for them); nothing is submitted twice.");
                return Waiting;
            }

            Summary(resultsPath);
            if (leftForLive > 0)
            {
                _reporter.Line("Not sent: " + leftForLive + " row(s); this folder had Batch API batches from an earlier run, collected now. Run the same command again to send the rest live.");
                return 1;
            }

            if (leftUnfinished > 0) _reporter.Line("Not done: " + leftUnfinished + " row(s) left unfinished by an earlier run (--retry-unfinished sends them).");
            return failed > 0 || invalid > 0 || leftUnfinished > 0 ? 1 : 0;
        }

        private string? _lastSaid;

        private void Said(JournalBatch entry, ImageBatch batch)
        {
            var counts = batch.RequestCounts;
            var text = batch.Id + ": " + batch.Status + (counts is null ? string.Empty : ", " + counts.Completed + " done, " + counts.Failed + " failed of " + counts.Total.ToString(CultureInfo.InvariantCulture));
            if (text == _lastSaid) return;
            _lastSaid = text;
            _reporter.Line(text);
        }

        /// <summary>Writes the results of an ended batch: each row as a live answer would be written, and a row in neither file as not run.</summary>
        /// <returns>How many rows failed.</returns>
        private async Task<int> CollectAsync(
            ImageBatch batch, JournalBatch entry, Dictionary<string, (InputRow Row, PreparedRequest Request)> rows, Journal journal, ResultsTable results, Action progress, CancellationToken cancellationToken)
        {
            var failed = 0;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            await foreach (var result in _client.ReadBatchResultsAsync(batch, entry.Ids, cancellationToken).ConfigureAwait(false))
            {
                if (!seen.Add(result.CustomId) || journal.Done.Contains(result.CustomId)) continue;
                if (!rows.TryGetValue(result.CustomId, out var item))
                {
                    _reporter.Line("note: " + batch.Id + " has a result for '" + result.CustomId + "', which is not a row of this table; ignored.");
                    continue;
                }

                if (result.Response is { } response)
                {
                    await WriteImagesAsync(item.Row, item.Request, response, batch: true, results, cancellationToken).ConfigureAwait(false);
                    journal.Finished(item.Row.Id, "ok");
                    journal.Done.Add(item.Row.Id);
                }
                else
                {
                    WriteFailure(item.Row, result.Error!, results);
                    journal.Finished(item.Row.Id, "failed");
                    journal.Done.Add(item.Row.Id);
                    failed++;
                }

                progress();
            }

            journal.Collected(entry.InputFileId);
            return failed;
        }
    }
}
