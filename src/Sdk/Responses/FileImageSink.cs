using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace CreateImageSdk.Responses
{
    /// <summary>
    /// Writes an answer's images to files as they are decoded, holding one staging buffer whatever the images' size.
    /// Each image goes to a temporary file beside its target; <see cref="Commit"/> renames them all once the whole
    /// answer was read and checked, and <see cref="Dispose"/> deletes whatever was not committed, so a cut-off or
    /// malformed answer never leaves a half-written file under a final name.
    /// </summary>
    internal sealed class FileImageSink : IDecodedImageSink, IDisposable
    {
        // Decoded bytes wait here between feeds: a feed of one read (32 KB of text) decodes to at most 24 KB.
        private const int StagingSize = 64 * 1024;

        private readonly Func<int, string> _pathOfImage;
        private readonly byte[] _staging = new byte[StagingSize];
        private readonly List<(string Temporary, string Final)> _files = new List<(string, string)>();
        private int _staged;
        private bool _ended;
        private bool _committed;
        private FileStream? _current;
        private byte[]? _sentinel;

        public FileImageSink(Func<int, string> pathOfImage) => _pathOfImage = pathOfImage;

        public void Begin(int index, long? bodyBytesLeft)
        {
            var path = _pathOfImage(index);
            if (string.IsNullOrEmpty(path)) throw new ArgumentException("pathOfImage returned no file name for image " + index + "; it must return one for every image of the answer.", "pathOfImage");
            var temporary = TemporaryFile.NameFor(path);
            // Recorded before the file exists, so a failure from here on deletes it.
            _files.Add((temporary, path));
            _current = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1, useAsync: true);
            _staged = 0;
            _ended = false;
        }

        public Span<byte> GetSpan(int sizeHint)
        {
            if (StagingSize - _staged < 3) throw new InvalidOperationException("The staging buffer was not flushed.");
            return _staging.AsSpan(_staged);
        }

        public void Advance(int count) => _staged += count;

        public void End() => _ended = true;

        /// <summary>Writes what the last feed decoded, and closes the file when its image ended.</summary>
        public async Task FlushAsync(CancellationToken cancellationToken)
        {
            if (_current is null) return;
            if (_staged > 0)
            {
                await _current.WriteAsync(_staging, 0, _staged, cancellationToken).ConfigureAwait(false);
                _staged = 0;
            }

            if (_ended)
            {
                await _current.FlushAsync(cancellationToken).ConfigureAwait(false);
                _current.Dispose();
                _current = null;
            }
        }

        public int Count => _files.Count;

        /// <summary>An empty slice whose offset is the image's number: what the converter keeps in place of bytes.</summary>
        public ReadOnlyMemory<byte> Take(int index)
        {
            _sentinel ??= new byte[_files.Count];
            return new ReadOnlyMemory<byte>(_sentinel, index, 0);
        }

        /// <summary>The final path of the image <see cref="Take"/> stood for; null for real bytes.</summary>
        public string? PathOf(ReadOnlyMemory<byte> placeholder) =>
            _sentinel != null && MemoryMarshal.TryGetArray(placeholder, out var segment) && segment.Array == _sentinel ? _files[segment.Offset].Final : null;

        /// <summary>Every image is whole: each temporary file takes its final name (replacing a file there).</summary>
        public void Commit()
        {
            if (_current != null) throw new InvalidOperationException("An image file is still open.");
            foreach (var (temporary, final) in _files) TemporaryFile.Commit(temporary, final);

            _committed = true;
        }

        /// <summary>Closes the open file and deletes every temporary file not committed.</summary>
        public void Dispose()
        {
            _current?.Dispose();
            _current = null;
            if (_committed) return;
            foreach (var (temporary, _) in _files) TemporaryFile.Discard(temporary);
        }
    }
}
