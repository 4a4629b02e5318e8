using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace CreateImageSdk.Benchmarks
{
    /// <summary>
    /// Answers every request with the same body, as a stream with its Content-Length (as OpenAI's answers carry
    /// one), so each client's whole read path runs without a socket.
    /// </summary>
    internal sealed class CannedResponseHandler : HttpMessageHandler
    {
        private readonly byte[] _body;
        private readonly string _mediaType;

        public CannedResponseHandler(byte[] body, string mediaType = "application/json")
        {
            _body = body;
            _mediaType = mediaType;
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new StreamContent(new MemoryStream(_body, writable: false));
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(_mediaType);
            content.Headers.ContentLength = _body.Length;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content });
        }
    }
}
