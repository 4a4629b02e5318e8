using System;
using System.Net.Http;
using System.Threading;
using CreateImageSdk.Security;

namespace CreateImageSdk.Http
{
    /// <summary>The attempt whose answer is being read: its request, response, number and timeout.</summary>
    internal sealed class Attempt : IDisposable
    {
        private readonly bool _ownsTimeout;

        public Attempt(Uri uri, HttpRequestMessage request, HttpResponseMessage response, int number, CancellationTokenSource timeout, bool ownsTimeout, ResponseLimits limits, SecretScrubber scrubber)
        {
            Uri = uri;
            Request = request;
            Response = response;
            Number = number;
            Timeout = timeout;
            _ownsTimeout = ownsTimeout;
            Limits = limits;
            Scrubber = scrubber;
        }

        public HttpRequestMessage Request { get; }

        public HttpResponseMessage Response { get; }

        /// <summary>1 for the first attempt.</summary>
        public int Number { get; }

        /// <summary>Cancelled by the caller or when the timeout fires.</summary>
        public CancellationTokenSource Timeout { get; }

        /// <summary>Where the request was sent (a caller's HttpClient that follows a redirect changes the request's own URI).</summary>
        public Uri Uri { get; }

        /// <summary>How much of the answer may be read.</summary>
        public ResponseLimits Limits { get; }

        /// <summary>Masks the key in server text that reaches a message.</summary>
        public SecretScrubber Scrubber { get; }

        public void Dispose()
        {
            Response.Dispose();
            Request.Dispose();
            if (_ownsTimeout) Timeout.Dispose();
        }
    }
}
