using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using CreateImageSdk.Http;
using CreateImageSdk.Responses;

namespace CreateImageSdk
{
    // Hand-written helpers on the generated GeneratedImage record.
    public sealed partial record GeneratedImage
    {
        private string? _savedPath;

        /// <summary>
        /// The file the image was written to as it arrived, when the call saved to files (the builders'
        /// <c>SaveAsync(pathOfImage)</c>); null otherwise. Such an image holds no <see cref="Bytes"/>: its methods read the file.
        /// </summary>
        public string? SavedPath => _savedPath;

        internal GeneratedImage SavedAt(string path)
        {
            var saved = this with { Bytes = null };
            saved._savedPath = path;
            return saved;
        }

        /// <summary>
        /// The image bytes: the decoded <c>b64_json</c> when present, otherwise read from <see cref="SavedPath"/>, or
        /// downloaded from <see cref="Url"/> (https only; plain http only to a loopback address; at most 64 MiB; within 2
        /// minutes; through the HttpClient of the <see cref="ImageClient"/> that read the image).
        /// </summary>
        /// <param name="cancellationToken">Cancels the read or download.</param>
        /// <returns>The image file's bytes (PNG, JPEG or WebP, as requested); <see cref="Bytes"/> itself when present, not a copy.</returns>
        /// <exception cref="InvalidOperationException">The image has neither bytes, a file nor a URL.</exception>
        /// <exception cref="ImageApiException">The download failed or was too large.</exception>
        public async Task<ReadOnlyMemory<byte>> GetBytesAsync(CancellationToken cancellationToken = default)
        {
            if (Bytes is { } bytes) return bytes;
            using var buffer = new MemoryStream();
            await CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            return new ReadOnlyMemory<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
        }

        /// <summary>Writes the image to <paramref name="destination"/>: the bytes, the saved file, or the download of <see cref="Url"/>.</summary>
        /// <param name="destination">A writable stream; it is not closed.</param>
        /// <param name="cancellationToken">Cancels the write or download.</param>
        /// <returns>A task that completes when the image is written.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="destination"/> is null.</exception>
        /// <exception cref="InvalidOperationException">The image has neither bytes, a file nor a URL.</exception>
        /// <exception cref="ImageApiException">The download failed or was too large.</exception>
        public async Task CopyToAsync(Stream destination, CancellationToken cancellationToken = default)
        {
            if (destination is null) throw new ArgumentNullException(nameof(destination));
            if (Bytes is { } bytes)
            {
#if NET
                await destination.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
#else
                var segment = MemoryMarshal.TryGetArray(bytes, out var array) ? array : new ArraySegment<byte>(bytes.ToArray());
                await destination.WriteAsync(segment.Array!, segment.Offset, segment.Count, cancellationToken).ConfigureAwait(false);
#endif
                return;
            }

            if (_savedPath is { } saved)
            {
                using var file = new FileStream(saved, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
                await file.CopyToAsync(destination, 81920, cancellationToken).ConfigureAwait(false);
                return;
            }

            await ImageDownloader.DownloadAsync(this, RequireUrl(), destination, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Saves the image to a file (created or overwritten), from the bytes, the saved file, or by downloading <see cref="Url"/>.</summary>
        /// <param name="path">The file to write.</param>
        /// <param name="cancellationToken">Cancels the write or download.</param>
        /// <returns>A task that completes when the file is written.</returns>
        /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
        /// <exception cref="InvalidOperationException">The image has neither bytes, a file nor a URL.</exception>
        /// <exception cref="ImageApiException">The download failed or was too large; no partial file is left behind.</exception>
        public async Task SaveAsync(string path, CancellationToken cancellationToken = default)
        {
            if (string.IsNullOrEmpty(path)) throw new ArgumentException("A file path is required.", nameof(path));
            if (_savedPath != null && string.Equals(Path.GetFullPath(_savedPath), Path.GetFullPath(path), StringComparison.Ordinal)) return;
            var temporary = Responses.TemporaryFile.NameFor(path);
            try
            {
                using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
                {
                    await CopyToAsync(file, cancellationToken).ConfigureAwait(false);
                }

                Responses.TemporaryFile.Commit(temporary, path);
            }
            catch
            {
                Responses.TemporaryFile.Discard(temporary);
                throw;
            }
        }

        private Uri RequireUrl() =>
            Url ?? throw new InvalidOperationException("This image has neither bytes (b64_json), a saved file nor a URL; the response did not include the image.");
    }
}
