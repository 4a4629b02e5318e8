namespace CreateImageSdk.Generator.Model
{
    /// <summary>The HTTP operation a request schema is sent to (extension keyword <c>x-operation</c>).</summary>
    /// <param name="StreamFlag">The boolean request property that asks for server-sent events, when the operation can stream.</param>
    /// <param name="StreamEvent">The type of each streamed event.</param>
    /// <param name="FinalEventProperty">The event property whose value marks the last event (with <paramref name="FinalEventValue"/>).</param>
    /// <param name="FinalEventValue">The value of that property on the last event; a stream that ends before it is an error.</param>
    internal sealed record OperationSpec(
        string MethodName, string HttpMethod, string Path, string ResponseType, string? Summary,
        string? StreamFlag = null, string? StreamEvent = null, string? FinalEventProperty = null, string? FinalEventValue = null);
}
