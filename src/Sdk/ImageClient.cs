using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using CreateImageSdk.Http;
using CreateImageSdk.Telemetry;
using CreateImageSdk.Security;
using CreateImageSdk.Responses;

namespace CreateImageSdk
{
    /// <summary>
    /// Sends image requests. Create one and reuse it: it is immutable after construction and safe to use from
    /// many threads at once. The request-specific methods (<c>CreateImage</c>, <c>CreateImageAsync</c>, …) are
    /// generated from the schema.
    /// </summary>
    /// <remarks>
    /// Failures after validation arrive as <see cref="ImageApiException"/> (the server answered with an error),
    /// <see cref="ImageResponseFormatException"/> (an unreadable success body), <see cref="ImageTransportException"/>
    /// (no usable answer), <see cref="TimeoutException"/> or <see cref="OperationCanceledException"/>; retryable
    /// ones are retried first (<see cref="ImageClientOptions.MaxRetries"/>).
    /// </remarks>
    public sealed partial class ImageClient : IDisposable
    {
        private readonly RequestSender _sender;

        // The gen_ai.provider.name when the host does not tell (an Azure emulator, a proxy); null to derive it.
        private readonly string? _provider;

        /// <summary>Creates a client from the environment: <c>OPENAI_API_KEY</c> and, if set, <c>OPENAI_BASE_URL</c>.</summary>
        /// <exception cref="ArgumentException">An environment setting is not usable; the message names it.</exception>
        public ImageClient()
            : this(new ImageClientOptions())
        {
        }

        /// <summary>Creates a client with the given settings.</summary>
        /// <param name="options">The settings; unset values fall back to the environment and then to defaults.</param>
        /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
        /// <exception cref="ArgumentException">
        /// A setting is not usable; the message names it: the base URI is not an absolute https URI (or http to a
        /// loopback host, unless <see cref="ImageClientOptions.AllowInsecureHttp"/>), the API key, organization or
        /// project has a space, line break or control character inside, or a timeout or retry setting is out of range.
        /// </exception>
        public ImageClient(ImageClientOptions options)
        {
            if (options is null) throw new ArgumentNullException(nameof(options));

            var baseUri = ResolveBaseUri(options.BaseUri, options.AllowInsecureHttp);
            var timeout = options.Timeout ?? ImageClientOptions.DefaultTimeout;
            if (timeout <= TimeSpan.Zero && timeout != System.Threading.Timeout.InfiniteTimeSpan)
            {
                throw new ArgumentException("Timeout must be positive (or Timeout.InfiniteTimeSpan).", nameof(ImageClientOptions.Timeout));
            }

            var maxRetries = options.MaxRetries ?? ImageClientOptions.DefaultMaxRetries;
            if (maxRetries < 0 || maxRetries > 10) throw new ArgumentException("MaxRetries must be between 0 and 10, not " + maxRetries + ".", nameof(ImageClientOptions.MaxRetries));
            var maxRetryDelay = options.MaxRetryDelay ?? ImageClientOptions.DefaultMaxRetryDelay;
            if (maxRetryDelay < TimeSpan.Zero) throw new ArgumentException("MaxRetryDelay must not be negative.", nameof(ImageClientOptions.MaxRetryDelay));

            var maxResponseBytes = options.MaxResponseBytes ?? ImageClientOptions.DefaultMaxResponseBytes;
            if (maxResponseBytes < 1024) throw new ArgumentException("MaxResponseBytes must be at least 1024 bytes, not " + maxResponseBytes + ".", nameof(ImageClientOptions.MaxResponseBytes));

            var apiKey = string.IsNullOrWhiteSpace(options.ApiKey)
                ? HeaderValueCheck.Normalize(Environment.GetEnvironmentVariable("OPENAI_API_KEY"), "OPENAI_API_KEY")
                : HeaderValueCheck.Normalize(options.ApiKey, nameof(ImageClientOptions.ApiKey));
            var azure = options.Azure;
            if (azure?.Deployment is { } deployment && (deployment.Trim().Length == 0 || deployment.IndexOfAny(new[] { '/', '?', '#' }) >= 0))
            {
                throw new ArgumentException("Azure.Deployment must be a deployment name, not empty and without '/', '?' or '#': '" + deployment + "'.", "Azure.Deployment");
            }

            var headers = new RequestHeaders(
                apiKey,
                azure != null,
                options.TokenProvider,
                HeaderValueCheck.Normalize(options.Organization, nameof(ImageClientOptions.Organization)),
                HeaderValueCheck.Normalize(options.Project, nameof(ImageClientOptions.Project)));
            HasApiKey = headers.HasApiKey;

            // A keyless client stays allowed for other hosts (local and compatible servers); OpenAI and Azure always need a credential.
            var missingKey = headers.HasCredential ? null
                : azure != null ? "No API key or TokenProvider is set for Azure OpenAI, so nothing was sent. Set ImageClientOptions.ApiKey (sent as the api-key header) or ImageClientOptions.TokenProvider (Microsoft Entra ID)."
                : string.Equals(baseUri.Host, ImageClientOptions.DefaultBaseUri.Host, StringComparison.OrdinalIgnoreCase)
                    ? "No API key is set for " + baseUri.Host + ", so nothing was sent. Set the OPENAI_API_KEY environment variable or ImageClientOptions.ApiKey (create a key at https://platform.openai.com/api-keys)."
                    : null;
            _provider = azure != null ? "azure.ai.openai" : null;

            _sender = new RequestSender(new Endpoint(baseUri, azure?.Deployment?.Trim(), azure?.ApiVersion, options.PathOverrides), timeout, headers, new RetryPolicy(maxRetries, maxRetryDelay, options.RetryTimeouts), options.HttpClient, new ResponseLimits(maxResponseBytes), missingKey);
            MaxRetries = maxRetries;
        }

