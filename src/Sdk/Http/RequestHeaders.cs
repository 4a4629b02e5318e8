using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using System.Net.Http.Headers;
using System.Reflection;
using System.Runtime.InteropServices;
using CreateImageSdk.Security;

namespace CreateImageSdk.Http
{
    /// <summary>The headers every request carries. Holds the API key; never prints it.</summary>
    internal sealed class RequestHeaders
    {
        /// <summary>The package version without build metadata, e.g. <c>1.0.0</c>.</summary>
        public static readonly string Version = ReadVersion();

        public static readonly string UserAgent = "CreateImageSdk/" + Version + " (" + RuntimeInformation.FrameworkDescription + "; " + RuntimeInformation.OSDescription.Trim() + ")";

        private readonly AuthenticationHeaderValue? _authorization;
        private readonly string? _azureKey;
        private readonly Func<CancellationToken, ValueTask<string>>? _tokenProvider;
        private readonly string? _organization;
        private readonly string? _project;

        /// <param name="apiKey">A key already checked by <see cref="HeaderValueCheck"/>, or null.</param>
        /// <param name="azure">Send the key as Azure's <c>api-key</c> header rather than as a bearer token.</param>
        /// <param name="tokenProvider">Gets a bearer token per attempt, instead of the key; or null.</param>
        /// <param name="organization">Checked like the key, or null.</param>
        /// <param name="project">Checked like the key, or null.</param>
        public RequestHeaders(string? apiKey, bool azure, Func<CancellationToken, ValueTask<string>>? tokenProvider, string? organization, string? project)
        {
            _tokenProvider = tokenProvider;
            if (tokenProvider is null && apiKey != null)
            {
                if (azure) _azureKey = apiKey;
                else _authorization = new AuthenticationHeaderValue("Bearer", apiKey);
            }

            _organization = organization;
            _project = project;
            Scrubber = new SecretScrubber(apiKey);
        }

        public bool HasApiKey => _authorization != null || _azureKey != null;

        public bool HasCredential => HasApiKey || _tokenProvider != null;

        /// <summary>Masks the key in server text.</summary>
        public SecretScrubber Scrubber { get; }

        /// <summary>Sets the headers of one attempt; a token provider is asked for a fresh token each time.</summary>
        public async ValueTask ApplyAsync(HttpRequestMessage message, string accept, CancellationToken cancellationToken)
        {
            if (_tokenProvider != null)
            {
                var token = HeaderValueCheck.Normalize(await _tokenProvider(cancellationToken).ConfigureAwait(false), "the token from ImageClientOptions.TokenProvider")
                            ?? throw new InvalidOperationException("ImageClientOptions.TokenProvider returned an empty token, so nothing was sent.");
                message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            Apply(message, accept);
        }

        private void Apply(HttpRequestMessage message, string accept)
        {
            if (_authorization != null) message.Headers.Authorization = _authorization;
            if (_azureKey != null) message.Headers.TryAddWithoutValidation("api-key", _azureKey);
            if (_organization != null) message.Headers.TryAddWithoutValidation("OpenAI-Organization", _organization);
            if (_project != null) message.Headers.TryAddWithoutValidation("OpenAI-Project", _project);
            message.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
            message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        }

        public override string ToString() => "RequestHeaders { HasApiKey = " + (HasApiKey ? "true" : "false") + " }";

        private static string ReadVersion()
        {
            var assembly = typeof(RequestHeaders).Assembly;
            var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? assembly.GetName().Version?.ToString() ?? "0.0.0";
            var plus = version.IndexOf('+');
            return plus >= 0 ? version.Substring(0, plus) : version;
        }
    }
}
