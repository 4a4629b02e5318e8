using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
#if NET
using System.Threading;
#endif

namespace CreateImageSdk.Http
{
    /// <summary>
    /// A request body that records when it has been written to the connection in full, so a timeout can tell
    /// "never sent" (safe to retry) from "sent, the server may be generating" (billed; not retried by default).
    /// </summary>
    internal sealed class SentTrackingContent : ByteArrayContent
    {
        public SentTrackingContent(byte[] body)
            : base(body)
        {
        }

        public bool Sent { get; private set; }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await base.SerializeToStreamAsync(stream, context).ConfigureAwait(false);
            Sent = true;
        }

#if NET
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            await base.SerializeToStreamAsync(stream, context, cancellationToken).ConfigureAwait(false);
            Sent = true;
        }

        protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            base.SerializeToStream(stream, context, cancellationToken);
            Sent = true;
        }
#endif
    }
}
