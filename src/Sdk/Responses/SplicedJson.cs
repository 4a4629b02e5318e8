using System;

namespace CreateImageSdk.Responses
{
    /// <summary>
    /// The JSON an <see cref="ImageSplicer"/> keeps (everything but the images' text): a plain growing array, since
    /// it is small (a few hundred bytes for an OpenAI answer) and netstandard2.0 has no public ArrayBufferWriter.
    /// </summary>
    internal sealed class SplicedJson
    {
        private byte[] _bytes;
        private int _length;

        public SplicedJson(int capacity) => _bytes = new byte[capacity];

        public ReadOnlySpan<byte> WrittenSpan => new ReadOnlySpan<byte>(_bytes, 0, _length);

        public void Write(ReadOnlySpan<byte> bytes)
        {
            if (_bytes.Length - _length < bytes.Length)
            {
                Array.Resize(ref _bytes, (int)Math.Min(Math.Max(_bytes.Length * 2L, (long)_length + bytes.Length), 0x7FFFFFC7));
            }

            bytes.CopyTo(_bytes.AsSpan(_length));
            _length += bytes.Length;
        }
    }
}
