using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using CreateImageSdk.Security;
using CreateImageSdk.Responses;
using CreateImageSdk.Uploads;

namespace CreateImageSdk.Http
{
    /// <summary>
    /// The one HTTP send path: builds each attempt's request, applies the timeout, retries what may be retried,
    /// refuses redirects, and turns every failure into the SDK's exceptions. Reading a successful body is the
    /// caller's (<see cref="ResponseReader"/>, <see cref="StreamingResponseReader"/>).
    /// </summary>
    internal sealed class RequestSender : IDisposable
    {
        private readonly bool _ownsHttp;
        private readonly RequestHeaders _headers;
        private readonly RetryPolicy _retry;
        private readonly string? _missingKey;
        private readonly ResponseLimits _limits;
        private readonly Endpoint _endpoint;

        /// <param name="endpoint">Where each operation's path goes.</param>
        /// <param name="timeout">How long one attempt may take.</param>
        /// <param name="headers">The headers every request carries.</param>
        /// <param name="retry">Which failures are retried, and when.</param>
        /// <param name="http">A caller-supplied client, or null to create and own one.</param>
        /// <param name="limits">How much of an answer is read.</param>
        /// <param name="missingKey">Why no request may be sent without a key (the official API), or null.</param>
        public RequestSender(Endpoint endpoint, TimeSpan timeout, RequestHeaders headers, RetryPolicy retry, HttpClient? http, ResponseLimits limits, string? missingKey)
        {
            _limits = limits;
            _endpoint = endpoint;
            Timeout = timeout;
            _headers = headers;
            _retry = retry;
            _missingKey = missingKey;
            _ownsHttp = http is null;
            Http = http ?? CreateHttpClient();
        }

        public Uri BaseUri => _endpoint.BaseUri;

        public TimeSpan Timeout { get; }

        public HttpClient Http { get; }

        public SecretScrubber Scrubber => _headers.Scrubber;

        public void Dispose()
        {
            if (_ownsHttp) Http.Dispose();
        }

        /// <summary>Sends with retries, then reads the answer with <paramref name="read"/> under the same attempt's timeout.</summary>
        /// <param name="method">The HTTP method.</param>
        /// <param name="path">The path below the base URI.</param>
        /// <param name="body">The request body; each attempt gets fresh content from it.</param>
        /// <param name="acceptErrorStatus">Return 4xx/5xx answers to <paramref name="read"/> (the raw API) instead of throwing.</param>
        /// <param name="read">Reads the answer; its failures carry the attempt count.</param>
        /// <param name="cancellationToken">The caller's cancellation.</param>
        /// <param name="operation">The call's telemetry.</param>
        public async Task<T> SendAsync<T>(HttpMethod method, string path, RequestBody body, bool acceptErrorStatus, Func<Attempt, Task<T>> read, Telemetry.ImageOperation operation, CancellationToken cancellationToken)
        {
            using var attempt = await SendWithRetriesAsync(method, path, body, "application/json", acceptErrorStatus, null, operation, cancellationToken).ConfigureAwait(false);
            try
            {
                return await read(attempt).ConfigureAwait(false);
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw TimeoutError(ex, attempt.Timeout, attempt.Number);
            }
            catch (ImageClientException ex)
            {
                ex.Attempts = attempt.Number;
                throw;
            }
        }

