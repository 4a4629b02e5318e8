using System;
using System.Globalization;

namespace CreateImageSdk
{
    // Hand-written helpers on the generated ImagesResponse record.
    public sealed partial record ImagesResponse : Http.IReadByClient, Http.ICheckedResponse, Telemetry.IReportsUsage
    {
        private ImageRateLimit? _rateLimit;

        /// <summary>
        /// The account's rate limits as this answer's <c>x-ratelimit-*</c> headers told them; null when the server sent
        /// none (or the response was not read from HTTP, e.g. from a Batch API output file).
        /// </summary>
        public ImageRateLimit? RateLimit => _rateLimit;

        internal void SetRateLimit(ImageRateLimit? rateLimit) => _rateLimit = rateLimit;

        void Http.IReadByClient.ReadBy(System.Net.Http.HttpClient http) => Responses.ImageDownloader.Attach(Data, http);

        string? Http.ICheckedResponse.FindProblem()
        {
            for (var i = 0; i < Data.Count; i++)
            {
                if (Data[i].Url is null && Data[i].Bytes is null && Data[i].SavedPath is null)
                {
                    return "image " + i.ToString(CultureInfo.InvariantCulture) + " of the answer has neither 'url' nor 'b64_json', so there is no image to return.";
                }
            }

            return null;
        }

        /// <summary>The images written to files as they arrived take the paths in place of their (placeholder) bytes.</summary>
        internal ImagesResponse WithSavedFiles(Responses.FileImageSink files)
        {
            var images = new GeneratedImage[Data.Count];
            for (var i = 0; i < images.Length; i++)
            {
                images[i] = Data[i].Bytes is { } bytes && files.PathOf(bytes) is { } path ? Data[i].SavedAt(path) : Data[i];
            }

            return this with { Data = images };
        }

        /// <summary>URL images (dall-e's default) downloaded to the files named for their positions, after the answer.</summary>
        internal async System.Threading.Tasks.Task<ImagesResponse> DownloadUrlsAsync(Func<int, string> pathOfImage, System.Threading.CancellationToken cancellationToken)
        {
            GeneratedImage[]? images = null;
            for (var i = 0; i < Data.Count; i++)
            {
                if (Data[i].SavedPath != null || Data[i].Url is null) continue;
                var path = pathOfImage(i);
                await Data[i].SaveAsync(path, cancellationToken).ConfigureAwait(false);
                images ??= System.Linq.Enumerable.ToArray(Data);
                images[i] = Data[i].SavedAt(path);
            }

            return images is null ? this : this with { Data = images };
        }

        /// <summary>How long image URLs stay valid after <see cref="Created"/>.</summary>
        public static readonly TimeSpan UrlLifetime = TimeSpan.FromMinutes(60);

        /// <summary>When the images' URLs stop working: 60 minutes after <see cref="Created"/>. Download or save them before then.</summary>
        public DateTimeOffset UrlsExpireAt => Created + UrlLifetime;
    }
}
