using System;
using System.Net.Http;

namespace CreateImageSdk
{
    /// <summary>
    /// Settings for an <see cref="ImageClient"/>. Unset values fall back to the environment
    /// (<c>OPENAI_API_KEY</c>, <c>OPENAI_BASE_URL</c>) and then to OpenAI's defaults. The client copies them when
    /// it is created, so changing an options object afterwards changes nothing.
    /// </summary>
    /// <remarks>
    /// The properties have ordinary setters (not <c>init</c>) so that projects on C# 7.3, the default for
    /// netstandard2.0 and .NET Framework, and configuration binders can set them.
    /// </remarks>
    public sealed class ImageClientOptions
    {
        /// <summary>OpenAI's API root, used when neither <see cref="BaseUri"/> nor <c>OPENAI_BASE_URL</c> is set.</summary>
        public static readonly Uri DefaultBaseUri = new Uri("https://api.openai.com/v1/");

        /// <summary>
        /// The default <see cref="Timeout"/>: 10 minutes, the official Python library's default, because high-quality
        /// GPT image generations often take 60 to 180 seconds and large gpt-image-2 ones have been reported at about
        /// 400 seconds (Azure OpenAI), well past the usual 100-second HTTP timeout and past the earlier 5 minutes.
        /// </summary>
        public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(10);

        /// <summary>The default <see cref="MaxRetries"/>: 2 retries, so at most 3 attempts.</summary>
        public const int DefaultMaxRetries = 2;

        /// <summary>The default <see cref="MaxRetryDelay"/>: 60 seconds.</summary>
        public static readonly TimeSpan DefaultMaxRetryDelay = TimeSpan.FromSeconds(60);

        /// <summary>The default <see cref="MaxResponseBytes"/>: 512 MiB, far above ten 4K images in base64.</summary>
        public const long DefaultMaxResponseBytes = 512L * 1024 * 1024;

        /// <summary>
        /// The API key sent as <c>Authorization: Bearer</c>; falls back to <c>OPENAI_API_KEY</c>. Surrounding whitespace
        /// (a trailing newline from a file, say) is removed; a key with a space, line break or control character inside
        /// is refused when the client is created. Never printed or logged.
        /// </summary>
        public string? ApiKey { get; set; }

        /// <summary>
        /// The API root, e.g. <c>https://api.openai.com/v1/</c>; falls back to <c>OPENAI_BASE_URL</c>, then
        /// <see cref="DefaultBaseUri"/>. Plain <c>http</c> is accepted only for loopback hosts unless
        /// <see cref="AllowInsecureHttp"/> is set.
        /// </summary>
        public Uri? BaseUri { get; set; }

        /// <summary>Sent as <c>OpenAI-Organization</c> when set.</summary>
        public string? Organization { get; set; }

        /// <summary>Sent as <c>OpenAI-Project</c> when set.</summary>
        public string? Project { get; set; }

        /// <summary>
        /// How long one attempt may take, from sending to the end of the body (for streams: the whole stream,
        /// retries included); <see cref="DefaultTimeout"/> when unset.
        /// </summary>
        public TimeSpan? Timeout { get; set; }

        /// <summary>
        /// How many times a failed attempt is retried, 0 to 10; <see cref="DefaultMaxRetries"/> (2) when unset, 0 turns
        /// retries off. Retried: 408, 409, 429, 500, 502, 503 and 504 answers, and connections that failed before any response
        /// header arrived; a <c>x-should-retry</c> response header overrides the status rule. Never retried: other
        /// answers, a request refused by validation, the caller's cancellation, and (unless
        /// <see cref="RetryTimeouts"/> is set) a timeout after the request was sent. Streams are retried only before
        /// their first event.
        /// </summary>
        public int? MaxRetries { get; set; }

        /// <summary>
        /// The longest wait a server may ask for with <c>retry-after-ms</c> or <c>Retry-After</c>;
        /// <see cref="DefaultMaxRetryDelay"/> when unset. A longer wait is not retried, and the error says so.
        /// Without those headers the client waits about 0.5 s, doubling up to 8 s, with jitter.
        /// </summary>
        public TimeSpan? MaxRetryDelay { get; set; }

