using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace CreateImageSdk.Cli
{
    /// <summary>
    /// What a row (or the single command) became once checked: a generation, or an edit of one or more images. Both
    /// answer with the same <see cref="ImagesResponse"/>, so everything after sending treats them alike.
    /// </summary>
    internal sealed class PreparedRequest
    {
        private readonly CreateImageRequest? _generation;
        private readonly EditImageRequest? _edit;

        public PreparedRequest(CreateImageRequest generation, IReadOnlyList<string> notes)
        {
            _generation = generation;
            Notes = notes;
        }

        public PreparedRequest(EditImageRequest edit, IReadOnlyList<string> notes)
        {
            _edit = edit;
            Notes = notes;
        }

        /// <summary>One line per value sent without a model's checks (an unknown value for an unknown model, or --unchecked).</summary>
        public IReadOnlyList<string> Notes { get; }

        /// <summary>The size asked for, as the API spells it; null when the server's default applies.</summary>
        public string? Size => _edit != null ? _edit.Size?.Value : _generation!.Size?.Value;

        /// <summary>The output format asked for; null when the server's default (png) applies.</summary>
        public ImageOutputFormat? OutputFormat => _edit != null ? _edit.OutputFormat : _generation!.OutputFormat;

        public Task<ImagesResponse> SendAsync(ImageClient client, CancellationToken cancellationToken) =>
            _edit != null ? client.EditImageAsync(_edit, cancellationToken) : client.CreateImageAsync(_generation!, cancellationToken);

        public Task<RawResponse> SendRawAsync(ImageClient client, CancellationToken cancellationToken) =>
            _edit != null ? client.EditImageRawAsync(_edit, cancellationToken) : client.CreateImageRawAsync(_generation!, cancellationToken);
    }
}
