using System;

namespace CreateImageSdk.Batches
{
    /// <summary>
    /// Where a batch is: <see cref="Validating"/> → <see cref="InProgress"/> → <see cref="Finalizing"/> →
    /// <see cref="Completed"/>, or <see cref="Failed"/> (its input was refused), <see cref="Expired"/> (not done within
    /// its window), <see cref="Cancelling"/> → <see cref="Cancelled"/>. Open like the request values: a status the
    /// service adds later is kept as it came.
    /// </summary>
    public readonly struct ImageBatchStatus : IEquatable<ImageBatchStatus>
    {
        private readonly string? _value;

        private ImageBatchStatus(string value) => _value = value;

        /// <summary>The input file is being checked.</summary>
        public static ImageBatchStatus Validating { get; } = new ImageBatchStatus("validating");

        /// <summary>The input was refused; <see cref="ImageBatch.Errors"/> says why. No request ran.</summary>
        public static ImageBatchStatus Failed { get; } = new ImageBatchStatus("failed");

        /// <summary>Requests are running.</summary>
        public static ImageBatchStatus InProgress { get; } = new ImageBatchStatus("in_progress");

        /// <summary>All requests ran; the output and error files are being written.</summary>
        public static ImageBatchStatus Finalizing { get; } = new ImageBatchStatus("finalizing");

        /// <summary>Done: the output and error files are ready.</summary>
        public static ImageBatchStatus Completed { get; } = new ImageBatchStatus("completed");

        /// <summary>The completion window ended first: finished requests are in the output file, the rest in the error file as <c>batch_expired</c>.</summary>
        public static ImageBatchStatus Expired { get; } = new ImageBatchStatus("expired");

        /// <summary>A cancel was asked for and is under way.</summary>
        public static ImageBatchStatus Cancelling { get; } = new ImageBatchStatus("cancelling");

        /// <summary>Cancelled: finished requests are in the output file.</summary>
        public static ImageBatchStatus Cancelled { get; } = new ImageBatchStatus("cancelled");

        /// <summary>The status as the API spells it.</summary>
        public string Value => _value ?? string.Empty;

        /// <summary>Whether the batch will not change any more (completed, failed, expired or cancelled); its files can be read.</summary>
        public bool IsTerminal => this == Completed || this == Failed || this == Expired || this == Cancelled;

        /// <summary>A status as the API spells it, known or not.</summary>
        /// <param name="value">The wire value.</param>
        /// <returns>The status.</returns>
        public static ImageBatchStatus Custom(string value) => new ImageBatchStatus(value ?? throw new ArgumentNullException(nameof(value)));

        /// <summary>Compares by wire value.</summary>
        public static bool operator ==(ImageBatchStatus left, ImageBatchStatus right) => left.Equals(right);

        /// <summary>Compares by wire value.</summary>
        public static bool operator !=(ImageBatchStatus left, ImageBatchStatus right) => !left.Equals(right);

        /// <inheritdoc/>
        public bool Equals(ImageBatchStatus other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

        /// <inheritdoc/>
        public override bool Equals(object? obj) => obj is ImageBatchStatus other && Equals(other);

        /// <inheritdoc/>
        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

        /// <inheritdoc/>
        public override string ToString() => Value;
    }
}
