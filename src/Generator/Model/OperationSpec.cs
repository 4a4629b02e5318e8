namespace CreateImageSdk.Generator.Model
{
    /// <summary>The HTTP operation a request schema is sent to (extension keyword <c>x-operation</c>).</summary>
    /// <param name="MethodName">The client method's name, such as <c>CreateImage</c> (also <c>CreateImageAsync</c>, …).</param>
    /// <param name="HttpMethod">The HTTP method.</param>
    /// <param name="Path">The path below the base address.</param>
    /// <param name="ResponseType">The type of a successful answer.</param>
    /// <param name="Summary">What the operation does, for the docs.</param>
    /// <param name="StreamFlag">The boolean request property that asks for server-sent events, when the operation can stream.</param>
    /// <param name="StreamEvent">The type of each streamed event.</param>
    /// <param name="FinalEventProperty">The event property whose value marks the last event (with <paramref name="FinalEventValue"/>).</param>
    /// <param name="FinalEventValue">The value of that property on the last event; a stream that ends before it is an error.</param>
    internal sealed record OperationSpec(
        string MethodName, string HttpMethod, string Path, string ResponseType, string? Summary,
        string? StreamFlag = null, string? StreamEvent = null, string? FinalEventProperty = null, string? FinalEventValue = null)
    {
        /// <summary>How the request body is written: <c>application/json</c> (the default) or <c>multipart/form-data</c>.</summary>
        public string ContentType { get; init; } = JsonContentType;

        /// <summary>
        /// The word in the names of this operation's model-specific types (<c>Edit</c> gives
        /// <c>GptImage1_5EditRequestBuilder</c> and <c>DallE2EditSize</c>); empty for the first operation's plain names.
        /// </summary>
        public string Variant { get; init; } = string.Empty;

        public bool IsMultipart => ContentType == MultipartContentType;

        public const string JsonContentType = "application/json";

        public const string MultipartContentType = "multipart/form-data";
    }
}
