using System.Net.Http;
using System.Net.Http.Headers;
using System.Reflection;
using System.Runtime.InteropServices;

namespace CreateImageSdk.Http
{
    /// <summary>The headers every request carries. Holds the API key; never prints it.</summary>
    internal sealed class RequestHeaders
    {
        public static readonly string UserAgent = BuildUserAgent();

        private readonly AuthenticationHeaderValue? _authorization;
        private readonly string? _apiKey;
        private readonly string? _organization;
        private readonly string? _project;

        public RequestHeaders(string? apiKey, string? organization, string? project)
        {
            _apiKey = apiKey;
            _authorization = apiKey is null ? null : new AuthenticationHeaderValue("Bearer", apiKey);
            _organization = string.IsNullOrEmpty(organization) ? null : organization;
            _project = string.IsNullOrEmpty(project) ? null : project;
        }

        public bool HasApiKey => _authorization != null;

        public void Apply(HttpRequestMessage message)
        {
            if (_authorization != null) message.Headers.Authorization = _authorization;
            if (_organization != null) message.Headers.TryAddWithoutValidation("OpenAI-Organization", _organization);
            if (_project != null) message.Headers.TryAddWithoutValidation("OpenAI-Project", _project);
            message.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
            message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        }

        /// <summary>
        /// Server text with the API key masked: a server or proxy may echo the key it was sent (OpenAI echoes a
        /// fragment), and that text becomes exception messages that end up in logs.
        /// </summary>
        public string? Scrub(string? text)
        {
            if (text is null || _apiKey is null || _apiKey.Length < 4) return text;
            return text.Replace(_apiKey, "***");
        }

        public override string ToString() => "RequestHeaders { HasApiKey = " + (HasApiKey ? "true" : "false") + " }";

        private static string BuildUserAgent()
        {
            var assembly = typeof(RequestHeaders).Assembly;
            var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? assembly.GetName().Version?.ToString() ?? "0.0.0";
            var plus = version.IndexOf('+');
            if (plus >= 0) version = version.Substring(0, plus);
            return "CreateImageSdk/" + version + " (" + RuntimeInformation.FrameworkDescription + "; " + RuntimeInformation.OSDescription.Trim() + ")";
        }
    }
}
