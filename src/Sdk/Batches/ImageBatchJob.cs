using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CreateImageSdk.Batches
{
    /// <summary>
    /// Requests to run through the Batch API, each under an id of yours (its <c>custom_id</c>): generations and JSON-form
    /// edits (<see cref="EditImageWithReferencesRequest"/>, images by file id or URL), each validated as it is added, by
    /// the same rules as a live call. <see cref="Split"/> cuts them into batch inputs within the service's limits (one
    /// endpoint per batch, <see cref="MaxRequestsPerBatchLimit"/> requests, <see cref="MaxInputFileBytesLimit"/> bytes);
    /// <see cref="ImageClient.SubmitBatchJobAsync"/> uploads and creates them.
    /// </summary>
    /// <example>
    /// <code>
    /// var job = new ImageBatchJob()
    ///     .Add("fox", new CreateImageRequest { Prompt = "A fox", Model = ImageModel.GptImage1_5 })
    ///     .Add("owl", new CreateImageRequest { Prompt = "An owl", Model = ImageModel.GptImage1_5 });
    /// var batches = await client.SubmitBatchJobAsync(job);
    /// foreach (var batch in batches)
    /// {
    ///     var done = await client.WaitForBatchAsync(batch.Id);
    ///     await foreach (var result in client.ReadBatchResultsAsync(done)) { /* result.CustomId, result.Response */ }
    /// }
    /// </code>
    /// </example>
    public sealed class ImageBatchJob
    {
        /// <summary>The Batch API's limit on requests in one batch (OpenAI, Batch API guide: "up to 50,000 requests").</summary>
        public const int MaxRequestsPerBatchLimit = 50_000;

        /// <summary>The Batch API's limit on a batch's input file (OpenAI, Batch API guide: "an input file can be up to 200 MB").</summary>
        public const long MaxInputFileBytesLimit = 200L * 1024 * 1024;

        /// <summary>The endpoint of generations in a batch line.</summary>
        public const string GenerationsEndpoint = "/v1/images/generations";

        /// <summary>The endpoint of edits in a batch line.</summary>
        public const string EditsEndpoint = "/v1/images/edits";

        private readonly List<Line> _lines = new List<Line>();
        private readonly HashSet<string> _ids = new HashSet<string>(StringComparer.Ordinal);
        private int _maxRequests = MaxRequestsPerBatchLimit;
        private long _maxBytes = MaxInputFileBytesLimit;

        /// <summary>At most this many requests go in one batch; 1 to <see cref="MaxRequestsPerBatchLimit"/> (the default).</summary>
        /// <exception cref="ArgumentOutOfRangeException">The value is outside that range.</exception>
        public int MaxRequestsPerBatch
        {
            get => _maxRequests;
            init => _maxRequests = value >= 1 && value <= MaxRequestsPerBatchLimit ? value
                : throw new ArgumentOutOfRangeException(nameof(MaxRequestsPerBatch), value, "MaxRequestsPerBatch must be between 1 and " + MaxRequestsPerBatchLimit + ", the Batch API's limit.");
        }

        /// <summary>At most this many bytes go in one batch's input file; 1 KiB to <see cref="MaxInputFileBytesLimit"/> (the default).</summary>
        /// <exception cref="ArgumentOutOfRangeException">The value is outside that range.</exception>
        public long MaxInputFileBytes
        {
            get => _maxBytes;
            init => _maxBytes = value >= 1024 && value <= MaxInputFileBytesLimit ? value
                : throw new ArgumentOutOfRangeException(nameof(MaxInputFileBytes), value, "MaxInputFileBytes must be between 1024 and " + MaxInputFileBytesLimit + " bytes, the Batch API's limit.");
        }

        /// <summary>How many requests were added.</summary>
        public int Count => _lines.Count;

        /// <summary>Adds a generation.</summary>
        /// <param name="customId">Your id for the request, unique in the job; its result carries it.</param>
        /// <param name="request">The request; validated now.</param>
        /// <returns>This job.</returns>
        /// <exception cref="ArgumentException"><paramref name="customId"/> is empty or already used.</exception>
        /// <exception cref="ImageRequestValidationException">The request breaks its rules; it was not added.</exception>
        /// <exception cref="ArgumentException">The request asks to stream (a batch answers with whole responses).</exception>
        public ImageBatchJob Add(string customId, CreateImageRequest request) =>
            Append(customId, GenerationsEndpoint, request, request?.Stream, request?.Validate(), CreateImageSdkJsonContext.Default.CreateImageRequest);

        /// <summary>Adds an edit in the JSON form (its images are file ids, e.g. from <see cref="ImageClient.UploadFileAsync(string, string, System.Threading.CancellationToken)"/>, or URLs).</summary>
        /// <param name="customId">Your id for the request, unique in the job; its result carries it.</param>
        /// <param name="request">The request; validated now.</param>
        /// <returns>This job.</returns>
        /// <exception cref="ArgumentException"><paramref name="customId"/> is empty or already used, or the request asks to stream.</exception>
        /// <exception cref="ImageRequestValidationException">The request breaks its rules; it was not added.</exception>
        public ImageBatchJob Add(string customId, EditImageWithReferencesRequest request) =>
            Append(customId, EditsEndpoint, request, request?.Stream, request?.Validate(), CreateImageSdkJsonContext.Default.EditImageWithReferencesRequest);

        /// <summary>
        /// The batch inputs: the requests by endpoint, in the order added, cut where the next line would pass
        /// <see cref="MaxRequestsPerBatch"/> or <see cref="MaxInputFileBytes"/>.
        /// </summary>
        /// <returns>One input per batch to create.</returns>
        /// <exception cref="InvalidOperationException">A single request is larger than <see cref="MaxInputFileBytes"/>.</exception>
        public IReadOnlyList<ImageBatchInput> Split()
        {
            var inputs = new List<ImageBatchInput>();
            foreach (var endpoint in new[] { GenerationsEndpoint, EditsEndpoint })
            {
                var ids = new List<string>();
                var file = new MemoryStream();
                foreach (var line in _lines)
                {
                    if (line.Endpoint != endpoint) continue;
                    if (line.Json.Length + 1 > _maxBytes)
                    {
                        throw new InvalidOperationException("The request '" + line.CustomId + "' is " + line.Json.Length + " bytes as a batch line, more than MaxInputFileBytes (" + _maxBytes + "); send it live instead.");
                    }

                    if (ids.Count == _maxRequests || file.Length + line.Json.Length + 1 > _maxBytes)
                    {
                        inputs.Add(new ImageBatchInput(endpoint, ids, file.ToArray()));
                        ids = new List<string>();
                        file = new MemoryStream();
                    }

                    ids.Add(line.CustomId);
                    file.Write(line.Json, 0, line.Json.Length);
                    file.WriteByte((byte)'\n');
                }

                if (ids.Count > 0) inputs.Add(new ImageBatchInput(endpoint, ids, file.ToArray()));
            }

            return inputs;
        }

        /// <summary>Checks the id and the request (as a live call would, streaming refused), then adds its line.</summary>
        private ImageBatchJob Append<TRequest>(string customId, string endpoint, TRequest request, bool? stream, IReadOnlyList<ImageRequestViolation>? violations, JsonTypeInfo<TRequest> info)
            where TRequest : class
        {
            if (request is null) throw new ArgumentNullException(nameof(request));
            if (string.IsNullOrWhiteSpace(customId)) throw new ArgumentException("A batch request needs a custom id that is not empty.", nameof(customId));
            if (_ids.Contains(customId)) throw new ArgumentException("The custom id '" + customId + "' is already in this job; each request needs its own, so its result can be told apart.", nameof(customId));
            if (stream == true) throw new ArgumentException("The request for '" + customId + "' asks to stream; a batch answers with whole responses, so leave Stream unset.", nameof(request));
            Validation.ViolationCollector.ThrowIfInvalid(request, violations);

            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteString("custom_id", customId);
                writer.WriteString("method", "POST");
                writer.WriteString("url", endpoint);
                writer.WritePropertyName("body");
                JsonSerializer.Serialize(writer, request, info);
                writer.WriteEndObject();
            }

            _ids.Add(customId);
            _lines.Add(new Line(customId, endpoint, buffer.ToArray()));
            return this;
        }

        private sealed class Line
        {
            public Line(string customId, string endpoint, byte[] json)
            {
                CustomId = customId;
                Endpoint = endpoint;
                Json = json;
            }

            public string CustomId { get; }

            public string Endpoint { get; }

            public byte[] Json { get; }
        }
    }
}
