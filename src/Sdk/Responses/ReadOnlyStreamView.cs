using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace CreateImageSdk.Responses
{
    /// <summary>
    /// A read-only, forward-only view of another stream, for wrappers that only watch what is read
    /// (<see cref="LimitedReadStream"/>, the decompressor's <see cref="Http.DecompressedContent"/>): every read goes to
    /// the inner stream, its count to <see cref="OnRead"/>, and what it throws through <see cref="MapError"/>.
    /// </summary>
    internal abstract class ReadOnlyStreamView : Stream
    {
        private readonly Stream _inner;

        protected ReadOnlyStreamView(Stream inner) => _inner = inner;

        /// <summary>Bytes read through the view so far.</summary>
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => BytesRead;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            try
            {
                return Counted(_inner.Read(buffer, offset, count));
            }
            catch (Exception ex) when (MapError(ex) is { } mapped)
            {
                throw mapped;
            }
        }

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            try
            {
                return Counted(await _inner.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false));
            }
            catch (Exception ex) when (MapError(ex) is { } mapped)
            {
                throw mapped;
            }
        }

#if NET
        public override int Read(Span<byte> buffer)
        {
            try
            {
                return Counted(_inner.Read(buffer));
            }
            catch (Exception ex) when (MapError(ex) is { } mapped)
            {
                throw mapped;
            }
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            try
            {
                return Counted(await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));
            }
            catch (Exception ex) when (MapError(ex) is { } mapped)
            {
                throw mapped;
            }
        }
#endif

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        /// <summary>Called after each read with the total so far; may throw to end the read.</summary>
        protected virtual void OnRead(long bytesRead)
        {
        }

        /// <summary>What the inner stream's exception becomes; null to let it through as it is.</summary>
        protected virtual Exception? MapError(Exception error) => null;

        protected override void Dispose(bool disposing)
        {
            if (disposing) _inner.Dispose();
            base.Dispose(disposing);
        }

        private int Counted(int read)
        {
            BytesRead += read;
            OnRead(BytesRead);
            return read;
        }
    }
}
