namespace CreateImageSdk.Batches
{
    /// <summary>What became of one request of a batch.</summary>
    public enum ImageBatchOutcome
    {
        /// <summary>The endpoint answered 2xx; <see cref="ImageBatchResult.Response"/> holds the images.</summary>
        Succeeded,

        /// <summary>The endpoint answered with an error; <see cref="ImageBatchResult.Error"/> is the <see cref="ImageApiException"/> a live call would have thrown.</summary>
        Failed,

        /// <summary>The batch's completion window ended before the request ran (<c>batch_expired</c>).</summary>
        Expired,

        /// <summary>The batch was cancelled before the request ran (<c>batch_cancelled</c>).</summary>
        Cancelled,

        /// <summary>The request did not run for another reason the service gave (its code is in the error), or the batch failed as a whole.</summary>
        NotRun,
    }
}
