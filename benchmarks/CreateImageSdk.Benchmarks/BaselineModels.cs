using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace CreateImageSdk.Benchmarks
{
    /// <summary>What a hand-written client would declare: POCOs read by the System.Text.Json source generator (byte[] = base64).</summary>
    public sealed class BaselineResponse
    {
        [JsonPropertyName("created")]
        public long Created { get; set; }

        [JsonPropertyName("data")]
        public List<BaselineImage> Data { get; set; } = new List<BaselineImage>();
    }

    public sealed class BaselineImage
    {
        [JsonPropertyName("b64_json")]
        public byte[]? Bytes { get; set; }

        [JsonPropertyName("revised_prompt")]
        public string? RevisedPrompt { get; set; }
    }

    public sealed class BaselineEvent
    {
        [JsonPropertyName("type")]
        public string? Type { get; set; }

        [JsonPropertyName("b64_json")]
        public byte[]? Bytes { get; set; }
    }

    [JsonSerializable(typeof(BaselineResponse))]
    [JsonSerializable(typeof(BaselineEvent))]
    internal sealed partial class BaselineJsonContext : JsonSerializerContext
    {
    }
}
