using System;
using System.ClientModel;
using System.ClientModel.Primitives;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;

namespace CreateImageSdk.Benchmarks
{
    /// <summary>
    /// Sending one image edit from a file, side by side: a plain HttpClient with a streamed multipart form (the
    /// baseline: what streaming the file costs), this SDK, and the official OpenAI .NET library (one image: it takes no
    /// more). The handler drains each body, so the allocations are the client's. A client that copied the file into
    /// memory would allocate its size per call.
    /// </summary>
    [MemoryDiagnoser]
    public class UploadComparisonBenchmarks
    {
        private static readonly byte[] Answer = Encoding.UTF8.GetBytes(
            "{\"created\":1700000000,\"data\":[{\"b64_json\":\"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==\"}]}");

        private string _path = string.Empty;
        private HttpClient _plain = null!;
        private ImageClient _ours = null!;
        private OpenAI.Images.ImageClient _official = null!;

        [Params(4, 16)]
        public int Megabytes { get; set; } = 4;

        [GlobalSetup]
        public void Setup()
        {
            // A PNG signature and header, then filler: the SDK reads the format from the first bytes.
            var bytes = new byte[Megabytes * 1024 * 1024];
            new Random(1).NextBytes(bytes);
            new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 0, 0, 4, 0, 0, 0, 4, 0 }.CopyTo(bytes, 0);
            _path = Path.Combine(Path.GetTempPath(), "cis-upload-" + Megabytes + ".png");
            File.WriteAllBytes(_path, bytes);
            _plain = new HttpClient(new DrainingHandler(Answer));
            _ours = new ImageClient(new ImageClientOptions { ApiKey = "sk-benchmark", BaseUri = new Uri("http://127.0.0.1/v1/"), HttpClient = new HttpClient(new DrainingHandler(Answer)) });
            _official = new OpenAI.Images.ImageClient("gpt-image-1", new ApiKeyCredential("sk-benchmark"), new OpenAI.OpenAIClientOptions
            {
                Endpoint = new Uri("http://127.0.0.1/v1"),
                Transport = new HttpClientPipelineTransport(new HttpClient(new DrainingHandler(Answer))),
            });
        }

        [GlobalCleanup]
        public void Cleanup() => File.Delete(_path);

        [Benchmark(Baseline = true)]
        public async Task<int> Baseline()
        {
            using var form = new MultipartFormDataContent();
            form.Add(new StringContent("Add a beret"), "prompt");
            form.Add(new StringContent("gpt-image-1"), "model");
            using var file = File.OpenRead(_path);
            var image = new StreamContent(file);
            image.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
            form.Add(image, "image", "image.png");
            using var response = await _plain.PostAsync("http://127.0.0.1/v1/images/edits", form);
            return (await response.Content.ReadAsByteArrayAsync()).Length;
        }

        [Benchmark]
        public Task<ImagesResponse> Ours() =>
            _ours.EditImage("Add a beret", ImageInput.FromFile(_path)).WithModel(ImageModel.GptImage1).SendAsync();

        [Benchmark]
        public async Task<int> Official()
        {
            using var file = File.OpenRead(_path);
            var result = await _official.GenerateImageEditAsync(file, "image.png", "Add a beret");
            return result.Value.ImageBytes.ToMemory().Length;
        }
    }
}
