using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
#if NET
using System.Threading;
#endif

namespace CreateImageSdk.Uploads
{
    /// <summary>
    /// A request body that records when it has been written to the connection in full, so a timeout can tell
    /// "never sent" (safe to retry) from "sent, the server may be generating" (billed; not retried by default).
    /// It wraps one attempt's content (JSON bytes or a multipart form) and passes its headers on.
    /// </summary>
    internal sealed class SentTrackingContent : HttpContent
    {
        private readonly HttpContent _inner;

        public SentTrackingContent(HttpContent inner)
        {
            _inner = inner;
            foreach (var header in inner.Headers)
            {
                if (!string.Equals(header.Key, "Content-Length", System.StringComparison.OrdinalIgnoreCase)) Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        public bool Sent { get; private set; }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await _inner.CopyToAsync(stream, context).ConfigureAwait(false);
            Sent = true;
        }

#if NET
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            await _inner.CopyToAsync(stream, context, cancellationToken).ConfigureAwait(false);
            Sent = true;
        }
#endif

        protected override bool TryComputeLength(out long length)
        {
            var known = _inner.Headers.ContentLength;
            length = known ?? -1;
            return known.HasValue;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) _inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
