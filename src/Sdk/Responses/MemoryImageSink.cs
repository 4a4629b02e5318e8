using System;

namespace CreateImageSdk.Responses
{
    /// <summary>
    /// Decodes an answer's images into memory. With the body's length known (OpenAI sends <c>Content-Length</c>), the
    /// first image opens one buffer of three quarters of what is left of the body, the most its base64 can decode to,
    /// and every image is a slice of it: the answer's images take their own size and a few hundred bytes more (the
    /// JSON after them), with no copy and nothing pooled (a compressed answer passes a length told from its compressed
    /// length: see <see cref="SplicingBodyReader"/>). Without any length each image grows a buffer of its own, doubling
    /// and copying only its own bytes; it starts at the size the caller expects (a stream passes its previous event's
    /// image size) with an eighth more for the image that is a little larger.
    /// </summary>
    /// <remarks>The slices share their buffer: keeping one image keeps the others' memory too (copy it to keep it alone).</remarks>
    internal sealed class MemoryImageSink : IDecodedImageSink
    {
        private const int InitialSize = 64 * 1024;

        // The largest array .NET allows (Array.MaxLength, which netstandard2.0 lacks).
        private const int MaxArray = 0x7FFFFFC7;

        private byte[] _buffer = Array.Empty<byte>();
        private int _used;
        private int _start;
        private ReadOnlyMemory<byte>[] _images = new ReadOnlyMemory<byte>[4];
        private readonly int _expectedImageBytes;

        /// <param name="expectedImageBytes">The size an image is expected to have when the body's length is not known; 0 when nothing is known.</param>
        public MemoryImageSink(int expectedImageBytes = 0) => _expectedImageBytes = expectedImageBytes;

        public void Begin(int index, long? bodyBytesLeft)
        {
            _start = _used;
            if (_buffer.Length - _used >= 3) return;
            var size = bodyBytesLeft is { } left ? left / 4 * 3 + 3
                : Math.Max(InitialSize, _expectedImageBytes + (long)_expectedImageBytes / 8);
            size = Math.Min(size, MaxArray);
            _buffer = Allocate((int)size);
            _start = _used = 0;
        }

        public Span<byte> GetSpan(int sizeHint)
        {
            var need = Math.Max(sizeHint, 3);
            if (_buffer.Length - _used < need) Grow(need);
            return _buffer.AsSpan(_used);
        }

        public void Advance(int count) => _used += count;

        public void End()
        {
            var index = Count;
            if (index == _images.Length) Array.Resize(ref _images, index * 2);
            _images[index] = new ReadOnlyMemory<byte>(_buffer, _start, _used - _start);
            Count++;
        }

        /// <summary>How many images are decoded (each ends before the next begins).</summary>
        public int Count { get; private set; }

        public ReadOnlyMemory<byte> Take(int index) => _images[index];

        /// <summary>The image outgrew its buffer (no length was known, or the length was wrong): a larger one, holding only this image.</summary>
        private void Grow(int need)
        {
            var current = _used - _start;
            var size = Math.Min(Math.Max((long)current * 2, Math.Max((long)current + need, InitialSize)), MaxArray);
            if (size - current < need) throw new InvalidOperationException("An image is larger than one array can hold.");
            var larger = Allocate((int)size);
            Buffer.BlockCopy(_buffer, _start, larger, 0, current);
            _buffer = larger;
            _start = 0;
            _used = current;
        }

        private static byte[] Allocate(int size)
        {
#if NET
            // The decoder writes every byte it hands out, so zeroing megabytes first would be wasted work.
            return GC.AllocateUninitializedArray<byte>(size);
#else
            return new byte[size];
#endif
        }
    }
}
