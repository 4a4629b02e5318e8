using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace CreateImageSdk.Benchmarks
{
    /// <summary>
    /// Reads each request's body to the end, as a socket would (into nothing), and answers with one small image: what
    /// an upload costs the client is then all that is measured.
    /// </summary>
    internal sealed class DrainingHandler : HttpMessageHandler
    {
        private readonly byte[] _answer;

        public DrainingHandler(byte[] answer) => _answer = answer;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            // A sink that really receives every byte (Stream.Null may be skipped by copy fast paths).
            var sink = new CountingStream();
            if (request.Content != null) await request.Content.CopyToAsync(sink, cancellationToken);
            if (sink.Count == 0) throw new IOException("No body was sent.");
            var content = new ByteArrayContent(_answer);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        }
    }

    /// <summary>Counts what is written to it and keeps nothing.</summary>
    internal sealed class CountingStream : Stream
    {
        public long Count { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => Count;

        public override long Position { get => Count; set => throw new System.NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new System.NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new System.NotSupportedException();

        public override void SetLength(long value) => throw new System.NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Count += count;

        public override void Write(System.ReadOnlySpan<byte> buffer) => Count += buffer.Length;

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Count += count;
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(System.ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Count += buffer.Length;
            return default;
        }
    }
}
