using System;
using System.Buffers;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using CreateImageSdk.Http;

namespace CreateImageSdk.Responses
{
    /// <summary>
    /// Reads server-sent events from a stream as they arrive: <c>event:</c> and <c>data:</c> lines up to a blank
    /// line. Event data stays UTF-8 bytes in a pooled buffer, so each event's JSON (and its base64 image) is
    /// decoded exactly once, by the caller.
    /// </summary>
    internal sealed class ServerSentEventReader : IDisposable
    {
        private readonly Stream _stream;
        private byte[] _buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        private int _start;
        private int _end;
        private byte[] _data = ArrayPool<byte>.Shared.Rent(16 * 1024);
        private int _dataLength;
        private bool _eof;

        private readonly int _maxEventBytes;

        public ServerSentEventReader(Stream stream, int maxEventBytes)
        {
            _stream = stream;
            _maxEventBytes = maxEventBytes;
        }

        /// <summary>The event type of the last event read (<c>message</c> when the server named none).</summary>
        public string EventType { get; private set; } = "message";

        // An event with one data line (every image event) is read where it lies in _buffer, not copied into _data:
        // the line is kept in the buffer until the next event starts. -1 when the data is in _data.
        private int _lineDataOffset = -1;
        private int _lineDataLength;

        /// <summary>The data of the last event read: its <c>data:</c> lines joined by newlines.</summary>
        public ReadOnlyMemory<byte> Data =>
            _lineDataOffset >= 0 ? new ReadOnlyMemory<byte>(_buffer, _lineDataOffset, _lineDataLength) : new ReadOnlyMemory<byte>(_data, 0, _dataLength);

        /// <summary>Reads the next event; false at the end of the stream.</summary>
        public async ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
        {
            EventType = "message";
            _dataLength = 0;
            _lineDataOffset = -1;
            var hasData = false;
            while (true)
            {
                var line = await ReadLineAsync(cancellationToken).ConfigureAwait(false);
                if (line is null)
                {
                    // An event the stream ended in the middle of is not dispatched (the SSE rules).
                    return false;
                }

                var (offset, length) = line.Value;
                if (length == 0)
                {
                    if (hasData) return true;
                    EventType = "message";
                    continue;
                }

                ReadField(offset, length, ref hasData);
            }
        }

        /// <summary>One <c>field: value</c> line. Kept out of the async method, which may not hold spans (before C# 13).</summary>
        private void ReadField(int offset, int length, ref bool hasData)
        {
            var span = new ReadOnlySpan<byte>(_buffer, offset, length);
            if (span[0] == (byte)':') return; // a comment, used as a keep-alive
            var colon = span.IndexOf((byte)':');
            var field = colon < 0 ? span : span.Slice(0, colon);
            var valueStart = colon < 0 ? length : colon + 1;
            if (valueStart < length && span[valueStart] == (byte)' ') valueStart++;
            var value = span.Slice(valueStart);

            if (field.SequenceEqual("data"u8))
            {
                if (!hasData)
                {
                    if (value.Length > _maxEventBytes) throw new ResponseTooLargeException("A server-sent event", _maxEventBytes);
                    _lineDataOffset = offset + valueStart;
                    _lineDataLength = value.Length;
                    hasData = true;
                    return;
                }

                if (_lineDataOffset >= 0)
                {
                    // A second data line: the event's data is the lines joined, so it moves to _data after all.
                    AppendData(new ReadOnlySpan<byte>(_buffer, _lineDataOffset, _lineDataLength));
                    _lineDataOffset = -1;
                }

                AppendData("\n"u8);
                AppendData(value);
            }
            else if (field.SequenceEqual("event"u8))
            {
                EventType = System.Text.Encoding.UTF8.GetString(value.ToArray());
            }
        }

        public void Dispose()
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            ArrayPool<byte>.Shared.Return(_data);
            _buffer = _data = Array.Empty<byte>();
        }

        /// <summary>The next line (without its CR/LF) as a range of <see cref="_buffer"/>; null at the end.</summary>
        private async ValueTask<(int Offset, int Length)?> ReadLineAsync(CancellationToken cancellationToken)
        {
            var searched = 0; // bytes after _start already searched for a newline
            while (true)
            {
                var from = _start + searched;
                var newline = Array.IndexOf(_buffer, (byte)'\n', from, _end - from);
                if (newline >= 0)
                {
                    var offset = _start;
                    var length = newline - _start;
                    if (length > 0 && _buffer[newline - 1] == (byte)'\r') length--;
                    _start = newline + 1;
                    return (offset, length);
                }

                if (_eof)
                {
                    if (_start == _end) return null;
                    var rest = (_start, _end - _start);
                    _start = _end;
                    return rest;
                }

                searched = _end - _start;
                await FillAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        private async ValueTask FillAsync(CancellationToken cancellationToken)
        {
            // Keep the unread part (and a pending event's data line) at the front, so a line never wraps.
            var keep = _lineDataOffset >= 0 ? Math.Min(_lineDataOffset, _start) : _start;
            if (keep > 0)
            {
                Buffer.BlockCopy(_buffer, keep, _buffer, 0, _end - keep);
                _end -= keep;
                _start -= keep;
                if (_lineDataOffset >= 0) _lineDataOffset -= keep;
            }

            if (_end == _buffer.Length)
            {
                if (_buffer.Length >= _maxEventBytes) throw new ResponseTooLargeException("A server-sent event line", _maxEventBytes);
                var larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
                Buffer.BlockCopy(_buffer, 0, larger, 0, _end);
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = larger;
            }

#if NET
            var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
#else
            var read = await _stream.ReadAsync(_buffer, _end, _buffer.Length - _end, cancellationToken).ConfigureAwait(false);
#endif
            if (read == 0) _eof = true;
            _end += read;
        }

        private void AppendData(ReadOnlySpan<byte> bytes)
        {
            if (_dataLength + bytes.Length > _maxEventBytes) throw new ResponseTooLargeException("A server-sent event", _maxEventBytes);
            if (_dataLength + bytes.Length > _data.Length)
            {
                var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_data.Length * 2, _dataLength + bytes.Length));
                Buffer.BlockCopy(_data, 0, larger, 0, _dataLength);
                ArrayPool<byte>.Shared.Return(_data);
                _data = larger;
            }

            bytes.CopyTo(new Span<byte>(_data, _dataLength, bytes.Length));
            _dataLength += bytes.Length;
        }
    }
}
