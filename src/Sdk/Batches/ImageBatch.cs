using System;
using System.Collections.Generic;

namespace CreateImageSdk.Batches
{
    /// <summary>
    /// A batch of the Batch API (<c>/v1/batches</c>): requests run within <see cref="CompletionWindow"/> at half the
    /// price of live calls. Read its results with <see cref="ImageClient.ReadBatchResultsAsync"/> once
    /// <see cref="ImageBatchStatus.IsTerminal"/>.
    /// </summary>
    public sealed record ImageBatch
    {
        /// <summary>The batch id (<c>batch_…</c>).</summary>
        public string Id { get; init; } = string.Empty;

        /// <summary>The endpoint every request of the batch goes to, e.g. <c>/v1/images/generations</c>.</summary>
        public string Endpoint { get; init; } = string.Empty;

        /// <summary>Where the batch is.</summary>
        public ImageBatchStatus Status { get; init; }

        /// <summary>The uploaded JSON Lines file of requests.</summary>
        public string InputFileId { get; init; } = string.Empty;

        /// <summary>The file of answered requests (each line a status, request id and body), once there is one.</summary>
        public string? OutputFileId { get; init; }

        /// <summary>The file of requests that failed or did not run, once there is one.</summary>
        public string? ErrorFileId { get; init; }

        /// <summary>How long the service may take, e.g. <c>24h</c>.</summary>
        public string CompletionWindow { get; init; } = string.Empty;

        /// <summary>When the batch was created.</summary>
        public DateTimeOffset CreatedAt { get; init; }

        /// <summary>When its requests started running.</summary>
        public DateTimeOffset? InProgressAt { get; init; }

        /// <summary>When it expires if not done by then.</summary>
        public DateTimeOffset? ExpiresAt { get; init; }

        /// <summary>When it started writing its files.</summary>
        public DateTimeOffset? FinalizingAt { get; init; }

        /// <summary>When it completed.</summary>
        public DateTimeOffset? CompletedAt { get; init; }

        /// <summary>When it failed.</summary>
        public DateTimeOffset? FailedAt { get; init; }

        /// <summary>When it expired.</summary>
        public DateTimeOffset? ExpiredAt { get; init; }

        /// <summary>When a cancel was asked for.</summary>
        public DateTimeOffset? CancellingAt { get; init; }

        /// <summary>When it was cancelled.</summary>
        public DateTimeOffset? CancelledAt { get; init; }

        /// <summary>How many requests it holds, and how many finished and failed so far.</summary>
        public ImageBatchRequestCounts? RequestCounts { get; init; }

        /// <summary>Up to 16 key-value pairs given when it was created.</summary>
        public IReadOnlyDictionary<string, string>? Metadata { get; init; }

        /// <summary>Why the input was refused (a <see cref="ImageBatchStatus.Failed"/> batch), when it was.</summary>
        public ImageBatchErrors? Errors { get; init; }
    }

    /// <summary>A batch's request counts.</summary>
    public sealed record ImageBatchRequestCounts
    {
        /// <summary>Requests in the batch.</summary>
        public int Total { get; init; }

        /// <summary>Requests answered successfully so far.</summary>
        public int Completed { get; init; }

        /// <summary>Requests that failed so far.</summary>
        public int Failed { get; init; }
    }

    /// <summary>The errors of a batch whose input was refused.</summary>
    public sealed record ImageBatchErrors
    {
        /// <summary>One entry per problem found.</summary>
        public IReadOnlyList<ImageBatchError> Data { get; init; } = Array.Empty<ImageBatchError>();
    }

    /// <summary>One problem with a batch's input.</summary>
    public sealed record ImageBatchError
    {
        /// <summary>A machine-readable code, e.g. <c>invalid_json_line</c>.</summary>
        public string? Code { get; init; }

        /// <summary>What is wrong, in words.</summary>
        public string? Message { get; init; }

        /// <summary>The parameter at fault, when one is.</summary>
        public string? Param { get; init; }

        /// <summary>The line of the input file at fault (1-based), when one is.</summary>
        public int? Line { get; init; }
    }
}
