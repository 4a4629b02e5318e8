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

        void Http.IReadByClient.ReadBy(System.Net.Http.HttpClient http) => Http.ImageDownloader.Attach(Data, http);

        string? Http.ICheckedResponse.FindProblem()
        {
            for (var i = 0; i < Data.Count; i++)
            {
                if (Data[i].Url is null && Data[i].Bytes is null)
                {
                    return "image " + i.ToString(CultureInfo.InvariantCulture) + " of the answer has neither 'url' nor 'b64_json', so there is no image to return.";
                }
            }

            return null;
        }

        /// <summary>How long image URLs stay valid after <see cref="Created"/>.</summary>
        public static readonly TimeSpan UrlLifetime = TimeSpan.FromMinutes(60);

        /// <summary>When the images' URLs stop working: 60 minutes after <see cref="Created"/>. Download or save them before then.</summary>
        public DateTimeOffset UrlsExpireAt => Created + UrlLifetime;
    }
}
