using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace CreateImageSdk.Cli.Batch
{
    /// <summary>The settings of one batch run.</summary>
    internal sealed record BatchSettings(
        string Input, string Output, IReadOnlyDictionary<string, string?> Defaults, int Parallel, bool DryRun, bool SkipInvalid, bool RetryUnfinished, bool KeepRaw)
    {
        /// <summary>Send through the Batch API (half price, within 24 hours) instead of live calls.</summary>
        public bool ViaBatchApi { get; init; }

        /// <summary>With the Batch API: wait for the batches to end and collect them, instead of exiting once submitted.</summary>
        public bool Wait { get; init; }

        /// <summary>With the Batch API: at most this many rows per batch (the service allows 50,000).</summary>
        public int MaxBatchRequests { get; init; } = Batches.ImageBatchJob.MaxRequestsPerBatchLimit;

        /// <summary>With the Batch API: the first wait between polls.</summary>
        public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);

        /// <summary>The prices cost is reckoned with.</summary>
        public Pricing.PriceList Prices { get; init; } = Pricing.PriceList.Load(null);
    }

    /// <summary>
    /// Runs a table of requests: validates every row first, then sends them with bounded concurrency, writes each
    /// row's images and result as it finishes, keeps a journal so a rerun never pays twice for a finished row, and
    /// slows down by itself when the service keeps answering 429.
    /// </summary>
    internal sealed partial class BatchRunner
    {
        private readonly BatchSettings _settings;
        private readonly ImageClient _client;
        private readonly IBatchReporter _reporter;
        private readonly ConcurrentDictionary<string, int> _failures = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        private readonly object _pauseGate = new object();
        private DateTimeOffset _pauseUntil = DateTimeOffset.MinValue;
        private int _rateLimitStreak;
        private int _images;
        private IReadOnlyDictionary<string, string> _names = new Dictionary<string, string>();
        private long _inputTokens;
        private long _outputTokens;
        private long _costMicros;
        private readonly RatePacer _pacer = new RatePacer();

        public BatchRunner(BatchSettings settings, ImageClient client, IBatchReporter reporter)
        {
            _settings = settings;
            _client = client;
            _reporter = reporter;
        }

        /// <returns>0 when every row succeeded, 1 when some failed, 2 when the input was refused.</returns>
        public async Task<int> RunAsync(CancellationToken cancellationToken)
        {
            List<InputRow> rows;
            try
            {
                rows = InputTable.Read(_settings.Input);
            }
            catch (Exception ex) when (ex is IOException || ex is FormatException || ex is System.Text.Json.JsonException || ex is CsvHelper.CsvHelperException)
            {
                _reporter.Line("error: " + _settings.Input + " could not be read: " + ex.Message);
                return 2;
            }

            var duplicate = rows.GroupBy(r => r.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (duplicate != null)
            {
                _reporter.Line("error: the id '" + duplicate.Key + "' is used by more than one row (rows " + string.Join(", ", duplicate.Select(r => r.Number)) + "); ids must be unique so a rerun knows what is done.");
                return 2;
            }

            _names = ImageFileNames.For(rows.Select(r => r.Id));

            // Every row is checked before anything is sent: the same generated rules as the SDK's. An edit's image files
            // are opened here too (their format read), so a missing or unsupported file is an invalid row, not a failure.
            var valid = new List<(InputRow Row, PreparedRequest Request)>();
            var invalid = new List<(InputRow Row, IReadOnlyList<string> Problems)>();
            var folder = Path.GetDirectoryName(Path.GetFullPath(_settings.Input))!;
            foreach (var row in rows)
            {
                // A default the row's request does not have (style for an edit, input_fidelity for a generation) is left
                // out, so one set of defaults serves a table that mixes both; a cell the row sets itself is still checked.
                var edit = row.Edits.Count > 0;
                var cells = new Dictionary<string, string?>(_settings.Defaults.Where(d => d.Value != null && RowRequest.Takes(d.Key, edit)).ToDictionary(d => d.Key, d => d.Value), StringComparer.Ordinal);
                foreach (var cell in row.Cells.Where(c => !string.IsNullOrWhiteSpace(c.Value))) cells[cell.Key] = cell.Value;
                var (request, problems) = RowRequest.Build(cells, row.Edits, folder);
                if (request is null) invalid.Add((row, problems));
                else valid.Add((row, request));
            }

            foreach (var (row, problems) in invalid) _reporter.Line("invalid row " + row.Number + " (" + row.Id + "): " + string.Join(" ", problems));
            foreach (var (row, request) in valid.Where(v => v.Request.Notes.Count > 0)) _reporter.Line("row " + row.Number + " (" + row.Id + "): " + string.Join(" ", request.Notes));
            if (_settings.ViaBatchApi && valid.FirstOrDefault(v => v.Request.IsEdit) is { Row: { } editRow })
            {
                _reporter.Line("error: row " + editRow.Number + " (" + editRow.Id + ") is an edit; --via batch-api sends generations only (edits of local files need them uploaded first, which create-image does not do yet). Send the edits live (without --via batch-api).");
                return 2;
            }

            if (_settings.DryRun)
            {
                foreach (var line in Pricing.CostEstimate.Describe(valid.Select(v => v.Request).ToList(), _settings.Prices, _settings.ViaBatchApi)) _reporter.Line(line);
                _reporter.Line(valid.Count + " row(s) valid, " + invalid.Count + " invalid; nothing was sent (--dry-run).");
                return invalid.Count > 0 ? 2 : 0;
            }

            if (invalid.Count > 0 && !_settings.SkipInvalid)
            {
                _reporter.Line(invalid.Count + " invalid row(s): nothing was sent. Fix them, or pass --skip-invalid to send the other " + valid.Count + ".");
                return 2;
            }

            Directory.CreateDirectory(_settings.Output);
            // One run per folder: two at once would both send the rows neither has finished.
            FileStream runLock;
            try
            {
                runLock = new FileStream(Path.Combine(_settings.Output, ".create-image.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException)
            {
                _reporter.Line("error: another create-image run is using " + _settings.Output + "; wait for it to end (or stop it) and run this again.");
                return 2;
            }

            using var holdLock = runLock;
            var resultsPath = Path.Combine(_settings.Output, _settings.Input.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) ? "results.jsonl" : "results.csv");
            using var journal = Journal.Open(Path.Combine(_settings.Output, ".create-image-journal.jsonl"));
            using var results = new ResultsTable(resultsPath);

            foreach (var (row, problems) in invalid.Where(i => !journal.Done.Contains(i.Row.Id)))
            {
                results.Add(new ResultRow(row.Id, "invalid", null, null, null, null, null, null, null, null, "validation", null, string.Join(" ", problems), null));
                journal.Finished(row.Id, "invalid");
            }

            var todo = new List<(InputRow Row, PreparedRequest Request)>();
            var inBatches = new HashSet<string>(journal.Batches.SelectMany(b => b.Ids), StringComparer.Ordinal);
            var skipped = 0;
            var leftUnfinished = 0;
            foreach (var item in valid)
            {
                if (journal.Done.Contains(item.Row.Id))
                {
                    skipped++;
                }
                else if (inBatches.Contains(item.Row.Id))
                {
                    // Submitted to the Batch API by an earlier run: collected from its batch, never sent again.
                }
                else if (journal.Unfinished.Contains(item.Row.Id) && !_settings.RetryUnfinished)
                {
                    _reporter.Line("unfinished: " + item.Row.Id + " was being sent when an earlier run stopped; it may have been billed, so it is not sent again (pass --retry-unfinished to send it).");
                    leftUnfinished++;
                }
                else
                {
                    todo.Add(item);
                }
            }

            if (skipped > 0) _reporter.Line(skipped + " row(s) already done in an earlier run: skipped.");
            if (_settings.ViaBatchApi || journal.Batches.Count > 0)
            {
                return await RunBatchApiAsync(valid, todo, journal, results, resultsPath, invalid.Count, leftUnfinished, cancellationToken).ConfigureAwait(false);
            }

            var failed = 0;
            string? diskError = null;
            // A file that cannot be written (a full disk, a folder that is not writable) stops the whole run: every
            // other row would fail the same way after being billed.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            using var gate = new SemaphoreSlim(_settings.Parallel);
            await _reporter.RunAsync(todo.Count, async progress =>
            {
                var tasks = todo.Select(async item =>
                {
                    await gate.WaitAsync(stop.Token).ConfigureAwait(false);
                    try
                    {
                        if (!await RunRowAsync(item.Row, item.Request, journal, results, stop.Token).ConfigureAwait(false)) Interlocked.Increment(ref failed);
                        progress();
                    }
                    catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                    {
                        Interlocked.CompareExchange(ref diskError, ex.Message, null);
                        stop.Cancel();
                    }
                    finally
                    {
                        gate.Release();
                    }
                }).ToList();
                try
                {
                    await Task.WhenAll(tasks).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    // Ctrl+C or a disk error: rows in flight stay "started" in the journal; the summary says what is left.
                }
            }).ConfigureAwait(false);

            if (diskError != null)
            {
                _reporter.Line("error: writing to " + _settings.Output + " failed (" + diskError.TrimEnd('.') + "), so the run stopped and nothing more was sent. " +
                               "Free some space or make the folder writable, then run the same command again: finished rows are skipped, and a row that was being written is listed (--retry-unfinished sends it).");
                return 1;
            }

            Summary(resultsPath);
            if (leftUnfinished > 0) _reporter.Line("Not done: " + leftUnfinished + " row(s) left unfinished by an earlier run (--retry-unfinished sends them).");
            if (cancellationToken.IsCancellationRequested)
            {
                _reporter.Line("Stopped: run the same command again to continue; finished rows are skipped.");
                return 1;
            }

            return failed > 0 || invalid.Count > 0 || leftUnfinished > 0 ? 1 : 0;
        }

        private async Task<bool> RunRowAsync(InputRow row, PreparedRequest request, Journal journal, ResultsTable results, CancellationToken cancellationToken)
        {
            for (var round = 0; ; round++)
            {
                await WaitForPauseAsync(cancellationToken).ConfigureAwait(false);
                var sequence = await _pacer.WaitAsync(request.Images, cancellationToken).ConfigureAwait(false);
                ImageRateLimit? seen = null;
                try
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    journal.Started(row.Id);
                    var response = _settings.KeepRaw
                        ? await SendKeepingRawAsync(row, request, cancellationToken).ConfigureAwait(false)
                        : await request.SaveAsync(_client, i => ImagePath(row, request.Images, i, request.OutputFormat?.Value ?? "png"), cancellationToken).ConfigureAwait(false);
                    seen = response.RateLimit;
                    Interlocked.Exchange(ref _rateLimitStreak, 0);
                    await WriteImagesAsync(row, request, response, batch: false, results, cancellationToken).ConfigureAwait(false);
                    journal.Finished(row.Id, "ok");
                    return true;
                }
                catch (ImageApiException ex) when (ex.StatusCode == 429 && round < 3 && !cancellationToken.IsCancellationRequested)
                {
                    // The client already retried; the whole batch now slows down before this row goes again.
                    seen = ex.RateLimit;
                    Slow(ex.RetryAfter);
                }
                catch (RawAnswerException ex)
                {
                    seen = ex.Answer.RateLimit;
                    var reason = ex.Answer.StatusCode.ToString(CultureInfo.InvariantCulture);
                    _failures.AddOrUpdate(reason, 1, (_, n) => n + 1);
                    results.Add(new ResultRow(row.Id, "failed", null, null, null, null, null, null, null, null, "http", reason, ex.Message, ex.Answer.Headers.TryGetValue("x-request-id", out var id) ? id[0] : null));
                    journal.Finished(row.Id, "failed");
                    return false;
                }
                catch (Exception ex) when (ex is ImageClientException || ex is TimeoutException || ex is System.Text.Json.JsonException)
                {
                    seen = (ex as ImageApiException)?.RateLimit;
                    WriteFailure(row, ex, results);
                    journal.Finished(row.Id, "failed");
                    return false;
                }
                finally
                {
                    _pacer.Observe(seen, sequence);
                }
            }
        }

        /// <summary>
        /// A row's images and result rows, the same for a live answer and a Batch API one (whose cost has the batch
        /// price): each image saved (a temporary file, then a rename), one result row per image.
        /// </summary>
        private async Task WriteImagesAsync(InputRow row, PreparedRequest request, ImagesResponse response, bool batch, ResultsTable results, CancellationToken cancellationToken)
        {
            var format = response.OutputFormat?.Value ?? request.OutputFormat?.Value ?? "png";
            var cost = _settings.Prices.Cost(request.ModelId, request.RulesOf, response.Usage, batch);
            for (var i = 0; i < response.Data.Count; i++)
            {
                var path = ImagePath(row, response.Data.Count, i, format);
                var name = Path.GetFileName(path);
                if (response.Data[i].SavedPath is { } saved && saved != path)
                {
                    // Saved as it arrived under the name the request implied; the answer said otherwise (format, count).
                    File.Move(saved, path, overwrite: true);
                }
                else
                {
                    await response.Data[i].SaveAsync(path, cancellationToken).ConfigureAwait(false);
                }
                Interlocked.Increment(ref _images);
                results.Add(new ResultRow(row.Id, "ok", name, response.Data[i].RevisedPrompt, response.Size?.Value ?? request.Size, response.Quality?.Value,
                    format, i == 0 ? response.Usage?.InputTokens : null, i == 0 ? response.Usage?.OutputTokens : null, i == 0 ? cost : null, null, null, null, null));
            }

            Interlocked.Add(ref _inputTokens, response.Usage?.InputTokens ?? 0);
            Interlocked.Add(ref _outputTokens, response.Usage?.OutputTokens ?? 0);
            if (cost is { } c) Interlocked.Add(ref _costMicros, (long)(c * 1_000_000m));
        }

        /// <summary>Where image <paramref name="index"/> of a row's <paramref name="count"/> goes: the row's name, "-2" when there are several, the format's extension.</summary>
        private string ImagePath(InputRow row, int count, int index, string format) =>
            InsideOutput(_names[row.Id] + (count > 1 ? "-" + (index + 1).ToString(CultureInfo.InvariantCulture) : string.Empty) + "." + Extension(format));

        /// <summary>A row that failed: its result row says why, in the words of the exception a live call gives.</summary>
        private void WriteFailure(InputRow row, Exception ex, ResultsTable results)
        {
            var api = ex as ImageApiException;
            var code = api?.ErrorCode ?? (ex as Batches.ImageBatchRequestException)?.Code;
            var reason = api != null ? api.StatusCode + (code is null ? string.Empty : " " + code) : code ?? ex.GetType().Name;
            _failures.AddOrUpdate(reason, 1, (_, n) => n + 1);
            results.Add(new ResultRow(row.Id, "failed", null, null, null, null, null, null, null, null, api?.ErrorType ?? ex.GetType().Name, code, ex.Message, api?.RequestId));
            _reporter.Line("failed: " + row.Id + ": " + ex.Message);
        }

        private void Summary(string resultsPath)
        {
            _reporter.Line("Wrote " + _images + " image(s) to " + _settings.Output + "; results in " + resultsPath + ".");
            if (_inputTokens + _outputTokens > 0)
            {
                _reporter.Line("Tokens: " + _inputTokens + " input, " + _outputTokens + " output" + (_costMicros > 0 ? "; cost " + Pricing.CostEstimate.Dollars(_costMicros / 1_000_000m) + " (prices as of " + _settings.Prices.AsOf + ")" : string.Empty) + ".");
            }

            foreach (var failure in _failures.OrderByDescending(f => f.Value)) _reporter.Line("Failed: " + failure.Value + " row(s) with " + failure.Key + ".");
        }

        /// <summary>
        /// With <c>--raw</c>: the answer as it came is kept beside the images (<c>{id}.response.json</c>: status,
        /// headers, body), then read as the typed response; an error status becomes the same exception as without.
        /// </summary>
        private async Task<ImagesResponse> SendKeepingRawAsync(InputRow row, PreparedRequest request, CancellationToken cancellationToken)
        {
            var raw = await request.SendRawAsync(_client, cancellationToken).ConfigureAwait(false);
            var kept = new Dictionary<string, object?> { ["status"] = raw.StatusCode, ["reason"] = raw.ReasonPhrase, ["headers"] = raw.Headers, ["body"] = raw.Body };
            var path = InsideOutput(_names[row.Id] + ".response.json");
            await File.WriteAllTextAsync(path + ".partial", System.Text.Json.JsonSerializer.Serialize(kept), cancellationToken).ConfigureAwait(false);
            File.Move(path + ".partial", path, overwrite: true);
            if (!raw.IsSuccessStatusCode) throw new RawAnswerException(raw);
            return System.Text.Json.JsonSerializer.Deserialize(raw.Body, CreateImageSdkJsonContext.Default.ImagesResponse)
                   ?? throw new RawAnswerException(raw);
        }

        private void Slow(TimeSpan? retryAfter)
        {
            var streak = Interlocked.Increment(ref _rateLimitStreak);
            var wait = retryAfter ?? TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, streak)));
            lock (_pauseGate)
            {
                var until = DateTimeOffset.UtcNow + wait;
                if (until > _pauseUntil) _pauseUntil = until;
            }

            _reporter.Line("rate limited: pausing new requests for " + wait.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s.");
        }

        private async Task WaitForPauseAsync(CancellationToken cancellationToken)
        {
            TimeSpan wait;
            lock (_pauseGate) wait = _pauseUntil - DateTimeOffset.UtcNow;
            if (wait > TimeSpan.Zero) await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>A file directly in <c>--out</c>; the name comes from <see cref="ImageFileNames"/>, and this says so once more.</summary>
        private string InsideOutput(string name)
        {
            var folder = Path.GetFullPath(_settings.Output);
            var path = Path.GetFullPath(Path.Combine(folder, name));
            if (!string.Equals(Path.GetDirectoryName(path), folder.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal))
            {
                throw new InvalidOperationException("The file name '" + name + "' would leave " + folder + "; nothing was written.");
            }

            return path;
        }

        /// <summary>The file extension of an output format the server reported: a known one, else a plain name of letters and digits.</summary>
        private static string Extension(string format)
        {
            var clean = new string(format.Where(char.IsLetterOrDigit).Take(8).ToArray()).ToLowerInvariant();
            return clean.Length == 0 ? "img" : clean;
        }
    }

    /// <summary>A raw answer (<c>--raw</c>) with an error status, or a body that is not an images response.</summary>
    internal sealed class RawAnswerException : Exception
    {
        public RawAnswerException(RawResponse answer)
            : base("The server answered " + answer.StatusCode + " " + answer.ReasonPhrase + " (kept in the .response.json file).") => Answer = answer;

        public RawResponse Answer { get; }
    }
}
