using System.Collections.Generic;

namespace CreateImageSdk.LocalServer;

/// <summary>A request to <c>POST /v1/images/generations</c> as the server received it, before any check.</summary>
/// <param name="Method">The HTTP method, e.g. <c>POST</c>.</param>
/// <param name="Path">The request path, including the query string when one was sent.</param>
/// <param name="Headers">The request headers; keys compare case-insensitively and repeated values are joined with <c>", "</c>.</param>
/// <param name="Body">The raw request body, decoded as UTF-8.</param>
public sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body);
