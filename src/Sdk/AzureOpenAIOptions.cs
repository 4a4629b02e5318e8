namespace CreateImageSdk
{
    /// <summary>
    /// Settings for Azure OpenAI, set on <see cref="ImageClientOptions.Azure"/>. With them the API key is sent in an
    /// <c>api-key</c> header (or use <see cref="ImageClientOptions.TokenProvider"/> for Microsoft Entra ID).
    /// </summary>
    /// <remarks>
    /// Two URL shapes: with <see cref="Deployment"/>, <see cref="ImageClientOptions.BaseUri"/> is
    /// <c>https://{resource}.openai.azure.com/openai/</c> and requests go to
    /// <c>…/openai/deployments/{deployment}/images/generations?api-version={version}</c>; without it, BaseUri is the
    /// v1 API root <c>https://{resource}.openai.azure.com/openai/v1/</c>. The deployment stands in for the model in
    /// the URL; tell the builder which model the deployment runs (<c>WithModel</c> or <c>Using…()</c>) and its rules
    /// are checked before sending.
    /// </remarks>
    public sealed class AzureOpenAIOptions
    {
        /// <summary>The <see cref="ApiVersion"/> used when none is set.</summary>
        public const string DefaultApiVersion = "2025-04-01-preview";

        /// <summary>The deployment name, for the deployment URL shape; null for the v1 API.</summary>
        public string? Deployment { get; set; }

        /// <summary>The <c>api-version</c> query parameter of the deployment URL shape; <see cref="DefaultApiVersion"/> when unset.</summary>
        public string? ApiVersion { get; set; }

        /// <inheritdoc/>
        public override string ToString() => "AzureOpenAIOptions { Deployment = " + Deployment + ", ApiVersion = " + (ApiVersion ?? DefaultApiVersion) + " }";
    }
}
