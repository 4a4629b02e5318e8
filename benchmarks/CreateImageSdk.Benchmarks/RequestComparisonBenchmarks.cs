using System;
using System.ClientModel.Primitives;
using System.Text.Json;
using BenchmarkDotNet.Attributes;

namespace CreateImageSdk.Benchmarks
{
    /// <summary>
    /// The work before anything is sent, for the same dall-e-3 request: ours builds it with the fluent builder,
    /// validates it and writes its JSON; the official library builds its options and writes them.
    /// </summary>
    [MemoryDiagnoser]
    public class RequestComparisonBenchmarks
    {
        private readonly ImageClient _client = new ImageClient(new ImageClientOptions { ApiKey = "sk-benchmark", BaseUri = new Uri("http://127.0.0.1/v1/") });

        [Benchmark]
        public byte[] Ours()
        {
            var request = _client.CreateImage("A cute baby sea otter")
                .WithModel(ImageModel.DallE3)
                .WithQuality(ImageQuality.Hd)
                .WithSize(ImageSize.Size1024x1792)
                .WithStyle(ImageStyle.Natural)
                .WithResponseFormat(ImageResponseFormat.B64Json)
                .WithUser("user-1234")
                .Request;
            if (request.Validate().Count != 0) throw new InvalidOperationException("invalid");
            return JsonSerializer.SerializeToUtf8Bytes(request, CreateImageSdkJsonContext.Default.CreateImageRequest);
        }

        [Benchmark(Baseline = true)]
        public BinaryData Official()
        {
            var options = new OpenAI.Images.ImageGenerationOptions
            {
                Quality = OpenAI.Images.GeneratedImageQuality.High,
                Size = OpenAI.Images.GeneratedImageSize.W1024xH1792,
                Style = OpenAI.Images.GeneratedImageStyle.Natural,
                ResponseFormat = OpenAI.Images.GeneratedImageFormat.Bytes,
                EndUserId = "user-1234",
            };
            return ModelReaderWriter.Write(options);
        }
    }
}
