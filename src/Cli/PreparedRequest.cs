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

        public PreparedRequest(CreateImageRequest generation) => _generation = generation;

        public PreparedRequest(EditImageRequest edit) => _edit = edit;

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
