using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using CreateImageSdk.Http;

namespace CreateImageSdk
{
    /// <summary>
    /// Sends image requests. Create one and reuse it: it is immutable after construction and safe to use from
    /// many threads at once. The request-specific methods (<c>CreateImage</c>, <c>CreateImageAsync</c>, …) are
    /// generated from the schema.
    /// </summary>
    public sealed partial class ImageClient : IDisposable
    {
        private readonly HttpClient _http;
        private readonly bool _ownsHttp;
        private readonly RequestHeaders _headers;

        /// <summary>Creates a client from the environment: <c>OPENAI_API_KEY</c> and, if set, <c>OPENAI_BASE_URL</c>.</summary>
        public ImageClient()
            : this(new ImageClientOptions())
        {
        }

        /// <summary>Creates a client with the given settings.</summary>
        /// <param name="options">The settings; unset values fall back to the environment and then to defaults.</param>
        /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
        /// <exception cref="ArgumentException">The base URI is not an absolute http(s) URI, or the timeout is not positive.</exception>
        public ImageClient(ImageClientOptions options)
        {
            if (options is null) throw new ArgumentNullException(nameof(options));

            BaseUri = ResolveBaseUri(options.BaseUri);
            Timeout = options.Timeout ?? ImageClientOptions.DefaultTimeout;
            if (Timeout <= TimeSpan.Zero && Timeout != System.Threading.Timeout.InfiniteTimeSpan)
            {
                throw new ArgumentException("Timeout must be positive (or Timeout.InfiniteTimeSpan).", nameof(options));
            }

            var apiKey = string.IsNullOrEmpty(options.ApiKey) ? Environment.GetEnvironmentVariable("OPENAI_API_KEY") : options.ApiKey;
            _headers = new RequestHeaders(string.IsNullOrEmpty(apiKey) ? null : apiKey, options.Organization, options.Project);
            HasApiKey = _headers.HasApiKey;

            _ownsHttp = options.HttpClient is null;
            // Our own timeout applies per request (see Timeout), so the owned HttpClient must not cut in first.
            _http = options.HttpClient ?? new HttpClient { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        }

        /// <summary>The API root requests are sent to (always ends with <c>/</c>).</summary>
        public Uri BaseUri { get; }

        /// <summary>How long one request may take before it fails with a <see cref="TimeoutException"/>.</summary>
        public TimeSpan Timeout { get; }

        /// <summary>Whether an API key was configured (the key itself is never exposed).</summary>
        public bool HasApiKey { get; }

        /// <summary>The <c>User-Agent</c> sent with every request.</summary>
        public static string UserAgent => RequestHeaders.UserAgent;

        /// <summary>Disposes the <see cref="HttpClient"/> the client created; one passed in options is left alone.</summary>
        public void Dispose()
        {
            if (_ownsHttp) _http.Dispose();
        }

        /// <inheritdoc/>
        public override string ToString() => "ImageClient { BaseUri = " + BaseUri + ", HasApiKey = " + (HasApiKey ? "true" : "false") + " }";

        internal Task<TResponse> SendAsync<TRequest, TResponse>(
            string method, string path, TRequest request, JsonTypeInfo<TRequest> requestInfo, JsonTypeInfo<TResponse> responseInfo, CancellationToken cancellationToken) =>
            WithTimeoutAsync(async token =>
            {
                using var message = CreateMessage(method, path, request, requestInfo);
                using var response = await SendCheckedAsync(message, token).ConfigureAwait(false);
                var result = await ResponseReader.ReadJsonAsync(response, responseInfo, token).ConfigureAwait(false);
                (result as IReadByClient)?.ReadBy(_http);
                return result;
            }, cancellationToken);

        internal Task<RawResponse> SendRawAsync<TRequest>(string method, string path, TRequest request, JsonTypeInfo<TRequest> requestInfo, CancellationToken cancellationToken) =>
            WithTimeoutAsync(async token =>
            {
                using var message = CreateMessage(method, path, request, requestInfo);
                using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
                return await ResponseReader.ReadRawAsync(response, token).ConfigureAwait(false);
            }, cancellationToken);

        internal async IAsyncEnumerable<TEvent> StreamAsync<TRequest, TEvent>(
            string method, string path, TRequest request, JsonTypeInfo<TRequest> requestInfo, JsonTypeInfo<TEvent> eventInfo, Func<TEvent, bool>? isFinal,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            // One timeout for the whole stream: from sending to the final event.
            using var timeout = StartTimeout(cancellationToken);
            using var message = CreateMessage(method, path, request, requestInfo);
            message.Headers.Accept.Clear();
            message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
            using var response = await WithTimeoutAsync(_ => SendCheckedAsync(message, timeout.Token), cancellationToken, timeout).ConfigureAwait(false);

            // The caller drives the enumerator, and C# allows no catch around a yield, so each step is wrapped.
            var events = StreamingResponseReader.ReadEventsAsync(response, eventInfo, isFinal, _headers.Scrub, timeout.Token).GetAsyncEnumerator(timeout.Token);
            try
            {
                while (await WithTimeoutAsync(_ => events.MoveNextAsync().AsTask(), cancellationToken, timeout).ConfigureAwait(false))
                {
                    yield return events.Current;
                }
            }
            finally
            {
                await events.DisposeAsync().ConfigureAwait(false);
            }
        }

        /// <summary>Sends, and turns a non-2xx answer into an <see cref="ImageApiException"/> (disposing the response).</summary>
        private async Task<HttpResponseMessage> SendCheckedAsync(HttpRequestMessage message, CancellationToken token)
        {
            var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
            if (response.IsSuccessStatusCode) return response;
            using (response)
            {
                throw await ErrorResponseReader.CreateExceptionAsync(response, _headers.Scrub, token).ConfigureAwait(false);
            }
        }

        /// <summary>
        /// Runs one step under <see cref="Timeout"/>. A cancellation the caller did not ask for is a timeout: ours,
        /// or the <see cref="System.Net.Http.HttpClient.Timeout"/> of a client passed in options, and it says which.
        /// </summary>
        private async Task<T> WithTimeoutAsync<T>(Func<CancellationToken, Task<T>> step, CancellationToken cancellationToken, CancellationTokenSource? shared = null)
        {
            var timeout = shared ?? StartTimeout(cancellationToken);
            try
            {
                return await step(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw timeout.IsCancellationRequested
                    ? new TimeoutException("The image request did not complete within " + Seconds(Timeout) + " (ImageClientOptions.Timeout).", ex)
                    : new TimeoutException("The image request was cut off by the HttpClient's own Timeout (" + Seconds(_http.Timeout) +
                                           "); set HttpClient.Timeout to Timeout.InfiniteTimeSpan and use ImageClientOptions.Timeout.", ex);
            }
            finally
            {
                if (shared is null) timeout.Dispose();
            }
        }

        private static string Seconds(TimeSpan value) =>
            value.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + " s";

        private HttpRequestMessage CreateMessage<TRequest>(string method, string path, TRequest request, JsonTypeInfo<TRequest> requestInfo)
        {
            var body = JsonSerializer.SerializeToUtf8Bytes(request, requestInfo);
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            var message = new HttpRequestMessage(new HttpMethod(method), new Uri(BaseUri, path)) { Content = content };
            _headers.Apply(message);
            return message;
        }

        private CancellationTokenSource StartTimeout(CancellationToken cancellationToken)
        {
            var source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (Timeout != System.Threading.Timeout.InfiniteTimeSpan) source.CancelAfter(Timeout);
            return source;
        }

        private static Uri ResolveBaseUri(Uri? configured)
        {
            var uri = configured;
            if (uri is null)
            {
                var fromEnvironment = Environment.GetEnvironmentVariable("OPENAI_BASE_URL");
                if (!string.IsNullOrWhiteSpace(fromEnvironment) && !Uri.TryCreate(fromEnvironment, UriKind.Absolute, out uri))
                {
                    throw new ArgumentException("OPENAI_BASE_URL is not an absolute URI: '" + fromEnvironment + "'.", "options");
                }
            }

            uri ??= ImageClientOptions.DefaultBaseUri;
            if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                throw new ArgumentException("BaseUri must be an absolute http or https URI, e.g. https://api.openai.com/v1/.", "options");
            }

            // Without the trailing slash, new Uri(base, "images/generations") would drop the last segment ("v1").
            return uri.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? uri : new Uri(uri.AbsoluteUri + "/");
        }
    }
}
