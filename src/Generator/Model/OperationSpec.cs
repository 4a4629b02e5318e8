namespace CreateImageSdk.Generator.Model
{
    /// <summary>The HTTP operation a request schema is sent to (extension keyword <c>x-operation</c>).</summary>
    internal sealed record OperationSpec(string MethodName, string HttpMethod, string Path, string ResponseType, string? Summary);
}
