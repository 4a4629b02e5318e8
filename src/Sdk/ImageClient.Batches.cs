using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using CreateImageSdk.Batches;
using CreateImageSdk.Http;
using CreateImageSdk.Telemetry;
using CreateImageSdk.Responses;
using CreateImageSdk.Uploads;

namespace CreateImageSdk
{
    // The Files and Batches APIs: the same sender (timeouts, retries, errors, secrets kept out) and telemetry as the image calls.
    public sealed partial class ImageClient
    {
        private static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(5);
        private static readonly TimeSpan MaxPollInterval = TimeSpan.FromSeconds(60);

        /// <summary>Uploads a file with the Files API (<c>POST /v1/files</c>), read from disk as it is sent.</summary>
        /// <param name="path">The file.</param>
        /// <param name="purpose"><c>batch</c> for a batch's input, <c>vision</c> or <c>user_data</c> for an image to edit by file id.</param>
        /// <param name="cancellationToken">Cancels the upload.</param>
        /// <returns>The stored file.</returns>
        /// <exception cref="ArgumentException"><paramref name="path"/> or <paramref name="purpose"/> is empty.</exception>
        /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>; nothing was sent.</exception>
        /// <exception cref="ImageApiException">The server refused it.</exception>
        public Task<ImageFile> UploadFileAsync(string path, string purpose, CancellationToken cancellationToken = default)
        {
            if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException("The path of the file to upload is empty.", nameof(path));
            CheckPurpose(purpose);
            if (!File.Exists(path)) throw new FileNotFoundException("There is no file to upload at '" + path + "'; nothing was sent.", path);
            var name = Path.GetFileName(path);
            return UploadAsync(new FileUploadBody(purpose, name, MediaTypeOf(name), path, null), cancellationToken);
        }

        /// <summary>Uploads a file with the Files API (<c>POST /v1/files</c>) from a stream (rewound for a retry when it can seek).</summary>
        /// <param name="content">The file's content, read from its current position; not disposed.</param>
        /// <param name="fileName">The name to store it under; its extension sets the media type sent.</param>
        /// <param name="purpose"><c>batch</c> for a batch's input, <c>vision</c> or <c>user_data</c> for an image to edit by file id.</param>
        /// <param name="cancellationToken">Cancels the upload.</param>
        /// <returns>The stored file.</returns>
        /// <exception cref="ArgumentException"><paramref name="fileName"/> or <paramref name="purpose"/> is empty.</exception>
        /// <exception cref="ImageApiException">The server refused it.</exception>
        public Task<ImageFile> UploadStreamAsync(Stream content, string fileName, string purpose, CancellationToken cancellationToken = default)
        {
            if (content is null) throw new ArgumentNullException(nameof(content));
            if (string.IsNullOrWhiteSpace(fileName)) throw new ArgumentException("The file name to upload under is empty.", nameof(fileName));
            CheckPurpose(purpose);
            return UploadAsync(new FileUploadBody(purpose, fileName, MediaTypeOf(fileName), null, content), cancellationToken);
        }

        /// <summary>Reads a file's details (<c>GET /v1/files/{id}</c>).</summary>
        /// <param name="fileId">The file id.</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>The file.</returns>
        /// <exception cref="ImageApiException">The server refused (404: there is no such file).</exception>
        public Task<ImageFile> GetFileAsync(string fileId, CancellationToken cancellationToken = default) =>
            SendServiceAsync("retrieve_file", HttpMethod.Get, "files/" + Id(fileId, nameof(fileId)), RequestBody.None, BatchJson.File, cancellationToken);

