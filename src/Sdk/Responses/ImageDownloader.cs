using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using CreateImageSdk.Security;
using CreateImageSdk.Http;

namespace CreateImageSdk.Responses
{
    /// <summary>Downloads image URLs safely: https only (http only to loopback), size-capped, streamed.</summary>
    internal static class ImageDownloader
    {
        /// <summary>How long one download may take.</summary>
        public static readonly TimeSpan DownloadTimeout = TimeSpan.FromMinutes(2);

        /// <summary>How many redirects a download follows (storage and CDNs redirect; each hop is checked like the URL).</summary>
        public const int MaxRedirects = 5;

        // For images that were not read by a client (built by hand, or copied with `with`). URLs are pre-signed, so
        // no credentials are ever attached to a download. Redirects are followed here, hop by hop, not by the handler.
        private static readonly HttpClient Shared = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };

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
            for (var hop = 0; ; hop++)
            {
                if (!(url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && Loopback.Is(url))))
                {
                    throw new ImageTransportException(
                        "Refusing to download an image over " + url.Scheme + " from " + url.Authority + "; only https (or http to a loopback address) is allowed. Nothing was sent.",
                        url.Authority, null, null);
                }

                HttpResponseMessage response;
                try
                {
                    // A fresh request per hop without any header of ours: pre-signed URLs need none.
                    response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
                }
                catch (HttpRequestException ex) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new ImageTransportException("Downloading the image from " + url.Authority + " failed: " + TransportErrors.Describe(ex) + ".", url.Authority, null, ex);
                }

                using var disposeResponse = response;
                var status = (int)response.StatusCode;
                if (status >= 300 && status < 400 && response.Headers.Location is { } location)
                {
                    if (hop == MaxRedirects) throw new ImageApiException("Downloading the image took more than " + MaxRedirects + " redirects; the last was " + status + " from " + url.Authority + ".", status, null, ResponseReader.RequestId(response), null, null, null);
                    url = location.IsAbsoluteUri ? location : new Uri(url, location);
                    continue;
                }

                if (!response.IsSuccessStatusCode)
                {
                    throw new ImageApiException(
                        "Downloading the image from " + url.Authority + " failed with " + status + " " + response.ReasonPhrase + " (URLs expire 60 minutes after the image was created).",
                        status, null, ResponseReader.RequestId(response), null, null, null);
                }

                if (response.Content.Headers.ContentLength > ResponseLimits.MaxDownloadBytes) throw TooLarge(status, url);
                await CopyAsync(response, url, destination, cancellationToken).ConfigureAwait(false);
                return;
            }
        }

        /// <summary>Copies the body; failures reading it become the SDK's exceptions, failures of the caller's stream stay as they are.</summary>
        private static async Task CopyAsync(HttpResponseMessage response, Uri url, Stream destination, CancellationToken cancellationToken)
        {
            var status = (int)response.StatusCode;
            var buffer = new byte[81920];
            Stream? source = null;
            try
            {
                while (true)
                {
                    int read;
                    try
                    {
                        source ??= new LimitedReadStream(await ResponseReader.ReadStreamAsync(response, cancellationToken).ConfigureAwait(false), ResponseLimits.MaxDownloadBytes, "the image");
                        read = await source.ReadAsync(buffer, 0, buffer.Length, cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (TransportErrors.WhileReading(ex, url, status, ResponseReader.RequestId(response), "the image is not valid", SecretScrubber.None) is { } mapped)
                    {
                        throw mapped;
                    }

                    if (read == 0) return;
                    await destination.WriteAsync(buffer, 0, read, cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                source?.Dispose();
            }
        }

        private static ImageResponseFormatException TooLarge(int status, Uri url) =>
            new ImageResponseFormatException("The image at " + url.Authority + " is larger than " + ResponseLimits.Describe(ResponseLimits.MaxDownloadBytes) + "; refusing to download it.", status, null, null, null);

    }
}
