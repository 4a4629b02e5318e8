using System;
using System.Net.Http;

namespace CreateImageSdk
{
    /// <summary>
    /// Settings for an <see cref="ImageClient"/>. Unset values fall back to the environment
    /// (<c>OPENAI_API_KEY</c>, <c>OPENAI_BASE_URL</c>) and then to OpenAI's defaults.
    /// </summary>
    public sealed class ImageClientOptions
    {
        /// <summary>OpenAI's API root, used when neither <see cref="BaseUri"/> nor <c>OPENAI_BASE_URL</c> is set.</summary>
        public static readonly Uri DefaultBaseUri = new Uri("https://api.openai.com/v1/");

        /// <summary>
        /// The default <see cref="Timeout"/>: 5 minutes, because high-quality GPT image generations often take
        /// 60 to 180 seconds, longer than the usual 100-second HTTP timeout.
        /// </summary>
        public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

        /// <summary>The API key sent as <c>Authorization: Bearer</c>; falls back to <c>OPENAI_API_KEY</c>. Never printed or logged.</summary>
        public string? ApiKey { get; init; }

        /// <summary>The API root, e.g. <c>https://api.openai.com/v1/</c>; falls back to <c>OPENAI_BASE_URL</c>, then <see cref="DefaultBaseUri"/>.</summary>
        public Uri? BaseUri { get; init; }

        /// <summary>Sent as <c>OpenAI-Organization</c> when set.</summary>
        public string? Organization { get; init; }

        /// <summary>Sent as <c>OpenAI-Project</c> when set.</summary>
        public string? Project { get; init; }

        /// <summary>How long one request may take, from sending to the end of the body; <see cref="DefaultTimeout"/> when unset.</summary>
        public TimeSpan? Timeout { get; init; }

        /// <summary>
        /// An <see cref="System.Net.Http.HttpClient"/> to send with (for proxies, handlers or <c>IHttpClientFactory</c>);
        /// the client does not dispose it. When null, the client creates and owns one.
        /// </summary>
        public HttpClient? HttpClient { get; init; }

        /// <summary>Describes the options without the API key.</summary>
        /// <returns>A description safe to log.</returns>
        public override string ToString() =>
            "ImageClientOptions { ApiKey = " + (ApiKey is null ? "(unset)" : "***") + ", BaseUri = " + BaseUri + ", Organization = " + Organization +
            ", Project = " + Project + ", Timeout = " + Timeout + " }";
    }
}
