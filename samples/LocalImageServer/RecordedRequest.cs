using System.Collections.Generic;

namespace CreateImageSdk.LocalServer;

/// <summary>
/// A request to <c>POST /v1/images/generations</c> or <c>POST /v1/images/edits</c> (or their Azure routes) as the
/// server received it, before any check.
/// </summary>
/// <param name="Method">The HTTP method, e.g. <c>POST</c>.</param>
/// <param name="Path">The request path, including the query string when one was sent.</param>
/// <param name="Headers">The request headers; keys compare case-insensitively and repeated values are joined with <c>", "</c>.</param>
/// <param name="Body">
/// The raw request body, decoded as UTF-8 (a multipart body's binary parts come out as replacement characters;
/// see <see cref="RawBody"/>). Empty for a body over <see cref="LocalImageServer.MaxRequestBodyBytes"/>, which is not kept.
/// </param>
public sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    /// <summary>
    /// The request body exactly as received, byte for byte, for asserting on multipart uploads. The server
    /// fills it for every request it records; it is empty for a body over <see cref="LocalImageServer.MaxRequestBodyBytes"/>,
    /// and for a record made with the positional constructor alone. The array is the record's own: treat it as read-only.
    /// </summary>
    public byte[] RawBody { get; init; } = [];
}
