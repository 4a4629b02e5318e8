using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using CreateImageSdk.Http;

namespace CreateImageSdk.Responses
{
    /// <summary>
    /// Reads server-sent events from a stream as they arrive: <c>event:</c> and <c>data:</c> lines up to a blank
    /// line. A <c>data:</c> line is not held whole: its bytes go to an <see cref="ImageSplicer"/> as they come, so an
    /// event's <c>b64_json</c> is decoded into <see cref="Images"/> while it arrives and <see cref="Data"/> is the
    /// small JSON left around it. Other lines (<c>event:</c>, <c>id:</c>, comments) are short and read whole.
    /// </summary>
    /// <remarks>
    /// Nothing is rented from a shared pool: the read buffer is the reader's own, so nothing is kept after the stream.
    /// Each event's images get a buffer of their own (the caller may keep an event while reading the next), sized
    /// from the previous event's image (a stream's partial images and its final image are much the same size).
    /// </remarks>
    internal sealed class ServerSentEventReader
    {
        private const int ReadSize = 16 * 1024;

        private readonly Stream _stream;
        private readonly int _maxEventBytes;
        private byte[] _buffer = new byte[ReadSize];
        private int _start;
        private int _end;
        private bool _eof;

        private ImageSplicer? _splicer;
        private MemoryImageSink? _images;
        private long _eventBytes;
        private int _lastImageBytes;

        // True while a data line's value is passed on as it arrives; _atValueStart until the optional space after
        // "data:" has been seen (it may arrive in the next read).
        private bool _inDataLine;
        private bool _atValueStart;

        public ServerSentEventReader(Stream stream, int maxEventBytes)
        {
            _stream = stream;
            _maxEventBytes = maxEventBytes;
        }

        private enum Step
        {
            NeedMore,
            Dispatch,
            Ended,
        }

        /// <summary>The event type of the last event read (<c>message</c> when the server named none).</summary>
        public string EventType { get; private set; } = "message";

        /// <summary>The data of the last event read (its <c>data:</c> lines joined by newlines), with each image's text replaced by its number.</summary>
        public ReadOnlySpan<byte> Data => _splicer is null ? default : _splicer.Json;

        /// <summary>The images decoded from the last event's data, for <see cref="SplicedImages.Parse{T}"/>.</summary>
        public IDecodedImageSink Images => _images ?? new MemoryImageSink();

        /// <summary>Reads the next event; false at the end of the stream.</summary>
        /// <exception cref="ResponseTooLargeException">An event is larger than the limit.</exception>
        /// <exception cref="System.Text.Json.JsonException">An image in the event is not valid base64.</exception>
        public async ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
        {
            if (_images is { Count: > 0 } previous) _lastImageBytes = previous.Take(previous.Count - 1).Length;
            EventType = "message";
            _splicer = null;
            _images = null;
            _eventBytes = 0;
            while (true)
            {
                switch (Advance())
                {
                    case Step.Dispatch:
                        return true;
                    case Step.Ended:
                        // An event the stream ended in the middle of is not dispatched (the SSE rules).
                        return false;
                    default:
                        await FillAsync(cancellationToken).ConfigureAwait(false);
                        break;
                }
            }
        }

        /// <summary>Goes through what is buffered until an event is complete or more bytes are needed. Kept out of the async method, which may not hold spans (before C# 13).</summary>
        private Step Advance()
        {
            while (true)
            {
                if (_inDataLine)
                {
                    if (PassDataLine()) continue;
                    return _eof ? Step.Ended : Step.NeedMore;
                }

                var available = new ReadOnlySpan<byte>(_buffer, _start, _end - _start);
                if (available.Length >= 5 && available.Slice(0, 5).SequenceEqual("data:"u8))
                {
                    _start += 5;
                    StartDataLine();
                    _inDataLine = true;
                    _atValueStart = true;
                    continue;
                }

                var newline = available.IndexOf((byte)'\n');
                if (newline < 0) return _eof ? Step.Ended : Step.NeedMore;
                var line = available.Slice(0, newline);
                if (line.Length > 0 && line[line.Length - 1] == (byte)'\r') line = line.Slice(0, line.Length - 1);
                _start += newline + 1;
                if (line.Length == 0)
                {
                    if (_splicer != null) return Step.Dispatch;
                    EventType = "message";
                    continue;
                }

                ReadField(line);
            }
        }

        /// <summary>Passes on the buffered part of a data line's value; true when the line ended.</summary>
        private bool PassDataLine()
        {
            var available = new ReadOnlySpan<byte>(_buffer, _start, _end - _start);
            if (_atValueStart)
            {
                if (available.IsEmpty) return false;
                if (available[0] == (byte)' ')
                {
                    available = available.Slice(1);
                    _start++;
                }

                _atValueStart = false;
            }

            var newline = available.IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var value = available.Slice(0, newline);
                if (value.Length > 0 && value[value.Length - 1] == (byte)'\r') value = value.Slice(0, value.Length - 1);
                Feed(value);
                _start += newline + 1;
                _inDataLine = false;
                return true;
            }

            // A CR last may be the first half of the line's CRLF: it waits for the next byte.
            var take = available.Length;
            if (take > 0 && available[take - 1] == (byte)'\r' && !_eof) take--;
            Feed(available.Slice(0, take));
            _start += take;
            return false;
        }

        /// <summary>One <c>field: value</c> line other than <c>data:</c>.</summary>
        private void ReadField(ReadOnlySpan<byte> line)
        {
            if (line[0] == (byte)':') return; // a comment, used as a keep-alive
            var colon = line.IndexOf((byte)':');
            var field = colon < 0 ? line : line.Slice(0, colon);
            var valueStart = colon < 0 ? line.Length : colon + 1;
            if (valueStart < line.Length && line[valueStart] == (byte)' ') valueStart++;
            var value = line.Slice(valueStart);

            if (field.SequenceEqual("data"u8))
            {
                // "data" alone: a data line with an empty value.
                StartDataLine();
            }
            else if (field.SequenceEqual("event"u8))
            {
                EventType = System.Text.Encoding.UTF8.GetString(value.ToArray());
            }
        }

        /// <summary>A data line starts: the event's first, or a further one joined to the others by a newline.</summary>
        private void StartDataLine()
        {
            if (_splicer != null)
            {
                Feed("\n"u8);
                return;
            }

            _images = new MemoryImageSink(_lastImageBytes);
            _splicer = new ImageSplicer(_images, 256);
        }

        private void Feed(ReadOnlySpan<byte> value)
        {
            _eventBytes += value.Length;
            if (_eventBytes > _maxEventBytes) throw new ResponseTooLargeException("A server-sent event", _maxEventBytes);
            while (!value.IsEmpty)
            {
                value = value.Slice(_splicer!.Feed(value, null, out _));
            }
        }

        private async ValueTask FillAsync(CancellationToken cancellationToken)
        {
            // Keep the unread part at the front, so a line never wraps.
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            if (_end == _buffer.Length)
            {
                // Only a line other than data: (read whole) fills the buffer.
                if (_buffer.Length >= _maxEventBytes) throw new ResponseTooLargeException("A server-sent event line", _maxEventBytes);
                Array.Resize(ref _buffer, (int)Math.Min(_buffer.Length * 2L, Math.Max(_maxEventBytes, ReadSize)));
            }

#if NET
            var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
#else
            var read = await _stream.ReadAsync(_buffer, _end, _buffer.Length - _end, cancellationToken).ConfigureAwait(false);
#endif
            if (read == 0) _eof = true;
            _end += read;
        }
    }
}
