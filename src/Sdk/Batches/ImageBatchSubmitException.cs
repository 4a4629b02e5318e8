using System;
using System.Collections.Generic;

namespace CreateImageSdk.Batches
{
    /// <summary>
    /// Submitting a job stopped part way: <see cref="Submitted"/> holds the batches created before the failure (they run,
    /// and will be billed), <see cref="Exception.InnerException"/> the failure.
    /// </summary>
    public sealed class ImageBatchSubmitException : Exception
    {
        internal ImageBatchSubmitException(IReadOnlyList<ImageBatch> submitted, Exception inner)
            : base("Submitting the batch job stopped after " + submitted.Count + " batch(es) were created: " + inner.Message, inner)
        {
            Submitted = submitted;
        }

        /// <summary>The batches created before the failure.</summary>
        public IReadOnlyList<ImageBatch> Submitted { get; }
    }
}
