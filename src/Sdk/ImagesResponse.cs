using System;

namespace CreateImageSdk
{
    // Hand-written helpers on the generated ImagesResponse record.
    public sealed partial record ImagesResponse : Http.IReadByClient
    {
        void Http.IReadByClient.ReadBy(System.Net.Http.HttpClient http) => Http.ImageDownloader.Attach(Data, http);

        /// <summary>How long image URLs stay valid after <see cref="Created"/>.</summary>
        public static readonly TimeSpan UrlLifetime = TimeSpan.FromMinutes(60);

        /// <summary>When the images' URLs stop working: 60 minutes after <see cref="Created"/>. Download or save them before then.</summary>
        public DateTimeOffset UrlsExpireAt => Created + UrlLifetime;
    }
}
