using System;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;

namespace CreateImageSdk.Benchmarks
{
    /// <summary>
    /// Reading a response with four base64 images of <see cref="ImageBytes"/> each. The figure that matters is
    /// Allocated compared with 4 × ImageBytes (the decoded images the caller asked for).
    /// </summary>
    [MemoryDiagnoser]
    public class ResponseReadingBenchmarks
    {
        private byte[] _body = Array.Empty<byte>();
        private ImageClient _client = null!;

        [Params(1_000_000)]
        public int ImageBytes { get; set; }

        [GlobalSetup]
        public void Setup()
        {
            var random = new Random(42);
            var json = new StringBuilder("{\"created\":1758142977,\"data\":[");
            for (var i = 0; i < 4; i++)
            {
                var image = new byte[ImageBytes];
                random.NextBytes(image);
                json.Append(i == 0 ? string.Empty : ",").Append("{\"b64_json\":\"").Append(Convert.ToBase64String(image)).Append("\",\"revised_prompt\":\"otter\"}");
            }

            _body = Encoding.UTF8.GetBytes(json.Append("]}").ToString());
            _client = new ImageClient(new ImageClientOptions
            {
                ApiKey = "benchmark",
                BaseUri = new Uri("http://127.0.0.1/v1/"),
                HttpClient = new HttpClient(new CannedResponseHandler(_body)),
            });
        }

        /// <summary>The serializer path alone: UTF-8 stream → typed response with decoded bytes.</summary>
        [Benchmark(Baseline = true)]
        public async Task<ImagesResponse> DeserializeFromStream()
        {
            using var stream = new MemoryStream(_body, writable: false);
            return (await JsonSerializer.DeserializeAsync(stream, CreateImageSdkJsonContext.Default.ImagesResponse))!;
        }

        /// <summary>The whole client call: validation, request JSON, HttpClient, response reading.</summary>
        [Benchmark]
        public Task<ImagesResponse> ClientSendAsync() =>
            _client.CreateImage("otter").WithResponseFormat(ImageResponseFormat.B64Json).WithCount(4).SendAsync();
    }
}
