using System.Net.Http;
using System.Net.Http.Headers;

namespace CreateImageSdk.Http
{
    /// <summary>A JSON body: serialized once, sent as the same bytes on every attempt.</summary>
    internal sealed class JsonRequestBody : RequestBody
    {
        private static readonly MediaTypeHeaderValue ContentType = new MediaTypeHeaderValue("application/json");
        private readonly byte[] _json;

        public JsonRequestBody(byte[] json) => _json = json;

        public override HttpContent CreateContent()
        {
            var content = new ByteArrayContent(_json);
            content.Headers.ContentType = ContentType;
            return content;
        }
    }
}