        /// <summary>
        /// Sends until an attempt gets a 2xx answer (or an error that is not retried), and returns that attempt.
        /// With <paramref name="sharedTimeout"/> (streams) one timeout covers every attempt and the caller disposes it.
        /// </summary>
        public async Task<Attempt> SendWithRetriesAsync(
            HttpMethod method, string path, RequestBody body, string accept, bool acceptErrorStatus, CancellationTokenSource? sharedTimeout, Telemetry.ImageOperation operation,
            CancellationToken cancellationToken)
        {
            if (_missingKey != null) throw new InvalidOperationException(_missingKey);
            var uri = _endpoint.For(path);
            for (var number = 1; ; number++)
            {
                operation.Attempt(number);
                // The content first: a body that cannot be made (a spent stream) fails before a timer is started.
                var inner = body.CreateContent();
                var content = inner is null ? null : new SentTrackingContent(inner);
                var timeout = sharedTimeout ?? StartTimeout(cancellationToken);
                var request = new HttpRequestMessage(method, uri) { Content = content };
                AttemptStamp.Apply(request, number, operation.Model);
                try
                {
                    // Per attempt: a token provider may hand out a fresh token for a retry.
                    await _headers.ApplyAsync(request, accept, cancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    request.Dispose();
                    if (sharedTimeout is null) timeout.Dispose();
                    throw;
                }

                HttpResponseMessage? response = null;
                Exception? failure = null;
                var retryable = true;
                try
                {
                    response = await Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
                {
                    failure = TimeoutError(ex, timeout, number);
                    // A request that never fully left cannot be generating anything, so another attempt is safe; one that
                    // did may be billed, so it is retried only when the caller said so.
                    retryable = sharedTimeout is null && (content is null || !content.Sent || _retry.RetryTimeouts);
                }
                catch (HttpRequestException ex) when (!cancellationToken.IsCancellationRequested)
                {
                    failure = TransportErrors.BeforeResponse(ex, uri);
                }
                catch
                {
                    request.Dispose();
                    if (sharedTimeout is null) timeout.Dispose();
                    throw;
                }

                TimeSpan wait;
                string reason;
                if (response is null)
                {
                    request.Dispose();
                    if (sharedTimeout is null) timeout.Dispose();
                    if (!retryable || !_retry.HasRetryLeft(number) || body.NotResendableReason != null)
                    {
                        if (failure is ImageClientException known)
                        {
                            known.Attempts = number;
                            if (retryable && _retry.HasRetryLeft(number)) known.NotRetriedBecause = body.NotResendableReason;
                        }

                        throw failure!;
                    }

                    wait = RetryPolicy.Backoff(number);
                    reason = failure is TimeoutException ? "timeout" : "connection";
                }
                else
                {
                    var attempt = new Attempt(uri, request, response, number, timeout, sharedTimeout is null, _limits, _headers.Scrubber);
                    TimeSpan? retryAfter;
                    try
                    {
                        retryAfter = await CheckAnswerAsync(attempt, acceptErrorStatus, body).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
                    {
                        var error = TimeoutError(ex, timeout, number);
                        attempt.Dispose();
                        throw error;
                    }
                    catch
                    {
                        attempt.Dispose();
                        throw;
                    }

                    if (retryAfter is null) return attempt;
                    reason = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    attempt.Dispose();
                    wait = retryAfter.Value;
                }

                operation.Retrying(number, wait, reason);
                await DelayAsync(wait, sharedTimeout, number, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>Null when the answer is to be read; the delay when it is to be retried; throws when it is an error.</summary>
        private async Task<TimeSpan?> CheckAnswerAsync(Attempt attempt, bool acceptErrorStatus, RequestBody body)
        {
            var response = attempt.Response;
            var answeredBy = response.RequestMessage?.RequestUri;
            if (answeredBy != null && !SameOrigin(answeredBy, attempt.Uri))
            {
                // Only a caller-supplied HttpClient follows redirects; what it sent cannot be taken back, but its answer is refused.
                throw new ImageTransportException(
                    "The HttpClient followed a redirect from " + attempt.Uri.Authority + " to " + answeredBy.Authority + "; the answer from there is refused. " +
                    "Set AllowAutoRedirect = false on its handler and point BaseUri at the final address.", attempt.Uri.Authority, (int)response.StatusCode, null)
                { Attempts = attempt.Number };
            }

            if (response.IsSuccessStatusCode) return null;
            var status = (int)response.StatusCode;
            if (status >= 300 && status < 400)
            {
                if (acceptErrorStatus) return null;
                var location = response.Headers.Location;
                throw new ImageApiException(
                    _headers.Scrubber.Scrub("The image API answered " + status + " " + response.ReasonPhrase + " redirecting to " + (location?.ToString() ?? "(no Location header)") +
                    "; redirects are not followed, so the request and its credentials stay with " + attempt.Uri.Authority + ". Point BaseUri at the final address.")!,
                    status, null, ResponseReader.RequestId(response), null, null, null)
                { Attempts = attempt.Number };
            }

            var wait = _retry.Decide(response, attempt.Number, out var notRetriedBecause);
            if (wait != null && body.NotResendableReason is { } cannotResend)
            {
                wait = null;
                notRetriedBecause = cannotResend;
            }

            if (wait != null) return wait;
            if (acceptErrorStatus) return null;

            ImageApiException error;
            try
            {
                error = await ErrorResponseReader.CreateExceptionAsync(response, _headers.Scrubber, attempt.Timeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException) && TransportErrors.WhileReading(ex, attempt.Uri, status, ResponseReader.RequestId(response), "the error body is not valid", _headers.Scrubber) is { } mapped)
            {
                mapped.Attempts = attempt.Number;
                throw mapped;
            }

            error.Attempts = attempt.Number;
            error.NotRetriedBecause = notRetriedBecause;
            throw error;
        }

        private async Task DelayAsync(TimeSpan delay, CancellationTokenSource? sharedTimeout, int attempts, CancellationToken cancellationToken)
        {
            try
            {
                await Task.Delay(delay, sharedTimeout?.Token ?? cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested && sharedTimeout != null)
            {
                throw TimeoutError(ex, sharedTimeout, attempts);
            }
        }

        /// <summary>
        /// A cancellation the caller did not ask for is a timeout: ours, or the <see cref="HttpClient.Timeout"/> of a
        /// client passed in options, and it says which.
        /// </summary>
        public TimeoutException TimeoutError(OperationCanceledException ex, CancellationTokenSource timeout, int attempts)
        {
            var tries = attempts > 1 ? " (" + attempts + " attempts)" : string.Empty;
            return timeout.IsCancellationRequested
                ? new TimeoutException("The image request did not complete within " + RetryPolicy.Seconds(Timeout) + " (ImageClientOptions.Timeout)" + tries + ".", ex)
                : new TimeoutException("The image request was cut off by the HttpClient's own Timeout (" + RetryPolicy.Seconds(Http.Timeout) + ")" + tries +
                                       "; set HttpClient.Timeout to Timeout.InfiniteTimeSpan and use ImageClientOptions.Timeout.", ex);
        }

        public CancellationTokenSource StartTimeout(CancellationToken cancellationToken)
        {
            var source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (Timeout != System.Threading.Timeout.InfiniteTimeSpan) source.CancelAfter(Timeout);
            return source;
        }

        private static bool SameOrigin(Uri a, Uri b) =>
            string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase) && string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase) && a.Port == b.Port;

        /// <summary>The client the SDK owns: its handler, and no HttpClient timeout of its own (ours applies per attempt).</summary>
        private static HttpClient CreateHttpClient() =>
            new HttpClient(ImageClient.CreateHttpMessageHandler()) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
    }
}
