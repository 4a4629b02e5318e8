using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using CreateImageSdk.Http;
using CreateImageSdk.Responses;
using CreateImageSdk.Uploads;

namespace CreateImageSdk
{
    /// <summary>
    /// An image to upload (an image to edit, or a mask): from a file, bytes or a stream. Its format is read from its
    /// first bytes, so a file named <c>photo.png</c> that holds a JPEG is sent as the JPEG it is, and anything other than
    /// PNG, JPEG or WebP is refused here, before a request is made. Nothing is read into memory that was not already
    /// there: a file is opened, and a stream read, while the request is written.
    /// </summary>
    /// <remarks>
    /// A file, bytes or a seekable stream can be sent again, so a request that uploads them can be retried; a stream
    /// that cannot seek is sent once, and a failed request that used one is not retried
    /// (<see cref="ImageClientException.NotRetriedBecause"/> says so).
    /// </remarks>
    public sealed class ImageInput
    {
        private const int HeaderLength = 32;

        private readonly string? _path;
        private readonly byte[]? _bytes;
        private readonly Stream? _stream;
        private readonly long _streamStart;
        private readonly byte[]? _streamHeader;
        private int _sent;

        private ImageInput(string fileName, ImageFormat format, long? length, string? path, byte[]? bytes, Stream? stream, long streamStart, byte[]? streamHeader)
        {
            FileName = fileName;
            MediaType = format.MediaType;
            Width = format.Width;
            Height = format.Height;
            Length = length;
            _path = path;
            _bytes = bytes;
            _stream = stream;
            _streamStart = streamStart;
            _streamHeader = streamHeader;
        }

        /// <summary>The file name sent with the image: the one given, the file's own, or <c>image.png</c> (by format).</summary>
        public string FileName { get; }

        /// <summary>The format read from the image's first bytes: <c>image/png</c>, <c>image/jpeg</c> or <c>image/webp</c>.</summary>
        public string MediaType { get; }

        /// <summary>The size in bytes; null for a stream that cannot seek.</summary>
        public long? Length { get; }

        /// <summary>The width in pixels, read from a PNG's header; null for other formats.</summary>
        public int? Width { get; }

        /// <summary>The height in pixels, read from a PNG's header; null for other formats.</summary>
        public int? Height { get; }

        /// <summary>Whether the image can be sent again (by a retry): true unless it comes from a stream that cannot seek.</summary>
        public bool CanBeSentAgain => _stream is null || _stream.CanSeek;

        /// <summary>An image file; it is opened again each time a request is sent.</summary>
        /// <param name="path">The file's path.</param>
        /// <param name="fileName">The name to send; the file's own name when null.</param>
        /// <returns>The image.</returns>
        /// <exception cref="ArgumentException"><paramref name="path"/> is empty, or the file is not a PNG, JPEG or WebP image.</exception>
        /// <exception cref="FileNotFoundException">The file does not exist.</exception>
        public static ImageInput FromFile(string path, string? fileName = null)
        {
            if (path is null) throw new ArgumentNullException(nameof(path));
            if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException("The image path is empty.", nameof(path));
            var full = Path.GetFullPath(path);
            if (!File.Exists(full)) throw new FileNotFoundException("The image file '" + path + "' does not exist.", path);

            var header = new byte[HeaderLength];
            long length;
            int read;
            using (var file = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 1))
            {
                length = file.Length;
                read = ReadHeader(file, header);
            }

            var name = fileName ?? Path.GetFileName(full);
            var format = ImageFormat.Detect(header, read) ?? throw Unsupported(name, header, read, nameof(path));
            return new ImageInput(name, format, length, full, null, null, 0, null);
        }

        /// <summary>An image in memory. The array is not copied: do not change it until the request has been sent.</summary>
        /// <param name="bytes">The image file's bytes.</param>
        /// <param name="fileName">The name to send; <c>image.png</c> (by format) when null.</param>
        /// <returns>The image.</returns>
        /// <exception cref="ArgumentException">The bytes are not a PNG, JPEG or WebP image.</exception>
        public static ImageInput FromBytes(byte[] bytes, string? fileName = null)
        {
            if (bytes is null) throw new ArgumentNullException(nameof(bytes));
            var header = new byte[Math.Min(HeaderLength, bytes.Length)];
            Buffer.BlockCopy(bytes, 0, header, 0, header.Length);
            var format = ImageFormat.Detect(header, header.Length) ?? throw Unsupported(fileName ?? "the image", header, header.Length, nameof(bytes));
            return new ImageInput(fileName ?? format.DefaultFileName, format, bytes.Length, null, bytes, null, 0, null);
        }

