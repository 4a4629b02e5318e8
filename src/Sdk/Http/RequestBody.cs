using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CreateImageSdk.Http
{
    /// <summary>
    /// A request body, made afresh for each attempt: JSON bytes serialized once, or a multipart form whose files are
    /// read while each attempt is written. Which one an operation sends is its schema's <c>x-operation.contentType</c>.
    /// </summary>
    internal abstract class RequestBody
    {
        /// <summary>Why the body cannot be sent a second time (so a failure is not retried); null when it can.</summary>
        public virtual string? NotResendableReason => null;

        /// <summary>The body serialized with the generated metadata, as JSON.</summary>
        public static RequestBody Json<TRequest>(TRequest request, JsonTypeInfo<TRequest> info) => new JsonRequestBody(JsonSerializer.SerializeToUtf8Bytes(request, info));

        /// <summary>No body (a GET or DELETE, a POST that takes none).</summary>
        public static RequestBody None { get; } = new NoBody();

        /// <summary>The content of one attempt; null for <see cref="None"/>.</summary>
        public abstract HttpContent? CreateContent();

        private sealed class NoBody : RequestBody
        {
            public override HttpContent? CreateContent() => null;
        }
    }
}