        /// <summary>
        /// Copies a file's content (<c>GET /v1/files/{id}/content</c>) to <paramref name="destination"/> as it arrives,
        /// so a large batch output never sits in memory whole.
        /// </summary>
        /// <param name="fileId">The file id, e.g. a batch's <see cref="ImageBatch.OutputFileId"/>.</param>
        /// <param name="destination">Where the content goes; not disposed. A failed attempt may leave part of it written.</param>
        /// <param name="cancellationToken">Cancels the download.</param>
        /// <returns>How many bytes were copied.</returns>
        /// <exception cref="ImageApiException">The server refused (404: there is no such file).</exception>
        public async Task<long> DownloadFileAsync(string fileId, Stream destination, CancellationToken cancellationToken = default)
        {
            if (destination is null) throw new ArgumentNullException(nameof(destination));
            var path = "files/" + Id(fileId, nameof(fileId)) + "/content";
            using var operation = ImageOperation.StartService("download_file", BaseUri, _provider);
            try
            {
                return await _sender.SendAsync(HttpMethod.Get, path, RequestBody.None, acceptErrorStatus: false, async attempt =>
                {
                    using var source = await ResponseReader.ReadStreamAsync(attempt.Response, attempt.Timeout.Token).ConfigureAwait(false);
                    var buffer = new byte[81920];
                    long total = 0;
                    int read;
                    while ((read = await source.ReadAsync(buffer, 0, buffer.Length, attempt.Timeout.Token).ConfigureAwait(false)) > 0)
                    {
                        await destination.WriteAsync(buffer, 0, read, attempt.Timeout.Token).ConfigureAwait(false);
                        total += read;
                    }

                    return total;
                }, operation, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                operation.Failed(ex);
                throw;
            }
        }

        /// <summary>Deletes a file (<c>DELETE /v1/files/{id}</c>), such as a batch's input once its results are read.</summary>
        /// <param name="fileId">The file id.</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>A task that completes when the server confirmed.</returns>
        /// <exception cref="ImageApiException">The server refused (404: there is no such file).</exception>
        public Task DeleteFileAsync(string fileId, CancellationToken cancellationToken = default) =>
            SendServiceAsync("delete_file", HttpMethod.Delete, "files/" + Id(fileId, nameof(fileId)), RequestBody.None, ResponseReader.ReadRawAsync, cancellationToken);

        /// <summary>Creates a batch from an uploaded input file (<c>POST /v1/batches</c>, completion window 24 hours).</summary>
        /// <param name="inputFileId">The input file, uploaded with purpose <c>batch</c>.</param>
        /// <param name="endpoint">The endpoint of every line: <see cref="ImageBatchJob.GenerationsEndpoint"/> or <see cref="ImageBatchJob.EditsEndpoint"/>.</param>
        /// <param name="metadata">Up to 16 key-value pairs to find the batch by later; null for none.</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>The batch, usually <see cref="ImageBatchStatus.Validating"/>.</returns>
        /// <remarks>
        /// Not retried blindly: a create whose answer was lost may have made the batch, and a second one would run (and
        /// bill) every request twice. <see cref="SubmitBatchAsync"/> retries safely by looking for the batch first.
        /// </remarks>
        /// <exception cref="ImageApiException">The server refused.</exception>
        public Task<ImageBatch> CreateBatchAsync(string inputFileId, string endpoint, IReadOnlyDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default)
        {
            Id(inputFileId, nameof(inputFileId));
            if (endpoint != ImageBatchJob.GenerationsEndpoint && endpoint != ImageBatchJob.EditsEndpoint)
            {
                throw new ArgumentException("endpoint must be " + ImageBatchJob.GenerationsEndpoint + " or " + ImageBatchJob.EditsEndpoint + ", not '" + endpoint + "'.", nameof(endpoint));
            }

            if (metadata != null && metadata.Count > 16) throw new ArgumentException("A batch takes at most 16 metadata pairs, not " + metadata.Count + ".", nameof(metadata));
            var body = new JsonRequestBody(BatchJson.CreateBatch(inputFileId, endpoint, "24h", metadata));
            return SendServiceAsync("create_batch", HttpMethod.Post, "batches", new OnceBody(body), BatchJson.Batch, cancellationToken);
        }

        /// <summary>Reads a batch (<c>GET /v1/batches/{id}</c>).</summary>
        /// <param name="batchId">The batch id.</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>The batch as it is now.</returns>
        /// <exception cref="ImageApiException">The server refused (404: there is no such batch).</exception>
        public Task<ImageBatch> GetBatchAsync(string batchId, CancellationToken cancellationToken = default) =>
            SendServiceAsync("retrieve_batch", HttpMethod.Get, "batches/" + Id(batchId, nameof(batchId)), RequestBody.None, BatchJson.Batch, cancellationToken);

        /// <summary>Asks to cancel a batch (<c>POST /v1/batches/{id}/cancel</c>); it goes <see cref="ImageBatchStatus.Cancelling"/>, then <see cref="ImageBatchStatus.Cancelled"/>.</summary>
        /// <param name="batchId">The batch id.</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>The batch as it is now.</returns>
        /// <exception cref="ImageApiException">The server refused (404: no such batch; 409: it already finished).</exception>
        public Task<ImageBatch> CancelBatchAsync(string batchId, CancellationToken cancellationToken = default) =>
            SendServiceAsync("cancel_batch", HttpMethod.Post, "batches/" + Id(batchId, nameof(batchId)) + "/cancel", RequestBody.None, BatchJson.Batch, cancellationToken);

        /// <summary>Lists the account's batches, newest first (<c>GET /v1/batches</c>), a page at a time as enumerated.</summary>
        /// <param name="cancellationToken">Stops listing.</param>
        /// <returns>The batches.</returns>
        /// <exception cref="ImageApiException">The server refused.</exception>
        public async IAsyncEnumerable<ImageBatch> ListBatchesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            string? after = null;
            while (true)
            {
                var path = "batches?limit=100" + (after is null ? string.Empty : "&after=" + Uri.EscapeDataString(after));
                var page = await SendServiceAsync("list_batches", HttpMethod.Get, path, RequestBody.None, BatchJson.Page, cancellationToken).ConfigureAwait(false);
                foreach (var batch in page.Data) yield return batch;
                if (!page.HasMore || page.Data.Count == 0) yield break;
                after = page.LastId ?? page.Data[page.Data.Count - 1].Id;
            }
        }

