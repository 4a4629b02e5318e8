using System;

namespace CreateImageSdk.Http
{
    /// <summary>
    /// Where an operation's path goes: below the base URI (OpenAI, compatible servers, Azure's v1 API), or into an
    /// Azure deployment with its <c>api-version</c>.
    /// </summary>
    internal sealed class Endpoint
    {
        private readonly string? _deploymentPrefix;
        private readonly string? _query;

        public Endpoint(Uri baseUri, string? deployment, string? apiVersion)
        {
            BaseUri = baseUri;
            if (deployment is null) return;
            _deploymentPrefix = "deployments/" + Uri.EscapeDataString(deployment) + "/";
            _query = "?api-version=" + Uri.EscapeDataString(apiVersion ?? AzureOpenAIOptions.DefaultApiVersion);
        }

        public Uri BaseUri { get; }

        public Uri For(string path) => _deploymentPrefix is null ? new Uri(BaseUri, path) : new Uri(BaseUri, _deploymentPrefix + path + _query);
    }
}
