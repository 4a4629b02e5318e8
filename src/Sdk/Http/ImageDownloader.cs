using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace CreateImageSdk.Http
{
    /// <summary>Downloads image URLs safely: https only (http only to loopback), size-capped, streamed.</summary>
    internal static class ImageDownloader
    {
        /// <summary>The largest image accepted: 64 MiB, far above any generated image.</summary>
        public const long MaxDownloadBytes = 64L * 1024 * 1024;

        // One shared client for downloads: URLs are pre-signed, so no credentials are ever attached.
        private static readonly HttpClient Shared = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };

        public static async Task DownloadAsync(Uri url, Stream destination, CancellationToken cancellationToken)
        {
            if (!(url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && IsLoopback(url))))
            {
                throw new ImageApiException("Refusing to download an image over " + url.Scheme + " from a non-loopback host; only https (or http to localhost) is allowed.", 0, null, null, null, null, null);
            }

            HttpResponseMessage response;
            try
            {
                response = await Shared.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException ex)
            {
                throw new ImageApiException("Downloading the image failed: " + ex.Message, 0, null, null, null, null, ex);
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException("Downloading the image did not complete within " + Shared.Timeout.TotalSeconds + " s.", ex);
            }

            using var disposeResponse = response;
            var status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                throw new ImageApiException("Downloading the image failed with " + status + " " + response.ReasonPhrase + " (URLs expire 60 minutes after the image was created).", status, null, ResponseReader.RequestId(response), null, null, null);
            }

            if (response.Content.Headers.ContentLength > MaxDownloadBytes) throw TooLarge(status);
            using var source = await ResponseReader.ReadStreamAsync(response, cancellationToken).ConfigureAwait(false);
            var buffer = new byte[81920];
            long total = 0;
            int read;
            while ((read = await source.ReadAsync(buffer, 0, buffer.Length, cancellationToken).ConfigureAwait(false)) > 0)
            {
                total += read;
                if (total > MaxDownloadBytes) throw TooLarge(status);
                await destination.WriteAsync(buffer, 0, read, cancellationToken).ConfigureAwait(false);
            }
        }

        private static ImageApiException TooLarge(int status) =>
            new ImageApiException("The image is larger than " + (MaxDownloadBytes / (1024 * 1024)) + " MiB; refusing to download it.", status, null, null, null, null, null);

        private static bool IsLoopback(Uri url) =>
            url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
    }
}
