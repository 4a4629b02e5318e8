using System;
using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.ServerSentEvents;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace CreateImageSdk.Benchmarks
{
    /// <summary>
    /// A streamed generation, two partial images and the final one, beside the same clients as
    /// <see cref="MemoryComparisonBenchmarks"/> and measured the same way (time, allocation, peak per call). The
    /// baseline parses events with .NET's SseParser and System.Text.Json; the official library has no typed image
    /// stream, so its caller sends the protocol request and decodes the events itself. Every client keeps the
    /// events it read, as a caller showing progress and then the final image would.
    /// </summary>
    [MemoryDiagnoser]
    [Config(typeof(MemoryConfig))]
    [SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: MemoryComparisonBenchmarks.Iterations)]
    public class StreamMemoryComparisonBenchmarks : IDecodesImages
    {
        private const string RequestJson = "{\"prompt\":\"A cute baby sea otter\",\"model\":\"gpt-image-1\",\"stream\":true,\"partial_images\":2}";

        private byte[] _body = Array.Empty<byte>();
        private List<(int Start, int Length)> _base64 = new List<(int, int)>();
        private HttpClient _plain = null!;
        private ImageClient _ours = null!;
        private OpenAI.Images.ImageClient _official = null!;

        [Params("3 events x 1.5 MB", "3 events x 12 MB")]
        public string Case { get; set; } = "3 events x 1.5 MB";

        public long DecodedBytes(string @case)
        {
            var (images, bytes) = Bodies.Shape(@case);
            return (long)images * bytes;
        }

        [GlobalSetup]
        public void Setup()
        {
            var body = _body = Bodies.EventStream(Bodies.Shape(Case).Bytes, out _);
            _base64 = Bodies.Base64Ranges(body);
            _plain = new HttpClient(new CannedResponseHandler(body, "text/event-stream"));
            _ours = new ImageClient(new ImageClientOptions
            {
                ApiKey = "sk-benchmark", BaseUri = new Uri("http://127.0.0.1/v1/"), HttpClient = new HttpClient(new CannedResponseHandler(body, "text/event-stream")),
            });
            _official = new OpenAI.Images.ImageClient("gpt-image-1", new ApiKeyCredential("sk-benchmark"), new OpenAI.OpenAIClientOptions
            {
                Endpoint = new Uri("http://127.0.0.1/v1"),
                Transport = new HttpClientPipelineTransport(new HttpClient(new CannedResponseHandler(body, "text/event-stream"))),
            });
        }

        /// <summary>The peak of one call of the method this process runs, measured before the timed iterations.</summary>
        [GlobalSetup(Target = nameof(Baseline))]
        public void MeasureBaseline() => Measure(nameof(Baseline), Baseline);

        [GlobalSetup(Target = nameof(DecodeFloor))]
        public void MeasureFloor() => Measure(nameof(DecodeFloor), () => Task.FromResult(DecodeFloor()));

        [GlobalSetup(Target = nameof(Ours))]
        public void MeasureOurs() => Measure(nameof(Ours), Ours);

        [GlobalSetup(Target = nameof(Official))]
        public void MeasureOfficial() => Measure(nameof(Official), Official);

        private void Measure<T>(string method, Func<Task<T>> call)
        {
            Setup();
            PeakMemory.MeasureAsync(nameof(StreamMemoryComparisonBenchmarks), method, Case, () => call()).GetAwaiter().GetResult();
        }

        [Benchmark(Baseline = true)]
        public async Task<List<BaselineEvent>> Baseline()
        {
            using var content = new StringContent(RequestJson, Encoding.UTF8, "application/json");
            using var request = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1/v1/images/generations") { Content = content };
            using var response = await _plain.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            using var stream = await response.Content.ReadAsStreamAsync();
            var events = new List<BaselineEvent>();
            await foreach (var item in SseParser.Create(stream, (_, data) => JsonSerializer.Deserialize(data, BaselineJsonContext.Default.BaselineEvent)!).EnumerateAsync())
            {
                events.Add(item.Data);
            }

            return events;
        }

        /// <summary>Base64 → bytes for the three images and nothing else: no HTTP, no event parsing, no JSON.</summary>
        [Benchmark]
        public byte[][] DecodeFloor() => Bodies.DecodeAll(_body, _base64);

        [Benchmark]
        public async Task<List<ImageStreamEvent>> Ours()
        {
            var events = new List<ImageStreamEvent>();
            await foreach (var update in _ours.CreateImage("A cute baby sea otter").WithModel(ImageModel.GptImage1).WithPartialImages(2).StreamAsync())
            {
                events.Add(update);
            }

            return events;
        }

        [Benchmark]
        public async Task<List<byte[]>> Official()
        {
            var result = await _official.GenerateImagesAsync(BinaryContent.Create(BinaryData.FromString(RequestJson)), new RequestOptions { BufferResponse = false });
            using var stream = result.GetRawResponse().ContentStream!;
            var images = new List<byte[]>();
            await foreach (var item in SseParser.Create(stream, (_, data) =>
            {
                using var document = JsonDocument.Parse(data.ToArray());
                return document.RootElement.GetProperty("b64_json").GetBytesFromBase64();
            }).EnumerateAsync())
            {
                images.Add(item.Data);
            }

            return images;
        }
    }
}
