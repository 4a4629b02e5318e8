using System.Collections.Generic;
using System.Text.Json;
using BenchmarkDotNet.Attributes;

namespace CreateImageSdk.Benchmarks
{
    /// <summary>Building, validating and serializing a full request: the work done before anything is sent.</summary>
    [MemoryDiagnoser]
    public class RequestBenchmarks
    {
        private readonly CreateImageRequest _request = new CreateImageRequest
        {
            Prompt = "A cute baby sea otter",
            Model = ImageModel.DallE3,
            Quality = ImageQuality.Hd,
            Size = ImageSize.Size1024x1792,
            Style = ImageStyle.Natural,
            ResponseFormat = ImageResponseFormat.B64Json,
            User = "user-1234",
        };

        [Benchmark]
        public IReadOnlyList<ImageRequestViolation> Validate() => _request.Validate();

        [Benchmark]
        public byte[] Serialize() => JsonSerializer.SerializeToUtf8Bytes(_request, CreateImageSdkJsonContext.Default.CreateImageRequest);
    }
}
