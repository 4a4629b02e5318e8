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
        private readonly System.Collections.Generic.Dictionary<string, string> _overrides;

        /// <param name="baseUri">The API root, ending with <c>/</c>.</param>
        /// <param name="deployment">An Azure deployment, or null.</param>
        /// <param name="apiVersion">The Azure API version for the deployment shape.</param>
        /// <param name="overrides">Operation path → the path a server mounts it at.</param>
        public Endpoint(Uri baseUri, string? deployment, string? apiVersion, System.Collections.Generic.IDictionary<string, string>? overrides)
        {
            BaseUri = baseUri;
            _overrides = new System.Collections.Generic.Dictionary<string, string>(overrides ?? new System.Collections.Generic.Dictionary<string, string>(), StringComparer.Ordinal);
            foreach (var pair in _overrides)
            {
                if (string.IsNullOrWhiteSpace(pair.Value) || !Uri.TryCreate(pair.Value, UriKind.Relative, out _))
                {
                    throw new ArgumentException("PathOverrides['" + pair.Key + "'] must be a relative path such as 'generate' or '/api/images/generate', not '" + pair.Value + "'.", "PathOverrides");
                }
            }

            if (deployment is null) return;
            _deploymentPrefix = "deployments/" + Uri.EscapeDataString(deployment) + "/";
            _query = "?api-version=" + Uri.EscapeDataString(apiVersion ?? AzureOpenAIOptions.DefaultApiVersion);
        }

        public Uri BaseUri { get; }

        public Uri For(string path)
        {
            if (_overrides.TryGetValue(path, out var mounted)) path = mounted;
            if (_deploymentPrefix is null) return new Uri(BaseUri, path);

            // The Files and Batches APIs belong to the resource, not to a deployment (Azure: /openai/files, /openai/batches).
            var service = path.StartsWith("files", StringComparison.Ordinal) || path.StartsWith("batches", StringComparison.Ordinal);
            var query = path.IndexOf('?') >= 0 ? "&" + _query!.Substring(1) : _query;
            return new Uri(BaseUri, (service ? string.Empty : _deploymentPrefix) + path + query);
        }
    }
}
