using System;
using System.ClientModel;
using System.ClientModel.Primitives;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace CreateImageSdk.Benchmarks
{
    /// <summary>
    /// Reading 1, 4 and 10 images of 1.5 and 12 MB (one of 50 KB: <see cref="SmallMemoryComparisonBenchmarks"/>), side by side: a plain HttpClient with
    /// System.Text.Json source-gen (the baseline), base64 decoding alone (the floor), this SDK into memory and
    /// straight to files, and the official OpenAI library, over the same canned body (with its Content-Length) and
    /// in-memory handler. Besides time and allocation, each case's peak memory per call is measured once (see
    /// <see cref="PeakMemory"/>). One launch, one warm-up and <see cref="Iterations"/> single-call iterations per
    /// case: the large cases take tens to hundreds of milliseconds a call; the small ones need the many iterations.
    /// </summary>
    [MemoryDiagnoser]
    [Config(typeof(MemoryConfig))]
    [SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: Iterations)]
    public class MemoryComparisonBenchmarks : IDecodesImages
    {
        /// <summary>Single calls timed per case; also the stream comparison's.</summary>
        public const int Iterations = 25;

        private const string RequestJson = "{\"prompt\":\"A cute baby sea otter\",\"model\":\"gpt-image-1\"}";

        private byte[] _body = Array.Empty<byte>();
        private System.Collections.Generic.List<(int Start, int Length)> _base64 = new System.Collections.Generic.List<(int, int)>();
        private HttpClient _plain = null!;
        private ImageClient _ours = null!;
        private OpenAI.Images.ImageClient _official = null!;
        private string _folder = string.Empty;
        private int _images;

        [Params("1 x 1.5 MB", "4 x 1.5 MB", "10 x 1.5 MB", "1 x 12 MB", "4 x 12 MB", "10 x 12 MB")]
        public string Case { get; set; } = "4 x 1.5 MB";

        public long DecodedBytes(string @case)
        {
            var (images, bytes) = Bodies.Shape(@case);
            return (long)images * bytes;
        }

        /// <summary>The benchmark class the peak measurements are recorded for (a wrapper's own name).</summary>
        internal string MeasuredAs { get; set; } = nameof(MemoryComparisonBenchmarks);

        [GlobalSetup]
        public void Setup()
        {
            var (images, bytes) = Bodies.Shape(Case);
            _images = images;
            _body = Bodies.Json(images, bytes, out _);
            _base64 = Bodies.Base64Ranges(_body);
            _plain = new HttpClient(new CannedResponseHandler(_body));
            _ours = new ImageClient(new ImageClientOptions { ApiKey = "sk-benchmark", BaseUri = new Uri("http://127.0.0.1/v1/"), HttpClient = new HttpClient(new CannedResponseHandler(_body)) });
            _official = new OpenAI.Images.ImageClient("gpt-image-1", new ApiKeyCredential("sk-benchmark"), new OpenAI.OpenAIClientOptions
            {
                Endpoint = new Uri("http://127.0.0.1/v1"),
                Transport = new HttpClientPipelineTransport(new HttpClient(new CannedResponseHandler(_body))),
            });
            _folder = Directory.CreateTempSubdirectory("createimage-bench-").FullName;
        }

        /// <summary>The peak of one call of the method this process runs, measured before the timed iterations.</summary>
        [GlobalSetup(Target = nameof(Baseline))]
        public void MeasureBaseline() => Measure(nameof(Baseline), Baseline);

        [GlobalSetup(Target = nameof(DecodeFloor))]
        public void MeasureFloor() => Measure(nameof(DecodeFloor), () => Task.FromResult(DecodeFloor()));

        [GlobalSetup(Target = nameof(Ours))]
        public void MeasureOurs() => Measure(nameof(Ours), Ours);

        [GlobalSetup(Target = nameof(OursToFiles))]
        public void MeasureOursToFiles() => Measure(nameof(OursToFiles), OursToFiles);

        [GlobalSetup(Target = nameof(Official))]
        public void MeasureOfficial() => Measure(nameof(Official), Official);

        private void Measure<T>(string method, Func<Task<T>> call)
        {
            Setup();
            PeakMemory.MeasureAsync(MeasuredAs, method, Case, () => call()).GetAwaiter().GetResult();
        }

        [GlobalCleanup]
        public void Cleanup() => Directory.Delete(_folder, recursive: true);

        [Benchmark(Baseline = true)]
        public async Task<BaselineResponse> Baseline()
        {
            using var content = new StringContent(RequestJson, Encoding.UTF8, "application/json");
            using var response = await _plain.PostAsync("http://127.0.0.1/v1/images/generations", content);
            using var stream = await response.Content.ReadAsStreamAsync();
            return (await JsonSerializer.DeserializeAsync(stream, BaselineJsonContext.Default.BaselineResponse))!;
        }

        /// <summary>Base64 → bytes for each image and nothing else: no HTTP, no JSON.</summary>
        [Benchmark]
        public byte[][] DecodeFloor() => Bodies.DecodeAll(_body, _base64);

        [Benchmark]
        public Task<ImagesResponse> Ours() =>
            _ours.CreateImage("A cute baby sea otter").WithModel(ImageModel.GptImage1).WithCount(_images).SendAsync();

        /// <summary>Each image written to a file as it is decoded (the files are replaced on each call).</summary>
        [Benchmark]
        public Task<ImagesResponse> OursToFiles() =>
            _ours.CreateImage("A cute baby sea otter").WithModel(ImageModel.GptImage1).WithCount(_images).SaveAsync(i => Path.Combine(_folder, "image-" + i + ".png"));

        [Benchmark]
        public async Task<int> Official()
        {
            var result = await _official.GenerateImagesAsync("A cute baby sea otter", _images);
            var total = 0;
            foreach (var image in result.Value) total += image.ImageBytes.ToMemory().Length;
            return total;
        }
    }

    /// <summary>
    /// One 50 KB image: the same calls as <see cref="MemoryComparisonBenchmarks"/>, but a call takes tens of
    /// microseconds, below what single-call iterations can time, so this case runs BenchmarkDotNet's default
    /// (throughput) job: many calls per iteration.
    /// </summary>
    [MemoryDiagnoser]
    [Config(typeof(MemoryConfig))]
    public class SmallMemoryComparisonBenchmarks : IDecodesImages
    {
        private readonly MemoryComparisonBenchmarks _calls = new MemoryComparisonBenchmarks { MeasuredAs = nameof(SmallMemoryComparisonBenchmarks) };

        [Params("1 x 50 KB")]
        public string Case { get => _calls.Case; set => _calls.Case = value; }

        public long DecodedBytes(string @case) => _calls.DecodedBytes(@case);

        [GlobalSetup]
        public void Setup() => _calls.Setup();

        [GlobalSetup(Target = nameof(Baseline))]
        public void MeasureBaseline() => _calls.MeasureBaseline();

        [GlobalSetup(Target = nameof(DecodeFloor))]
        public void MeasureFloor() => _calls.MeasureFloor();

        [GlobalSetup(Target = nameof(Ours))]
        public void MeasureOurs() => _calls.MeasureOurs();

        [GlobalSetup(Target = nameof(OursToFiles))]
        public void MeasureOursToFiles() => _calls.MeasureOursToFiles();

        [GlobalSetup(Target = nameof(Official))]
        public void MeasureOfficial() => _calls.MeasureOfficial();

        [GlobalCleanup]
        public void Cleanup() => _calls.Cleanup();

        [Benchmark(Baseline = true)]
        public Task<BaselineResponse> Baseline() => _calls.Baseline();

        [Benchmark]
        public byte[][] DecodeFloor() => _calls.DecodeFloor();

        [Benchmark]
        public Task<ImagesResponse> Ours() => _calls.Ours();

        [Benchmark]
        public Task<ImagesResponse> OursToFiles() => _calls.OursToFiles();

        [Benchmark]
        public Task<int> Official() => _calls.Official();
    }

    /// <summary>
    /// 16 calls of 10 images of 1.5 MB at once, as a worker serving many requests would make them: the peak working
    /// set of the benchmark's process (its own process, so nothing else is counted) is the figure.
    /// </summary>
    [MemoryDiagnoser]
    [Config(typeof(MemoryConfig))]
    [SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
    public class ConcurrentMemoryComparisonBenchmarks
    {
        private readonly MemoryComparisonBenchmarks _calls = new MemoryComparisonBenchmarks { Case = "10 x 1.5 MB" };

        [GlobalSetup]
        public void Setup() => _calls.Setup();

        [GlobalCleanup]
        public void Cleanup()
        {
            using var process = System.Diagnostics.Process.GetCurrentProcess();
            PeakMemory.Record(nameof(ConcurrentMemoryComparisonBenchmarks), Method, "16 x 10 x 1.5 MB", "peakWorkingSet", process.PeakWorkingSet64);
            _calls.Cleanup();
        }

        private string Method { get; set; } = string.Empty;

        [Benchmark(Baseline = true)]
        public Task Baseline() => Run(nameof(Baseline), i => _calls.Baseline());

        [Benchmark]
        public Task Ours() => Run(nameof(Ours), i => _calls.Ours());

        [Benchmark]
        public Task OursToFiles() => Run(nameof(OursToFiles), i => _calls.OursToFiles());

        [Benchmark]
        public Task Official() => Run(nameof(Official), i => _calls.Official());

        private Task Run<T>(string method, Func<int, Task<T>> call)
        {
            Method = method;
            return Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() => call(i))));
        }
    }
}