        /// <summary>
        /// An image read from a stream while the request is written. A seekable stream is read from its current position
        /// (again on a retry); the stream is never disposed here: it stays the caller's.
        /// </summary>
        /// <param name="stream">The stream.</param>
        /// <param name="fileName">The name to send; the name of a <see cref="FileStream"/>, else <c>image.png</c> (by format), when null.</param>
        /// <returns>The image.</returns>
        /// <exception cref="ArgumentException">The stream cannot be read, or does not hold a PNG, JPEG or WebP image.</exception>
        public static ImageInput FromStream(Stream stream, string? fileName = null)
        {
            if (stream is null) throw new ArgumentNullException(nameof(stream));
            if (!stream.CanRead) throw new ArgumentException("The image stream cannot be read.", nameof(stream));
            var header = new byte[HeaderLength];
            long start = 0;
            long? length = null;
            byte[]? kept = null;
            int read;
            if (stream.CanSeek)
            {
                start = stream.Position;
                length = stream.Length - start;
                read = ReadHeader(stream, header);
                stream.Position = start;
            }
            else
            {
                // The first bytes are kept and sent before the rest: a stream that cannot seek cannot give them twice.
                read = ReadHeader(stream, header);
                kept = new byte[read];
                Buffer.BlockCopy(header, 0, kept, 0, read);
            }

            var name = fileName ?? (stream is FileStream file ? Path.GetFileName(file.Name) : null);
            var format = ImageFormat.Detect(header, read) ?? throw Unsupported(name ?? "the image", header, read, nameof(stream));
            return new ImageInput(name ?? format.DefaultFileName, format, length, null, null, stream, start, kept);
        }

        /// <inheritdoc/>
        public override string ToString() =>
            "ImageInput { FileName = " + FileName + ", MediaType = " + MediaType + (Length is { } length ? ", Length = " + length : string.Empty) +
            (Width is { } width ? ", Size = " + width + "x" + Height : string.Empty) + " }";

        /// <summary>A stream that cannot seek and was already sent: it has nothing left to give.</summary>
        internal bool IsSpent => _stream != null && !_stream.CanSeek && Volatile.Read(ref _sent) == 1;

        /// <summary>The sentence for a request that would send a spent stream again.</summary>
        internal string SpentMessage => "The image '" + FileName + "' comes from a stream that cannot seek and was already sent; pass a file, bytes or a seekable stream to send it again.";

        /// <summary>The image as one part of a request body, written when the request is.</summary>
        internal HttpContent CreateContent() => new ImageContent(this);

        /// <summary>Writes the image to <paramref name="target"/>.</summary>
        internal async Task CopyToAsync(Stream target, CancellationToken cancellationToken)
        {
            if (_bytes != null)
            {
                await target.WriteAsync(_bytes, 0, _bytes.Length, cancellationToken).ConfigureAwait(false);
            }
            else if (_path != null)
            {
                using var file = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
                await file.CopyToAsync(target, 81920, cancellationToken).ConfigureAwait(false);
            }
            else if (_stream!.CanSeek)
            {
                _stream.Position = _streamStart;
                await _stream.CopyToAsync(target, 81920, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                if (Interlocked.Exchange(ref _sent, 1) == 1) throw new InvalidOperationException(SpentMessage);

                await target.WriteAsync(_streamHeader!, 0, _streamHeader!.Length, cancellationToken).ConfigureAwait(false);
                await _stream.CopyToAsync(target, 81920, cancellationToken).ConfigureAwait(false);
            }
        }

        private static int ReadHeader(Stream stream, byte[] header)
        {
            var total = 0;
            int read;
            while (total < header.Length && (read = stream.Read(header, total, header.Length - total)) > 0) total += read;
            return total;
        }

        private static ArgumentException Unsupported(string name, byte[] header, int length, string parameter) =>
            new ArgumentException(
                "The image '" + name + "' is " + ImageFormat.Describe(header, length) + "; the image endpoints take PNG, JPEG or WebP images (image/png, image/jpeg, image/webp).",
                parameter);
    }
}
