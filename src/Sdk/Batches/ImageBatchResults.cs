using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CreateImageSdk.Http;
using CreateImageSdk.Security;
using CreateImageSdk.Responses;

namespace CreateImageSdk.Batches
{
    /// <summary>
    /// Reads a batch's output or error file (JSON Lines: <c>{id, custom_id, response: {status_code, request_id, body},
    /// error}</c>) into one <see cref="ImageBatchResult"/> per line, a line at a time.
    /// </summary>
    public static class ImageBatchResults
    {
        /// <summary>Reads the results in a downloaded output or error file.</summary>
        /// <param name="file">The file's content; read to its end, not disposed.</param>
        /// <param name="batchId">The batch it came from, for the errors' messages; null when unknown.</param>
        /// <param name="cancellationToken">Stops reading.</param>
        /// <returns>The results, in file order.</returns>
        /// <exception cref="ImageResponseFormatException">A line is not a batch result (its line number is in the message).</exception>
        public static IAsyncEnumerable<ImageBatchResult> ReadAsync(Stream file, string? batchId = null, CancellationToken cancellationToken = default)
        {
            if (file is null) throw new ArgumentNullException(nameof(file));
            return ReadAsync(file, batchId, null, SecretScrubber.None, cancellationToken);
        }

        internal static async IAsyncEnumerable<ImageBatchResult> ReadAsync(Stream file, string? batchId, HttpClient? http, SecretScrubber scrubber, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            using var reader = new StreamReader(file, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 81920, leaveOpen: true);
            var number = 0;
            string? text;
            while ((text = await reader.ReadLineAsync().ConfigureAwait(false)) != null)
            {
                cancellationToken.ThrowIfCancellationRequested();
                number++;
                if (text.Length == 0) continue;
                yield return Parse(text, number, batchId, http, scrubber);
            }
        }

        private static ImageBatchResult Parse(string text, int number, string? batchId, HttpClient? http, SecretScrubber scrubber)
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(text);
            }
            catch (JsonException ex)
            {
                throw Malformed(number, batchId, "is not JSON (" + ex.Message + ")", ex);
            }

            using (document)
            {
                try
                {
                    return Parse(document.RootElement, number, batchId, http, scrubber);
                }
                catch (JsonException ex)
                {
                    throw Malformed(number, batchId, "is not a batch result (" + ex.Message + ")", ex);
                }
            }
        }

        private static ImageBatchResult Parse(JsonElement line, int number, string? batchId, HttpClient? http, SecretScrubber scrubber)
        {
            if (BatchJson.Text(line, "custom_id") is not { Length: > 0 } customId) throw Malformed(number, batchId, "has no custom_id", null);
            var response = BatchJson.Member(line, "response");
            var status = response is { } r ? (int)(BatchJson.Long(r, "status_code") ?? 0) : 0;
            var requestId = response is { } withId ? BatchJson.Text(withId, "request_id") : null;
            var body = response is { } withBody ? BatchJson.Member(withBody, "body") : null;
            if (status >= 200 && status <= 299)
            {
                if (body is null) throw Malformed(number, batchId, "(custom_id '" + customId + "') has no body", null);
                var images = body.Value.Deserialize(CreateImageSdkJsonContext.Default.ImagesResponse)
                             ?? throw Malformed(number, batchId, "(custom_id '" + customId + "') has a null body", null);
                if ((images as ICheckedResponse).FindProblem() is { } problem) throw Malformed(number, batchId, "(custom_id '" + customId + "'): " + problem, null);
                if (http != null) (images as IReadByClient).ReadBy(http);
                return new ImageBatchResult(customId, ImageBatchOutcome.Succeeded, images, null, requestId);
            }

            if (status != 0)
            {
                // The reason phrase HTTP gives the status, so the message reads as a live call's does.
                string? reason;
                using (var phrase = new HttpResponseMessage((System.Net.HttpStatusCode)status)) reason = phrase.ReasonPhrase;
                var error = ErrorResponseReader.FromBody(status, reason, body?.GetRawText() ?? string.Empty, requestId, null, scrubber);
                return new ImageBatchResult(customId, ImageBatchOutcome.Failed, null, error, requestId);
            }

            var lineError = BatchJson.Member(line, "error") is { } e ? BatchJson.Error(e) : null;
            var code = lineError?.Code;
            var outcome = code == "batch_expired" ? ImageBatchOutcome.Expired : code == "batch_cancelled" ? ImageBatchOutcome.Cancelled : ImageBatchOutcome.NotRun;
            var message = "The batch request '" + customId + "'" + (batchId is null ? string.Empty : " of " + batchId) + " did not run: " +
                          (scrubber.Scrub(lineError?.Message) ?? "the service gave no reason") + (code is null ? string.Empty : " (code " + code + ")");
            return new ImageBatchResult(customId, outcome, null, new ImageBatchRequestException(message, customId, batchId, code), null);
        }

        private static ImageResponseFormatException Malformed(int number, string? batchId, string what, Exception? inner) =>
            new ImageResponseFormatException("Line " + number + " of the batch file" + (batchId is null ? string.Empty : " of " + batchId) + " " + what + ".", 200, null, null, inner);
    }
}
