using System;

namespace CreateImageSdk.Batches
{
    /// <summary>The result of one request of a batch, by its custom id.</summary>
    public sealed class ImageBatchResult
    {
        internal ImageBatchResult(string customId, ImageBatchOutcome outcome, ImagesResponse? response, ImageClientException? error, string? requestId)
        {
            CustomId = customId;
            Outcome = outcome;
            Response = response;
            Error = error;
            RequestId = requestId;
        }

        /// <summary>The id the request was added under.</summary>
        public string CustomId { get; }

        /// <summary>What became of it.</summary>
        public ImageBatchOutcome Outcome { get; }

        /// <summary>Whether the endpoint answered 2xx (then <see cref="Response"/> is set).</summary>
        public bool Succeeded => Outcome == ImageBatchOutcome.Succeeded;

        /// <summary>The typed response, as a live call returns it; null unless <see cref="Succeeded"/>.</summary>
        public ImagesResponse? Response { get; }

        /// <summary>
        /// Why there is no response: the <see cref="ImageApiException"/> a live call would have thrown (the endpoint
        /// answered with an error), or an <see cref="ImageBatchRequestException"/> (the request did not run); null when
        /// <see cref="Succeeded"/>.
        /// </summary>
        public ImageClientException? Error { get; }

        /// <summary>The <c>request_id</c> the endpoint gave the request, when it ran.</summary>
        public string? RequestId { get; }

        /// <summary>The response, or throws <see cref="Error"/>: a batch result handled like a live call.</summary>
        /// <returns>The response.</returns>
        /// <exception cref="ImageClientException">The request failed or did not run.</exception>
        public ImagesResponse GetResponseOrThrow() => Response ?? throw Error!;

        /// <inheritdoc/>
        public override string ToString() => "ImageBatchResult { CustomId = " + CustomId + ", Outcome = " + Outcome + " }";
    }
}