        /// <summary>The API root requests are sent to (always ends with <c>/</c>).</summary>
        public Uri BaseUri => _sender.BaseUri;

        /// <summary>How long one attempt may take before it fails with a <see cref="TimeoutException"/>.</summary>
        public TimeSpan Timeout => _sender.Timeout;

        /// <summary>How many times a failed attempt is retried (see <see cref="ImageClientOptions.MaxRetries"/>).</summary>
        public int MaxRetries { get; }

        /// <summary>Whether an API key was configured (the key itself is never exposed).</summary>
        public bool HasApiKey { get; }

        /// <summary>The <c>User-Agent</c> sent with every request.</summary>
        public static string UserAgent => RequestHeaders.UserAgent;

        /// <summary>
        /// The handler the client uses when it creates its own <see cref="HttpClient"/>: no redirects (the key, the
        /// organization and project headers and the prompt never go to another host), compressed answers (gzip; on .NET 8+
        /// also Brotli and deflate),
        /// and (on .NET 8+) connections renewed every 15 minutes so DNS changes are seen. Use it as the primary handler of
        /// an <see cref="HttpClient"/> you pass in <see cref="ImageClientOptions.HttpClient"/> or register with
        /// <c>IHttpClientFactory</c>, to keep the same safety.
        /// </summary>
        /// <returns>A new handler; the caller owns it.</returns>
        public static HttpMessageHandler CreateHttpMessageHandler()
        {
            // Decompression is done above the socket handler (DecompressingHandler), which keeps the compressed
            // length the reader sizes decoded images from.
#if NET
            return new DecompressingHandler(new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                AutomaticDecompression = System.Net.DecompressionMethods.None,
                PooledConnectionLifetime = TimeSpan.FromMinutes(15),
            });
#else
            return new DecompressingHandler(new HttpClientHandler
            {
                AllowAutoRedirect = false,
                AutomaticDecompression = System.Net.DecompressionMethods.None,
            });
#endif
        }

        /// <summary>Disposes the <see cref="HttpClient"/> the client created; one passed in options is left alone.</summary>
        public void Dispose() => _sender.Dispose();

        /// <inheritdoc/>
        public override string ToString() => "ImageClient { BaseUri = " + BaseUri + ", HasApiKey = " + (HasApiKey ? "true" : "false") + " }";

        internal async Task<TResponse> SendAsync<TRequest, TResponse>(
            string method, string path, TRequest request, RequestBody body, JsonTypeInfo<TResponse> responseInfo, CancellationToken cancellationToken)
        {
            using var operation = ImageOperation.Start(request!, BaseUri, _provider, streaming: false);
            try
            {
                var result = await _sender.SendAsync(new HttpMethod(method), path, body, acceptErrorStatus: false, async attempt =>
                {
                    var read = await ResponseReader.ReadJsonAsync(attempt, responseInfo).ConfigureAwait(false);
                    (read as IReadByClient)?.ReadBy(_sender.Http);
                    (read as ImagesResponse)?.SetRateLimit(ImageRateLimit.From(attempt.Response));
                    return read;
                }, operation, cancellationToken).ConfigureAwait(false);
                operation.Received(result);
                return result;
            }
            catch (Exception ex)
            {
                operation.Failed(ex);
                throw;
            }
        }

        /// <summary>
        /// Sends like <see cref="SendAsync{TRequest, TResponse}"/> but writes each image to the file
        /// <paramref name="pathOfImage"/> names as it is decoded (URL images are downloaded to theirs after the answer).
        /// </summary>
        internal async Task<ImagesResponse> SaveAsync<TRequest>(
            string method, string path, TRequest request, RequestBody body, Func<int, string> pathOfImage, CancellationToken cancellationToken)
        {
            if (pathOfImage is null) throw new ArgumentNullException(nameof(pathOfImage));
            using var operation = ImageOperation.Start(request!, BaseUri, _provider, streaming: false);
            try
            {
                var result = await _sender.SendAsync(new HttpMethod(method), path, body, acceptErrorStatus: false, async attempt =>
                {
                    // One set of files per attempt: a failed attempt deletes its own before a retry starts.
                    using var files = new Responses.FileImageSink(pathOfImage);
                    var read = await ResponseReader.ReadJsonAsync(attempt, CreateImageSdkJsonContext.Default.ImagesResponse, files).ConfigureAwait(false);
                    files.Commit();
                    read = read.WithSavedFiles(files);
                    ((IReadByClient)read).ReadBy(_sender.Http);
                    read.SetRateLimit(ImageRateLimit.From(attempt.Response));
                    return read;
                }, operation, cancellationToken).ConfigureAwait(false);
                result = await result.DownloadUrlsAsync(pathOfImage, cancellationToken).ConfigureAwait(false);
                operation.Received(result);
                return result;
            }
            catch (Exception ex)
            {
                operation.Failed(ex);
                throw;
            }
        }

