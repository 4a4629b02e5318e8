using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace CreateImageSdk.Benchmarks
{
    /// <summary>Answers every request with the same body, as a stream, so the client's whole read path runs without a socket.</summary>
    internal sealed class CannedResponseHandler : HttpMessageHandler
    {
        private readonly byte[] _body;

        public CannedResponseHandler(byte[] body) => _body = body;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new StreamContent(new MemoryStream(_body, writable: false));
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content });
        }
    }
}
