using System;
using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;

namespace CreateImageSdk.Responses
{
    /// <summary>
    /// Decodes base64 text that arrives in pieces of any length: whole 4-character groups go straight to the sink, the
    /// 0-3 characters left over wait for the next piece. Strict like the whole-string decode it replaces: padding
    /// only at the very end, and a length that is a multiple of 4.
    /// </summary>
    internal sealed class Base64StreamDecoder
    {
        private readonly byte[] _carry = new byte[4];
        private int _carried;
        private bool _padded;
        private IDecodedImageSink? _sink;

        public void Start(IDecodedImageSink sink)
        {
            _sink = sink;
            _carried = 0;
            _padded = false;
        }

        /// <exception cref="JsonException">The text is not base64.</exception>
        public void Write(ReadOnlySpan<byte> text)
        {
            if (_carried > 0)
            {
                var take = Math.Min(4 - _carried, text.Length);
                text.Slice(0, take).CopyTo(_carry.AsSpan(_carried));
                _carried += take;
                text = text.Slice(take);
                if (_carried < 4) return;
                Decode(_carry);
                _carried = 0;
            }

            var whole = text.Length & ~3;
            while (whole > 0)
            {
                var room = _sink!.GetSpan(Math.Min(whole, 48 * 1024) / 4 * 3);
                var length = Math.Min(whole, room.Length / 3 * 4);
                Decode(text.Slice(0, length), room);
                text = text.Slice(length);
                whole -= length;
            }

            text.CopyTo(_carry);
            _carried = text.Length;
        }

        /// <summary>The text ended: nothing may be left over.</summary>
        public void Finish()
        {
            if (_carried != 0) throw Invalid();
            _sink!.End();
            _sink = null;
        }

        private void Decode(ReadOnlySpan<byte> group) => Decode(group, _sink!.GetSpan(3));

        private void Decode(ReadOnlySpan<byte> text, Span<byte> room)
        {
            // Padding ends the text: a later group means it was two texts glued together, or not base64.
            if (_padded) throw Invalid();
            var status = Base64.DecodeFromUtf8(text, room, out var consumed, out var written, isFinalBlock: true);
            if (status != OperationStatus.Done || consumed != text.Length) throw Invalid();
            if (written != text.Length / 4 * 3) _padded = true;
            _sink!.Advance(written);
        }

        public static JsonException Invalid() => new JsonException("Property 'b64_json' is not valid base64.");
    }
}
