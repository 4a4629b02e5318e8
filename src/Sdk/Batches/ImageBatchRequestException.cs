using System;

namespace CreateImageSdk.Batches
{
    /// <summary>
    /// A batch request that never reached its endpoint: the batch expired or was cancelled first, its input was refused,
    /// or the service reported another error for the line. A request the endpoint answered with an error is an
    /// <see cref="ImageApiException"/> instead, as in a live call.
    /// </summary>
    public sealed class ImageBatchRequestException : ImageClientException
    {
        internal ImageBatchRequestException(string message, string customId, string? batchId, string? code)
            : base(message, null)
        {
            CustomId = customId;
            BatchId = batchId;
            Code = code;
        }

        /// <summary>The request's custom id.</summary>
        public string CustomId { get; }

        /// <summary>The batch it was in, when known.</summary>
        public string? BatchId { get; }

        /// <summary>The service's code, e.g. <c>batch_expired</c> or <c>batch_cancelled</c>; null when none was given.</summary>
        public string? Code { get; }
    }
}