        internal async Task<RawResponse> SendRawAsync<TRequest>(string method, string path, TRequest request, RequestBody body, CancellationToken cancellationToken)
        {
            using var operation = ImageOperation.Start(request!, BaseUri, _provider, streaming: false);
            try
            {
                var raw = await _sender.SendAsync(new HttpMethod(method), path, body, acceptErrorStatus: true, ResponseReader.ReadRawAsync, operation, cancellationToken)
                    .ConfigureAwait(false);
                operation.RawStatus(raw.StatusCode);
                return raw;
            }
            catch (Exception ex)
            {
                operation.Failed(ex);
                throw;
            }
        }

        internal async IAsyncEnumerable<TEvent> StreamAsync<TRequest, TEvent>(
            string method, string path, TRequest request, RequestBody body, JsonTypeInfo<TEvent> eventInfo, Func<TEvent, bool>? isFinal,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            using var operation = ImageOperation.Start(request!, BaseUri, _provider, streaming: true);
            // One timeout for the whole stream, retries included: from sending to the final event. Attempts are
            // retried only until one answers 2xx, that is before the first event.
            using var timeout = _sender.StartTimeout(cancellationToken);
            using var attempt = await OpenStreamAsync(method, path, body, timeout, operation, cancellationToken).ConfigureAwait(false);

            // The caller drives the enumerator, and C# allows no catch around a yield, so each step is wrapped.
            var events = StreamingResponseReader.ReadEventsAsync(attempt, eventInfo, isFinal, _sender.Scrubber, timeout.Token).GetAsyncEnumerator(timeout.Token);
            try
            {
                while (await StepAsync(events, attempt, operation, cancellationToken).ConfigureAwait(false))
                {
                    operation.StreamEvent(events.Current!);
                    yield return events.Current;
                }
            }
            finally
            {
                await events.DisposeAsync().ConfigureAwait(false);
            }
        }

        private async Task<Attempt> OpenStreamAsync(string method, string path, RequestBody body, CancellationTokenSource timeout, ImageOperation operation, CancellationToken cancellationToken)
        {
            try
            {
                return await _sender.SendWithRetriesAsync(new HttpMethod(method), path, body, "text/event-stream", false, timeout, operation, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                operation.Failed(ex);
                throw;
            }
        }

        private async Task<bool> StepAsync<TEvent>(IAsyncEnumerator<TEvent> events, Attempt attempt, ImageOperation operation, CancellationToken cancellationToken)
        {
            try
            {
                return await events.MoveNextAsync().ConfigureAwait(false);
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                var timeout = _sender.TimeoutError(ex, attempt.Timeout, attempt.Number);
                operation.Failed(timeout);
                throw timeout;
            }
            catch (ImageClientException ex)
            {
                ex.Attempts = attempt.Number;
                operation.Failed(ex);
                throw;
            }
            catch (Exception ex)
            {
                operation.Failed(ex);
                throw;
            }
        }

        private static Uri ResolveBaseUri(Uri? configured, bool allowInsecureHttp)
        {
            var uri = configured;
            var setting = nameof(ImageClientOptions.BaseUri);
            if (uri is null)
            {
                var fromEnvironment = Environment.GetEnvironmentVariable("OPENAI_BASE_URL");
                if (!string.IsNullOrWhiteSpace(fromEnvironment))
                {
                    setting = "OPENAI_BASE_URL";
                    if (!Uri.TryCreate(fromEnvironment.Trim(), UriKind.Absolute, out uri))
                    {
                        throw new ArgumentException("OPENAI_BASE_URL is not an absolute URI: '" + fromEnvironment + "'.", setting);
                    }
                }
            }

            uri ??= ImageClientOptions.DefaultBaseUri;
            if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                throw new ArgumentException(setting + " must be an absolute http or https URI, e.g. https://api.openai.com/v1/.", setting);
            }

            if (uri.Scheme == Uri.UriSchemeHttp && !allowInsecureHttp && !Loopback.Is(uri))
            {
                throw new ArgumentException(
                    setting + " " + uri.GetLeftPart(UriPartial.Authority) + " uses plain http to a host that is not loopback, so the API key and prompts would cross the network unencrypted. " +
                    "Use https, or set ImageClientOptions.AllowInsecureHttp = true for a network you trust.", setting);
            }

            // Without the trailing slash, new Uri(base, "images/generations") would drop the last segment ("v1").
            return uri.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? uri : new Uri(uri.AbsoluteUri + "/");
        }
    }
}
