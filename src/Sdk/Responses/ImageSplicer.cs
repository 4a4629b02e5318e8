using System;
using System.Globalization;
using System.Text.Json;

namespace CreateImageSdk.Responses
{
    /// <summary>
    /// Splits a JSON body, as its bytes arrive, into the small JSON around the images and the images themselves: the
    /// text of every <c>"b64_json"</c> string goes to a <see cref="Base64StreamDecoder"/> and on to the sink, and the
    /// JSON keeps <c>"0"</c>, <c>"1"</c>, … in its place, for the generated converters to take the image by number
    /// (<see cref="SplicedImages"/>). So neither the whole body nor the whole base64 text is ever held.
    /// </summary>
    /// <remarks>
    /// A lexer only as deep as needed: it tells strings from the rest and property names from values, nothing else
    /// (the converters check the JSON afterwards). A <c>b64_json</c> name written with escapes is not recognised
    /// and its value stays in the JSON, which the converters still decode; it costs memory, not correctness.
    /// </remarks>
    internal sealed class ImageSplicer
    {
        private static readonly byte[] Key = { (byte)'b', (byte)'6', (byte)'4', (byte)'_', (byte)'j', (byte)'s', (byte)'o', (byte)'n' };

        private readonly SplicedJson _json;
        private readonly Base64StreamDecoder _decoder = new Base64StreamDecoder();
        private readonly IDecodedImageSink _sink;
        private State _state;
        private int _nameLength;
        private bool _nameMatches;
        private int _escapeDigits;
        private int _escapeValue;

        public ImageSplicer(IDecodedImageSink sink, int jsonCapacity = 1024)
        {
            _sink = sink;
            _json = new SplicedJson(jsonCapacity);
        }

        private enum State
        {
            Outside,
            InString,
            InStringEscape,
            AfterString,
            AfterKeyColon,
            InBase64,
            InBase64Escape,
        }

        /// <summary>How many images have started so far.</summary>
        public int Images { get; private set; }

        /// <summary>The JSON without the image text.</summary>
        public ReadOnlySpan<byte> Json => _json.WrittenSpan;

        /// <summary>True while inside an image's base64 text.</summary>
        public bool InImage => _state == State.InBase64 || _state == State.InBase64Escape;

        /// <summary>True when the body ended where a JSON document may end (not inside a string or an image).</summary>
        public bool AtRest => _state == State.Outside || _state == State.AfterString || _state == State.AfterKeyColon;

