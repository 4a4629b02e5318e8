using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading.Tasks;
using CreateImageSdk.LocalServer;
using CreateImageSdk.Tests.Faults;
using Xunit;

namespace CreateImageSdk.Tests
{
    /// <summary>Spans and metrics as a listener (OpenTelemetry, say) receives them, over real sockets.</summary>
    public sealed class TelemetryTests : IDisposable
    {
        private readonly ConcurrentQueue<Activity> _spans = new ConcurrentQueue<Activity>();
        private readonly ConcurrentQueue<(string Name, double Value, Dictionary<string, object?> Tags)> _measurements = new ConcurrentQueue<(string, double, Dictionary<string, object?>)>();
        private readonly ActivityListener _activities;
        private readonly MeterListener _meters;

        public TelemetryTests()
        {
            _activities = new ActivityListener
            {
                ShouldListenTo = source => source.Name == ImageTelemetry.SourceName,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = _spans.Enqueue,
            };
            ActivitySource.AddActivityListener(_activities);
            _meters = new MeterListener { InstrumentPublished = (instrument, listener) => { if (instrument.Meter.Name == ImageTelemetry.SourceName) listener.EnableMeasurementEvents(instrument); } };
            _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
            _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
            _meters.Start();
        }

        public void Dispose()
        {
            _activities.Dispose();
            _meters.Dispose();
        }

        [Fact]
        public async Task Generation_IsOneClientSpan_WithGenAiAttributes_UsageAndMetrics_AndNoPrompt()
        {
            await using var server = await LocalImageServer.StartAsync(new LocalImageServerOptions { ApiKey = FaultTests.Key });
            using var client = new ImageClient(new ImageClientOptions { ApiKey = FaultTests.Key, BaseUri = server.BaseUri });
            const string Prompt = "A secret otter plan";

            var response = await client.CreateImage(Prompt).WithModel(ImageModel.GptImage1).WithCount(2).WithSize(ImageSize.Size1024x1024).WithQuality(ImageQuality.Low).SendAsync();

            var span = Assert.Single(SpansFor(server.BaseUri.Port));
            Assert.Equal("generate_content gpt-image-1", span.DisplayName);
            Assert.Equal(ActivityKind.Client, span.Kind);
            Assert.Equal(ActivityStatusCode.Unset, span.Status);
            var tags = span.TagObjects.ToDictionary(t => t.Key, t => t.Value);
            Assert.Equal("generate_content", tags["gen_ai.operation.name"]);
            Assert.Equal("127.0.0.1", tags["gen_ai.provider.name"]);
            Assert.Equal("gpt-image-1", tags["gen_ai.request.model"]);
            Assert.Equal("image", tags["gen_ai.output.type"]);
            Assert.Equal(2L, tags["gen_ai.request.choice.count"]);
            Assert.Equal(false, tags["gen_ai.request.stream"]);
            Assert.Equal("1024x1024", tags["createimagesdk.request.size"]);
            Assert.Equal("low", tags["createimagesdk.request.quality"]);
            Assert.Equal(response.Usage!.InputTokens, tags["gen_ai.usage.input_tokens"]);
            Assert.Equal(response.Usage.OutputTokens, tags["gen_ai.usage.output_tokens"]);
            Assert.False(tags.ContainsKey("error.type"));
            Assert.All(tags.Values, v => Assert.DoesNotContain("otter plan", v?.ToString() ?? string.Empty));
            Assert.All(tags.Values, v => Assert.DoesNotContain(FaultTests.Key, v?.ToString() ?? string.Empty));

            var duration = Assert.Single(MeasurementsFor("gen_ai.client.operation.duration", server.BaseUri.Port));
            Assert.InRange(duration.Value, 0, 60);
            Assert.Equal("gpt-image-1", duration.Tags["gen_ai.request.model"]);
            var tokens = MeasurementsFor("gen_ai.client.token.usage", server.BaseUri.Port).ToDictionary(m => (string)m.Tags["gen_ai.token.type"]!, m => m.Value);
            Assert.Equal(response.Usage.InputTokens, tokens["input"]);
            Assert.Equal(response.Usage.OutputTokens, tokens["output"]);
        }

        [Fact]
        public async Task RetriesAndTheFinalError_AreOnTheSpan_AndTheDurationMetric()
        {
            await using var server = await FaultServer.StartAsync(Fault.Error(503, ("retry-after-ms", "10")), Fault.Error(429, ("retry-after-ms", "10")), Fault.Error(500));
            using var client = FaultTests.Client(server);

            await Assert.ThrowsAsync<ImageApiException>(() => client.CreateImage("otter").WithModel(ImageModel.DallE3).SendAsync());

            var span = Assert.Single(SpansFor(server.BaseUri.Port));
            var tags = span.TagObjects.ToDictionary(t => t.Key, t => t.Value);
            Assert.Equal(ActivityStatusCode.Error, span.Status);
            Assert.Equal("500", tags["error.type"]);
            Assert.Equal(2, tags["http.request.resend_count"]);
            Assert.Equal(new[] { "503", "429" }, span.Events.Where(e => e.Name == "retry").Select(e => (string)e.Tags.First(t => t.Key == "reason").Value!));
            Assert.Equal("500", Assert.Single(MeasurementsFor("gen_ai.client.operation.duration", server.BaseUri.Port)).Tags["error.type"]);
        }

        [Fact]
        public async Task Streams_SayTheyStream_AndWhenTheFirstImageCame()
        {
            await using var server = await FaultServer.StartAsync(Fault.EventStream(Fault.PartialEvent + Fault.CompletedEvent));
            using var client = FaultTests.Client(server);

            await foreach (var update in client.CreateImage("otter").WithModel(ImageModel.GptImage1).WithPartialImages(1).StreamAsync()) { }

            var span = Assert.Single(SpansFor(server.BaseUri.Port));
            var tags = span.TagObjects.ToDictionary(t => t.Key, t => t.Value);
            Assert.Equal(true, tags["gen_ai.request.stream"]);
            Assert.Equal(1L, tags["createimagesdk.request.partial_images"]);
            Assert.IsType<double>(tags["createimagesdk.response.time_to_first_image"]);
            Assert.False(tags.ContainsKey("error.type"));
        }

        [Fact]
        public async Task AzureClients_NameTheirProvider()
        {
            await using var server = await LocalImageServer.StartAsync(new LocalImageServerOptions { ApiKey = FaultTests.Key });
            using var client = new ImageClient(new ImageClientOptions { ApiKey = FaultTests.Key, BaseUri = new Uri(server.BaseUri, "/openai/v1/"), Azure = new AzureOpenAIOptions() });

            await client.CreateImage("otter").WithModel(ImageModel.GptImage1).SendAsync();

            Assert.Equal("azure.ai.openai", Assert.Single(SpansFor(server.BaseUri.Port)).GetTagItem("gen_ai.provider.name"));
        }

        private IEnumerable<Activity> SpansFor(int port) =>
            _spans.Where(s => s.TagObjects.Any(t => t.Key == "server.port" && Equals(t.Value, port)));

        private IEnumerable<(string Name, double Value, Dictionary<string, object?> Tags)> MeasurementsFor(string name, int port) =>
            _measurements.Where(m => m.Name == name && Equals(m.Tags.GetValueOrDefault("server.port"), port));

        private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var copy = new Dictionary<string, object?>();
            foreach (var tag in tags) copy[tag.Key] = tag.Value;
            _measurements.Enqueue((instrument.Name, value, copy));
        }
    }
}
