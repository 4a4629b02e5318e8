using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
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

        /// <summary>How long one download may take.</summary>
        public static readonly TimeSpan DownloadTimeout = TimeSpan.FromMinutes(2);

        // For images that were not read by a client (built by hand, or copied with `with`). URLs are pre-signed, so
        // no credentials are ever attached to a download.
        private static readonly HttpClient Shared = new HttpClient { Timeout = System.Threading.Timeout.InfiniteTimeSpan };

        // The HttpClient of the ImageClient that read each image, so downloads go through the same handlers and
        // proxy. Weak: an image forgotten by the caller does not keep anything alive.
        private static readonly ConditionalWeakTable<GeneratedImage, HttpClient> Owners = new ConditionalWeakTable<GeneratedImage, HttpClient>();

        public static void Attach(IEnumerable<GeneratedImage> images, HttpClient http)
        {
            foreach (var image in images)
            {
                Owners.Remove(image);
                Owners.Add(image, http);
            }
        }

        public static async Task DownloadAsync(GeneratedImage image, Uri url, Stream destination, CancellationToken cancellationToken)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(DownloadTimeout);
            try
            {
                var http = Owners.TryGetValue(image, out var owner) ? owner : Shared;
                try
                {
                    await DownloadCoreAsync(http, url, destination, timeout.Token).ConfigureAwait(false);
                }
                catch (ObjectDisposedException) when (http != Shared)
                {
                    // The ImageClient that read the image (and owned its HttpClient) was disposed since.
                    await DownloadCoreAsync(Shared, url, destination, timeout.Token).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException("Downloading the image did not complete within " + DownloadTimeout.TotalSeconds + " s (or the HttpClient's own Timeout).", ex);
            }
        }

        private static async Task DownloadCoreAsync(HttpClient http, Uri url, Stream destination, CancellationToken cancellationToken)
        {
            if (!(url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && IsLoopback(url))))
            {
                throw new ImageApiException("Refusing to download an image over " + url.Scheme + " from a non-loopback host; only https (or http to localhost) is allowed.", 0, null, null, null, null, null);
            }

            HttpResponseMessage response;
            try
            {
                response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException ex)
            {
                throw new ImageApiException("Downloading the image failed: " + ex.Message, 0, null, null, null, null, ex);
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
