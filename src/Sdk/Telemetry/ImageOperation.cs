using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using CreateImageSdk.Http;

namespace CreateImageSdk.Telemetry
{
    /// <summary>
    /// One call as telemetry sees it: a <c>generate_content {model}</c> span with the OpenTelemetry GenAI attributes,
    /// the duration and token metrics, retry events. Costs next to nothing when nobody listens: no span is created
    /// and the histograms skip unobserved instruments.
    /// </summary>
    internal sealed class ImageOperation : IDisposable
    {
        private const string OperationName = "generate_content";

        private static readonly ActivitySource Source = new ActivitySource(ImageTelemetry.SourceName, RequestHeaders.Version);
        private static readonly Meter Meter = new Meter(ImageTelemetry.SourceName, RequestHeaders.Version);

        private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
            "gen_ai.client.operation.duration", "s", "GenAI operation duration.");

        private static readonly Histogram<long> TokenUsage = Meter.CreateHistogram<long>(
            "gen_ai.client.token.usage", "{token}", "Measures number of input and output tokens used.");

        private readonly Activity? _activity;
        private readonly long _started = Stopwatch.GetTimestamp();
        private readonly string _provider;
        private readonly string _host;
        private readonly int _port;
        private readonly string? _model;
        private readonly string _operationName;
        private string? _errorType;
        private int _attempts = 1;
        private bool _sawEvent;

        private ImageOperation(object request, Uri baseUri, string? provider, bool streaming, string operationName = OperationName)
        {
            _operationName = operationName;
            _host = baseUri.Host;
            _port = baseUri.Port;
            _provider = provider ?? Provider(baseUri);
            _activity = Source.StartActivity(operationName, ActivityKind.Client);
            var tags = new RequestTags(_activity);
            (request as ITaggedRequest)?.AddTags(tags);
            _model = tags.Model;
            if (_activity is null) return;

            _activity.DisplayName = _model is null ? operationName : operationName + " " + _model;
            _activity.SetTag("gen_ai.operation.name", operationName);
            _activity.SetTag("gen_ai.provider.name", _provider);
            _activity.SetTag("gen_ai.output.type", "image");
            _activity.SetTag("gen_ai.request.stream", streaming);
            _activity.SetTag("server.address", _host);
            _activity.SetTag("server.port", _port);
        }

        /// <param name="request">The request; its values become attributes when it is an <see cref="ITaggedRequest"/>.</param>
        /// <param name="baseUri">The server, for <c>server.address</c>/<c>server.port</c> and the provider.</param>
        /// <param name="provider">The provider name when the host does not tell (Azure behind another host), or null.</param>
        /// <param name="streaming">Whether the answer is a stream of events.</param>
        public static ImageOperation Start(object request, Uri baseUri, string? provider, bool streaming) => new ImageOperation(request, baseUri, provider, streaming);

        /// <summary>
        /// A call of the Files or Batches API (<c>upload_file</c>, <c>create_batch</c>, …): the same span, duration metric
        /// and retry events as an image call, under its own operation name and with no model.
        /// </summary>
        public static ImageOperation StartService(string operationName, Uri baseUri, string? provider) => new ImageOperation(new object(), baseUri, provider, false, operationName);

        /// <summary>The requested model, when the request names one.</summary>
        public string? Model => _model;

        /// <summary>The next attempt is about to be sent.</summary>
        public void Attempt(int number) => _attempts = number;

        /// <summary>An attempt failed and another follows after <paramref name="delay"/>.</summary>
        public void Retrying(int attempt, TimeSpan delay, string reason)
        {
            _activity?.AddEvent(new ActivityEvent("retry", tags: new ActivityTagsCollection
            {
                ["attempt"] = attempt,
                ["delay_ms"] = (long)delay.TotalMilliseconds,
                ["reason"] = reason,
            }));
        }

        /// <summary>A typed answer (or stream event) arrived; usage, when it has some, is recorded.</summary>
        public void Received(object? result)
        {
            if (result is IReportsUsage { Usage: { } usage })
            {
                _activity?.SetTag("gen_ai.usage.input_tokens", usage.InputTokens);
                _activity?.SetTag("gen_ai.usage.output_tokens", usage.OutputTokens);
                RecordTokens(usage.InputTokens, "input");
                RecordTokens(usage.OutputTokens, "output");
            }
        }

        /// <summary>A stream event arrived: the first one's delay is the time to the first image.</summary>
        public void StreamEvent(object item)
        {
            if (!_sawEvent)
            {
                _sawEvent = true;
                _activity?.SetTag("createimagesdk.response.time_to_first_image", Elapsed());
            }

            Received(item);
        }

        /// <summary>A raw answer with an error status is an error for telemetry, though the raw API does not throw.</summary>
        public void RawStatus(int status)
        {
            if (status >= 400) _errorType = status.ToString(CultureInfo.InvariantCulture);
        }

        public void Failed(Exception ex)
        {
            // Low cardinality, and nothing the server wrote (which could quote the prompt): the status or the type.
            _errorType = ex is ImageApiException api && !(ex is ImageResponseFormatException) ? api.StatusCode.ToString(CultureInfo.InvariantCulture) : ex.GetType().FullName;
            _activity?.SetStatus(ActivityStatusCode.Error, _errorType);
        }

        public void Dispose()
        {
            if (_errorType != null) _activity?.SetTag("error.type", _errorType);
            if (_attempts > 1) _activity?.SetTag("http.request.resend_count", _attempts - 1);
            if (Duration.Enabled)
            {
                var tags = CommonTags();
                if (_errorType != null) tags.Add("error.type", _errorType);
                Duration.Record(Elapsed(), tags);
            }

            _activity?.Dispose();
        }

        private double Elapsed() => (Stopwatch.GetTimestamp() - _started) / (double)Stopwatch.Frequency;

        private void RecordTokens(long count, string type)
        {
            if (!TokenUsage.Enabled) return;
            var tags = CommonTags();
            tags.Add("gen_ai.token.type", type);
            TokenUsage.Record(count, tags);
        }

        private TagList CommonTags()
        {
            var tags = new TagList
            {
                { "gen_ai.operation.name", _operationName },
                { "gen_ai.provider.name", _provider },
                { "server.address", _host },
                { "server.port", _port },
            };
            if (_model != null) tags.Add("gen_ai.request.model", _model);
            return tags;
        }

        /// <summary><c>openai</c>, <c>azure.ai.openai</c>, or the host of another (compatible) server.</summary>
        private static string Provider(Uri baseUri)
        {
            var host = baseUri.Host;
            if (string.Equals(host, "api.openai.com", StringComparison.OrdinalIgnoreCase)) return "openai";
            if (host.EndsWith(".openai.azure.com", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".cognitiveservices.azure.com", StringComparison.OrdinalIgnoreCase)) return "azure.ai.openai";
            return host;
        }
    }
}
