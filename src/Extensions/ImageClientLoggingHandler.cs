using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace CreateImageSdk.Extensions
{
    /// <summary>
    /// Structured logs for every attempt an <see cref="ImageClient"/> makes through the <see cref="IHttpClientFactory"/>
    /// pipeline: the attempt number and model the SDK stamped on the request, the status, the duration and the
    /// <c>x-request-id</c>. Logging lives here, not in the core, so the core keeps no dependency on
    /// Microsoft.Extensions.Logging. Headers and bodies are never logged, so neither is the key or the prompt.
    /// </summary>
    internal sealed class ImageClientLoggingHandler : DelegatingHandler
    {
        private static readonly Action<ILogger, int, string, string, Exception?> Sending = LoggerMessage.Define<int, string, string>(
            LogLevel.Debug, new EventId(1, "ImageRequestSending"), "Sending image request attempt {Attempt} to {Host} (model {Model})");

        private static readonly Action<ILogger, int, string, string, int, long, string, Exception?> Answered = LoggerMessage.Define<int, string, string, int, long, string>(
            LogLevel.Information, new EventId(2, "ImageRequestAnswered"), "Image request attempt {Attempt} to {Host} (model {Model}) answered {StatusCode} in {ElapsedMs} ms, request id {RequestId}");

        private static readonly Action<ILogger, int, string, string, int, long, string, Exception?> AnsweredError = LoggerMessage.Define<int, string, string, int, long, string>(
            LogLevel.Warning, new EventId(3, "ImageRequestError"), "Image request attempt {Attempt} to {Host} (model {Model}) answered {StatusCode} in {ElapsedMs} ms, request id {RequestId}");

        private static readonly Action<ILogger, int, string, string, long, string, Exception?> Failed = LoggerMessage.Define<int, string, string, long, string>(
            LogLevel.Warning, new EventId(4, "ImageRequestFailed"), "Image request attempt {Attempt} to {Host} (model {Model}) failed after {ElapsedMs} ms: {ErrorType}");

        private readonly ILogger _logger;

        public ImageClientLoggingHandler(ILogger logger) => _logger = logger;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var attempt = Read<int>(request, "CreateImageSdk.Attempt");
            var model = Read<string>(request, "CreateImageSdk.Model") ?? "(server default)";
            var host = request.RequestUri?.Authority ?? string.Empty;
            Sending(_logger, attempt, host, model, null);
            var started = Stopwatch.GetTimestamp();
            try
            {
                var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                var requestId = response.Headers.TryGetValues("x-request-id", out var values) ? values.FirstOrDefault() ?? string.Empty : string.Empty;
                (status >= 400 ? AnsweredError : Answered)(_logger, attempt, host, model, status, Elapsed(started), requestId, null);
                return response;
            }
            catch (Exception ex)
            {
                Failed(_logger, attempt, host, model, Elapsed(started), ex.GetType().Name, ex);
                throw;
            }
        }

        private static long Elapsed(long started) => (Stopwatch.GetTimestamp() - started) * 1000 / Stopwatch.Frequency;

        private static T? Read<T>(HttpRequestMessage request, string key)
        {
#if NET
            return request.Options.TryGetValue(new HttpRequestOptionsKey<T>(key), out var value) ? value : default;
#else
            return request.Properties.TryGetValue(key, out var value) && value is T typed ? typed : default;
#endif
        }
    }
}