        /// <summary>
        /// Takes the next bytes of the body, up to and including the end of an image when one ends in them (so the
        /// caller can finish that image, e.g. close its file, before the next begins).
        /// </summary>
        /// <param name="input">The bytes.</param>
        /// <param name="bodyBytesLeft">What is left of the body after <paramref name="input"/> when its length is known.</param>
        /// <param name="imageEnded">True when an image ended at the returned position.</param>
        /// <returns>How many bytes of <paramref name="input"/> were taken.</returns>
        /// <exception cref="JsonException">An image is not valid base64.</exception>
        public int Feed(ReadOnlySpan<byte> input, long? bodyBytesLeft, out bool imageEnded)
        {
            imageEnded = false;
            var i = 0;
            var copyFrom = 0;
            while (i < input.Length)
            {
                switch (_state)
                {
                    case State.InBase64:
                    {
                        var rest = input.Slice(i);
                        var stop = rest.IndexOfAny((byte)'"', (byte)'\\');
                        if (stop < 0)
                        {
                            _decoder.Write(rest);
                            return input.Length;
                        }

                        _decoder.Write(rest.Slice(0, stop));
                        i += stop;
                        if (input[i] == (byte)'\\')
                        {
                            _state = State.InBase64Escape;
                            _escapeDigits = -1;
                            i++;
                            continue;
                        }

                        _decoder.Finish();
                        copyFrom = i;
                        _state = State.Outside;
                        i++;
                        Copy(input.Slice(copyFrom, i - copyFrom));
                        imageEnded = true;
                        return i;
                    }

                    case State.InBase64Escape:
                        i = Escape(input, i);
                        continue;

                    case State.InString:
                    {
                        var rest = input.Slice(i);
                        var stop = rest.IndexOfAny((byte)'"', (byte)'\\');
                        var run = stop < 0 ? rest.Length : stop;
                        Name(rest.Slice(0, run));
                        i += run;
                        if (stop < 0) continue;
                        if (input[i] == (byte)'\\')
                        {
                            _nameMatches = false;
                            _state = State.InStringEscape;
                        }
                        else
                        {
                            _state = State.AfterString;
                        }

                        i++;
                        continue;
                    }

                    case State.InStringEscape:
                        _state = State.InString;
                        i++;
                        continue;

                    case State.AfterString:
                    {
                        var b = input[i];
                        if (IsWhitespace(b))
                        {
                            i++;
                            continue;
                        }

                        _state = b == (byte)':' && _nameMatches && _nameLength == Key.Length ? State.AfterKeyColon : State.Outside;
                        if (_state == State.AfterKeyColon) i++;
                        continue;
                    }

                    case State.AfterKeyColon:
                    {
                        var b = input[i];
                        if (IsWhitespace(b))
                        {
                            i++;
                            continue;
                        }

                        if (b != (byte)'"')
                        {
                            // null (or anything else, for the converter to refuse) stays in the JSON.
                            _state = State.Outside;
                            continue;
                        }

                        // The opening quote, then the image's number in place of its text.
                        i++;
                        Copy(input.Slice(copyFrom, i - copyFrom));
                        Copy(Number(Images));
                        copyFrom = i;
                        _sink.Begin(Images, bodyBytesLeft + (input.Length - i));
                        _decoder.Start(_sink);
                        Images++;
                        _state = State.InBase64;
                        continue;
                    }

                    default:
                    {
                        var rest = input.Slice(i);
                        var quote = rest.IndexOf((byte)'"');
                        if (quote < 0) i = input.Length;
                        else
                        {
                            i += quote + 1;
                            _state = State.InString;
                            _nameLength = 0;
                            _nameMatches = true;
                        }

                        continue;
                    }
                }
            }

            if (_state != State.InBase64 && _state != State.InBase64Escape) Copy(input.Slice(copyFrom));
            return input.Length;
        }

        private void Copy(ReadOnlySpan<byte> bytes) => _json.Write(bytes);

        private static ReadOnlySpan<byte> Number(int index) => System.Text.Encoding.ASCII.GetBytes("#" + index.ToString(CultureInfo.InvariantCulture));

        private void Name(ReadOnlySpan<byte> run)
        {
            if (!_nameMatches) return;
            if (_nameLength + run.Length > Key.Length || !run.SequenceEqual(Key.AsSpan(_nameLength, run.Length)))
            {
                _nameMatches = false;
                return;
            }

            _nameLength += run.Length;
        }

        /// <summary>An escape inside base64: <c>\/</c> (some encoders write it) or <c>\u00XX</c>; anything else is not base64.</summary>
        private int Escape(ReadOnlySpan<byte> input, int i)
        {
            var b = input[i];
            if (_escapeDigits < 0)
            {
                if (b == (byte)'/')
                {
                    _decoder.Write(input.Slice(i, 1));
                    _state = State.InBase64;
                    return i + 1;
                }

                if (b != (byte)'u') throw Base64StreamDecoder.Invalid();
                _escapeDigits = 0;
                _escapeValue = 0;
                return i + 1;
            }

            var digit = b >= '0' && b <= '9' ? b - '0' : (b | 0x20) >= 'a' && (b | 0x20) <= 'f' ? (b | 0x20) - 'a' + 10 : -1;
            if (digit < 0) throw Base64StreamDecoder.Invalid();
            _escapeValue = (_escapeValue << 4) | digit;
            if (++_escapeDigits == 4)
            {
                if (_escapeValue > 0x7F) throw Base64StreamDecoder.Invalid();
                Span<byte> one = stackalloc byte[] { (byte)_escapeValue };
                _decoder.Write(one);
                _state = State.InBase64;
            }

            return i + 1;
        }

        private static bool IsWhitespace(byte b) => b == (byte)' ' || b == (byte)'\n' || b == (byte)'\r' || b == (byte)'\t';
    }
}