        /// <summary>
        /// Uploads one batch input and creates its batch. A create that fails without a clear refusal (a lost answer, a
        /// timeout, 429 or 5xx) is tried again only after looking for a batch of the same input file, so a batch is never
        /// made twice.
        /// </summary>
        /// <param name="input">One of <see cref="ImageBatchJob.Split"/>'s inputs.</param>
        /// <param name="metadata">Up to 16 key-value pairs for the batch; null for none.</param>
        /// <param name="cancellationToken">Cancels the upload and the create.</param>
        /// <returns>The batch.</returns>
        /// <exception cref="ImageApiException">The server refused.</exception>
        public async Task<ImageBatch> SubmitBatchAsync(ImageBatchInput input, IReadOnlyDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default)
        {
            if (input is null) throw new ArgumentNullException(nameof(input));
            using var content = input.OpenRead();
            var file = await UploadStreamAsync(content, "create-image-batch.jsonl", "batch", cancellationToken).ConfigureAwait(false);
            return await CreateBatchOnceAsync(file.Id, input.Endpoint, metadata, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Creates the batch for an uploaded input file unless the newest batches already hold one for it (made by an
        /// earlier attempt whose answer was lost, or a run that stopped between upload and create): the safe way to
        /// create, retry and resume. Costs one list call before each create.
        /// </summary>
        /// <param name="inputFileId">The uploaded input file.</param>
        /// <param name="endpoint">Its lines' endpoint.</param>
        /// <param name="metadata">Up to 16 key-value pairs for the batch; null for none.</param>
        /// <param name="cancellationToken">Cancels the calls.</param>
        /// <returns>The batch of that input file.</returns>
        /// <exception cref="ImageApiException">The server refused.</exception>
        public async Task<ImageBatch> CreateBatchOnceAsync(string inputFileId, string endpoint, IReadOnlyDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default)
        {
            for (var attempt = 1; ; attempt++)
            {
                // The newest page is enough: a batch made for this file moments ago (or by a run that stopped) is on it.
                var page = await SendServiceAsync("list_batches", HttpMethod.Get, "batches?limit=100", RequestBody.None, BatchJson.Page, cancellationToken).ConfigureAwait(false);
                foreach (var existing in page.Data)
                {
                    if (existing.InputFileId == inputFileId) return existing;
                }

                try
                {
                    return await CreateBatchAsync(inputFileId, endpoint, metadata, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (attempt <= MaxRetries && !cancellationToken.IsCancellationRequested && MayHaveBeenCreated(ex))
                {
                    await Task.Delay(RetryPolicy.Backoff(attempt), cancellationToken).ConfigureAwait(false);
                }
            }
        }

        /// <summary>
        /// Submits every input of a job (<see cref="ImageBatchJob.Split"/>), one batch each. If one fails, the exception
        /// carries the batches already created (<see cref="ImageBatchSubmitException.Submitted"/>), so none is lost.
        /// </summary>
        /// <param name="job">The requests.</param>
        /// <param name="metadata">Up to 16 key-value pairs for each batch; null for none.</param>
        /// <param name="cancellationToken">Cancels the uploads and creates.</param>
        /// <returns>The batches, in the order of the inputs.</returns>
        /// <exception cref="ImageBatchSubmitException">An upload or create failed; <see cref="Exception.InnerException"/> says why.</exception>
        public async Task<IReadOnlyList<ImageBatch>> SubmitBatchJobAsync(ImageBatchJob job, IReadOnlyDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default)
        {
            if (job is null) throw new ArgumentNullException(nameof(job));
            if (job.Count == 0) throw new ArgumentException("The job has no requests; add some with Add(customId, request).", nameof(job));
            var submitted = new List<ImageBatch>();
            foreach (var input in job.Split())
            {
                try
                {
                    submitted.Add(await SubmitBatchAsync(input, metadata, cancellationToken).ConfigureAwait(false));
                }
                catch (Exception ex) when (ex is ImageClientException || ex is TimeoutException || ex is OperationCanceledException)
                {
                    throw new ImageBatchSubmitException(submitted, ex);
                }
            }

            return submitted;
        }

        /// <summary>
        /// Polls a batch until it ends (completed, failed, expired or cancelled): every <paramref name="pollInterval"/> at
        /// first, backing off to ten times that (at most a minute) while nothing changes.
        /// </summary>
        /// <param name="batchId">The batch id.</param>
        /// <param name="progress">Told each state read; null for none.</param>
        /// <param name="pollInterval">The first wait between polls; default 5 seconds.</param>
        /// <param name="cancellationToken">Stops waiting (the batch goes on; poll it again later).</param>
        /// <returns>The ended batch.</returns>
        /// <exception cref="ImageApiException">A poll was refused.</exception>
        public async Task<ImageBatch> WaitForBatchAsync(string batchId, IProgress<ImageBatch>? progress = null, TimeSpan? pollInterval = null, CancellationToken cancellationToken = default)
        {
            var first = pollInterval ?? DefaultPollInterval;
            if (first <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(pollInterval), "pollInterval must be positive.");
            var longest = TimeSpan.FromTicks(Math.Max(first.Ticks, Math.Min(first.Ticks * 10, MaxPollInterval.Ticks)));
            var wait = first;
            ImageBatch? last = null;
            while (true)
            {
                var batch = await GetBatchAsync(batchId, cancellationToken).ConfigureAwait(false);
                progress?.Report(batch);
                if (batch.Status.IsTerminal) return batch;
                var changed = last is null || last.Status != batch.Status || last.RequestCounts != batch.RequestCounts;
                wait = changed ? first : TimeSpan.FromTicks(Math.Min((long)(wait.Ticks * 1.5), longest.Ticks));
                last = batch;
                await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>
        /// Reads an ended batch's results: its output file, then its error file, each downloaded to a temporary file and
        /// read a line at a time. Each result is the typed response or the error a live call would give.
        /// </summary>
        /// <param name="batch">The batch, as <see cref="WaitForBatchAsync"/> returned it.</param>
        /// <param name="expectedCustomIds">
        /// The custom ids sent in the batch (<see cref="ImageBatchInput.CustomIds"/>): each one in neither file (a batch
        /// that failed as a whole, say) is then a <see cref="ImageBatchOutcome.NotRun"/> result with the batch's reasons,
        /// so no request goes unreported; null to read the files alone.
        /// </param>
        /// <param name="cancellationToken">Stops reading.</param>
        /// <returns>One result per line of the files, then one per expected id not in them.</returns>
        /// <exception cref="ImageApiException">A download was refused, or a line is not a batch result.</exception>
        public async IAsyncEnumerable<ImageBatchResult> ReadBatchResultsAsync(ImageBatch batch, IEnumerable<string>? expectedCustomIds = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            if (batch is null) throw new ArgumentNullException(nameof(batch));
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var fileId in new[] { batch.OutputFileId, batch.ErrorFileId })
            {
                if (string.IsNullOrEmpty(fileId)) continue;
                using var temporary = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
                await DownloadFileAsync(fileId!, temporary, cancellationToken).ConfigureAwait(false);
                temporary.Position = 0;
                await foreach (var result in ImageBatchResults.ReadAsync(temporary, batch.Id, _sender.Http, _sender.Scrubber, cancellationToken).ConfigureAwait(false))
                {
                    seen.Add(result.CustomId);
                    yield return result;
                }
            }

            if (expectedCustomIds is null) yield break;
            var why = batch.Errors?.Data is { Count: > 0 } errors
                ? "its input was refused: " + string.Join(" ", System.Linq.Enumerable.Select(errors, e => (e.Line is { } line ? "line " + line + ": " : string.Empty) + e.Message))
                : "the batch ended " + batch.Status + " with no result for it";
            foreach (var id in expectedCustomIds)
            {
                if (!seen.Add(id)) continue;
                // A cancelled batch lists only what ran: the rest was cancelled before it ran.
                var cancelled = batch.Status == ImageBatchStatus.Cancelled;
                var error = new ImageBatchRequestException("The batch request '" + id + "' of " + batch.Id + " did not run: " + (cancelled ? "the batch was cancelled first" : _sender.Scrubber.Scrub(why)),
                    id, batch.Id, cancelled ? "batch_cancelled" : batch.Status == ImageBatchStatus.Failed ? "batch_failed" : null);
                yield return new ImageBatchResult(id, cancelled ? ImageBatchOutcome.Cancelled : ImageBatchOutcome.NotRun, null, error, null);
            }
        }

        private async Task<ImageFile> UploadAsync(FileUploadBody body, CancellationToken cancellationToken) =>
            await SendServiceAsync("upload_file", HttpMethod.Post, "files", body, BatchJson.File, cancellationToken).ConfigureAwait(false);

        private Task<T> SendServiceAsync<T>(string operationName, HttpMethod method, string path, RequestBody body, Func<System.Text.Json.JsonElement, T> read, CancellationToken cancellationToken) =>
            SendServiceAsync(operationName, method, path, body, attempt => ResponseReader.ReadDocumentAsync(attempt, read, typeof(T).Name), cancellationToken);

        private async Task<T> SendServiceAsync<T>(string operationName, HttpMethod method, string path, RequestBody body, Func<Attempt, Task<T>> read, CancellationToken cancellationToken)
        {
            using var operation = ImageOperation.StartService(operationName, BaseUri, _provider);
            try
            {
                return await _sender.SendAsync(method, path, body, acceptErrorStatus: false, read, operation, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                operation.Failed(ex);
                throw;
            }
        }

        private static bool MayHaveBeenCreated(Exception ex) =>
            ex is ImageTransportException || ex is TimeoutException || (ex is ImageApiException api && !(ex is ImageResponseFormatException) && (api.StatusCode == 429 || api.StatusCode >= 500));

        private static string Id(string id, string name)
        {
            if (string.IsNullOrWhiteSpace(id)) throw new ArgumentException(name + " is empty.", name);
            return Uri.EscapeDataString(id.Trim());
        }

        private static void CheckPurpose(string purpose)
        {
            if (string.IsNullOrWhiteSpace(purpose)) throw new ArgumentException("purpose is empty; use batch (a batch's input), vision or user_data (an image to edit).", nameof(purpose));
        }

        private static string MediaTypeOf(string fileName)
        {
            switch (Path.GetExtension(fileName).ToLowerInvariant())
            {
                case ".jsonl": return "application/jsonl";
                case ".png": return "image/png";
                case ".jpg": case ".jpeg": return "image/jpeg";
                case ".webp": return "image/webp";
                default: return "application/octet-stream";
            }
        }

        /// <summary>A body the sender must not send twice on its own (creating a batch); the caller decides about retries.</summary>
        private sealed class OnceBody : RequestBody
        {
            private readonly RequestBody _inner;

            public OnceBody(RequestBody inner) => _inner = inner;

            public override string? NotResendableReason => "creating a batch is not repeated blindly (a lost answer may have created it); CreateBatchOnceAsync looks for it before trying again";

            public override HttpContent? CreateContent() => _inner.CreateContent();
        }
    }
}
