namespace CreateImageSdk
{
    /// <summary>
    /// The names to subscribe to for this SDK's traces and metrics, e.g. with OpenTelemetry:
    /// <c>.WithTracing(t =&gt; t.AddSource(ImageTelemetry.SourceName)).WithMetrics(m =&gt; m.AddMeter(ImageTelemetry.SourceName))</c>.
    /// </summary>
    /// <remarks>
    /// Each call is one <c>generate_content {model}</c> span (kind Client) with the OpenTelemetry GenAI attributes
    /// (<c>gen_ai.operation.name</c>, <c>gen_ai.provider.name</c>, <c>gen_ai.request.model</c>, <c>gen_ai.output.type</c>,
    /// <c>gen_ai.request.choice.count</c>, <c>gen_ai.request.stream</c>, <c>gen_ai.usage.input_tokens</c>/<c>output_tokens</c>,
    /// <c>server.address</c>/<c>server.port</c>, <c>error.type</c>, <c>http.request.resend_count</c>) and the other request
    /// values as <c>createimagesdk.request.*</c> (size, quality, background, …). The metrics are
    /// <c>gen_ai.client.operation.duration</c> (s) and <c>gen_ai.client.token.usage</c> ({token}). Prompts, the API key
    /// and image bytes are never recorded.
    /// </remarks>
    public static class ImageTelemetry
    {
        /// <summary>The name of the <see cref="System.Diagnostics.ActivitySource"/> and of the <see cref="System.Diagnostics.Metrics.Meter"/>.</summary>
        public const string SourceName = "CreateImageSdk";
    }
}