        /// <summary>
        /// Retry an attempt that timed out after the request was fully sent. Off by default: the server may still be
        /// generating, and generations are billed, so a retry can pay twice for one image.
        /// </summary>
        public bool RetryTimeouts { get; set; }

        /// <summary>
        /// The largest answer body read, typed or raw (and the largest single stream event, up to 128 MiB);
        /// <see cref="DefaultMaxResponseBytes"/> when unset. A larger answer fails with an
        /// <see cref="ImageResponseFormatException"/> instead of filling memory. Error bodies are cut at 64 KiB and
        /// downloaded images at 64 MiB.
        /// </summary>
        public long? MaxResponseBytes { get; set; }

        /// <summary>
        /// For servers that mount an operation elsewhere: the operation's path (e.g. <c>images/generations</c>) → the path to
        /// use instead, relative to <see cref="BaseUri"/> (<c>generate</c>) or from the host's root (<c>/api/images/generate</c>).
        /// Empty by default.
        /// </summary>
        public System.Collections.Generic.IDictionary<string, string> PathOverrides { get; set; } = new System.Collections.Generic.Dictionary<string, string>(StringComparer.Ordinal);

        /// <summary>Azure OpenAI: the <c>api-key</c> header and, for the deployment URL shape, the deployment and API version.</summary>
        public AzureOpenAIOptions? Azure { get; set; }

        /// <summary>
        /// Gets a bearer token for each attempt (Microsoft Entra ID for Azure OpenAI, or any OAuth server), instead of
        /// <see cref="ApiKey"/>. Called before every attempt, retries included, so a token that expires is renewed; with
        /// Azure.Identity: <c>async ct =&gt; (await credential.GetTokenAsync(new TokenRequestContext(new[] { "https://cognitiveservices.azure.com/.default" }), ct)).Token</c>.
        /// An exception it throws (a credential that cannot sign in) reaches the caller as it is, before anything is sent.
        /// </summary>
        public System.Func<System.Threading.CancellationToken, System.Threading.Tasks.ValueTask<string>>? TokenProvider { get; set; }

        /// <summary>
        /// Allow a plain <c>http</c> <see cref="BaseUri"/> to a host that is not loopback (a trusted internal network).
        /// Off by default: the API key and the prompts would cross the network unencrypted.
        /// </summary>
        public bool AllowInsecureHttp { get; set; }

        /// <summary>
        /// An <see cref="System.Net.Http.HttpClient"/> to send with (for proxies, handlers or <c>IHttpClientFactory</c>);
        /// the client does not dispose it. When null, the client creates and owns one that follows no redirects and
        /// accepts gzip, deflate and Brotli. A caller-supplied client should not follow redirects either
        /// (<c>AllowAutoRedirect = false</c>): if it does, an answer that came from another host is refused, but what the
        /// handler already sent there (the body, the organization and project headers) cannot be taken back.
        /// </summary>
        public HttpClient? HttpClient { get; set; }

        /// <summary>A copy of these options (the same values; the <see cref="HttpClient"/> and <see cref="Azure"/> objects are shared), to change without touching the original.</summary>
        /// <returns>The copy.</returns>
        public ImageClientOptions Clone()
        {
            var copy = (ImageClientOptions)MemberwiseClone();
            copy.PathOverrides = new System.Collections.Generic.Dictionary<string, string>(PathOverrides, StringComparer.Ordinal);
            return copy;
        }

        /// <summary>Describes the options without the API key.</summary>
        /// <returns>A description safe to log.</returns>
        public override string ToString() =>
            "ImageClientOptions { ApiKey = " + (ApiKey is null ? "(unset)" : "***") + ", BaseUri = " + BaseUri + ", Organization = " + Organization +
            ", Project = " + Project + ", Timeout = " + Timeout + ", MaxRetries = " + MaxRetries + ", Azure = " + (Azure is null ? "(unset)" : Azure.ToString()) +
            ", TokenProvider = " + (TokenProvider is null ? "(unset)" : "(set)") + " }";
    }
}
