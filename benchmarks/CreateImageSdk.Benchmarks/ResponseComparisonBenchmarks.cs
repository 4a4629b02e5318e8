using System;
using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;

namespace CreateImageSdk.Benchmarks
{
    /// <summary>
    /// Reading one generation's answer, side by side: a plain HttpClient with System.Text.Json source-gen (the
    /// baseline), base64 decoding alone (the floor), this SDK and the official OpenAI .NET library, all over the
    /// same canned body and in-memory handler. Retries are on (the defaults) for both clients.
    /// </summary>
    [MemoryDiagnoser]
    [Config(typeof(ComparisonConfig))]
    public class ResponseComparisonBenchmarks : IDecodesImages
    {
        private const string RequestJson = "{\"prompt\":\"A cute baby sea otter\",\"model\":\"gpt-image-1\"}";

        private byte[] _body = Array.Empty<byte>();
        private List<(int Start, int Length)> _base64 = new List<(int, int)>();
        private HttpClient _plain = null!;
        private ImageClient _ours = null!;
        private OpenAI.Images.ImageClient _official = null!;
        private int _images;

        [Params("4 x 1.5 MB", "1 x 8 MB", "1 x 50 KB")]
        public string Case { get; set; } = "4 x 1.5 MB";

        public long DecodedBytes(string @case)
        {
            var (images, bytes) = Bodies.Shape(@case);
            return (long)images * bytes;
        }

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
        }

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

        [Benchmark]
        public async Task<int> Official()
        {
            var result = await _official.GenerateImagesAsync("A cute baby sea otter", _images);
            var total = 0;
            foreach (var image in result.Value) total += image.ImageBytes.ToMemory().Length;
            return total;
        }
    }
}
