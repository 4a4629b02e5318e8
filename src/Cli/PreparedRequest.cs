using System;
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

        /// <summary>The generation, or null for an edit.</summary>
        public CreateImageRequest? Generation => _generation;

        /// <summary>Whether the request is an edit.</summary>
        public bool IsEdit => _edit != null;

        /// <summary>The model id sent, or the endpoint's default (dall-e-2) when none is named.</summary>
        public string ModelId => (_edit != null ? _edit.Model : _generation!.Model)?.Value ?? "dall-e-2";

        /// <summary>The known model whose rules check the model sent (itself when known), or null.</summary>
        public string? RulesOf => (_edit != null ? _edit.Model : _generation!.Model)?.RulesOf?.Value;

        /// <summary>The quality asked for, as the API spells it, or null for the default (auto).</summary>
        public string? Quality => _edit != null ? _edit.Quality?.Value : _generation!.Quality?.Value;

        /// <summary>How many images the request asks for.</summary>
        public int Images => (_edit != null ? _edit.Count : _generation!.Count) ?? 1;

        /// <summary>The prompt's length in characters.</summary>
        public int PromptLength => (_edit != null ? _edit.Prompt : _generation!.Prompt).Length;

        /// <summary>The output format asked for; null when the server's default (png) applies.</summary>
        public ImageOutputFormat? OutputFormat => _edit != null ? _edit.OutputFormat : _generation!.OutputFormat;

        public Task<ImagesResponse> SendAsync(ImageClient client, CancellationToken cancellationToken) =>
            _edit != null ? client.EditImageAsync(_edit, cancellationToken) : client.CreateImageAsync(_generation!, cancellationToken);

        /// <summary>Sends the request and writes each image to <paramref name="pathOfImage"/>'s file as the answer arrives (fixed memory).</summary>
        public Task<ImagesResponse> SaveAsync(ImageClient client, Func<int, string> pathOfImage, CancellationToken cancellationToken) =>
            _edit != null ? client.EditImageToFilesAsync(_edit, pathOfImage, cancellationToken) : client.CreateImageToFilesAsync(_generation!, pathOfImage, cancellationToken);

        public Task<RawResponse> SendRawAsync(ImageClient client, CancellationToken cancellationToken) =>
            _edit != null ? client.EditImageRawAsync(_edit, cancellationToken) : client.CreateImageRawAsync(_generation!, cancellationToken);
    }
}
