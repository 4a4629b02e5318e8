using System;

namespace CreateImageSdk.Batches
{
    /// <summary>A file stored with the Files API (<c>/v1/files</c>): a Batch API input or output, or an image to edit by file id.</summary>
    public sealed record ImageFile
    {
        /// <summary>The file id (<c>file-…</c>), used by a batch's <c>input_file_id</c> or an edit's <c>file_id</c> reference.</summary>
        public string Id { get; init; } = string.Empty;

        /// <summary>The size in bytes.</summary>
        public long Bytes { get; init; }

        /// <summary>When the file was uploaded.</summary>
        public DateTimeOffset CreatedAt { get; init; }

        /// <summary>When the service deletes it, if it will.</summary>
        public DateTimeOffset? ExpiresAt { get; init; }

        /// <summary>The name it was uploaded with.</summary>
        public string FileName { get; init; } = string.Empty;

        /// <summary>What it is for: <c>batch</c> (a batch's input), <c>batch_output</c>, <c>vision</c> or <c>user_data</c> (images), ….</summary>
        public string Purpose { get; init; } = string.Empty;
    }
}
