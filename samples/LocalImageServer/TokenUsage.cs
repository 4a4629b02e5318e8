using System;
using System.Text.Json;

namespace CreateImageSdk.LocalServer;

/// <summary>
/// Deterministic, plausible token counts for a GPT image response. Output tokens follow the image
/// generation guide's table (medium 1024x1024 = 1056 per image, as the recordings show); other sizes
/// scale the square figure by pixel count. An edit's input images count as image input tokens.
/// </summary>
internal sealed record TokenUsage(int TextTokens, int ImageInputTokens, int ImageOutputTokens)
{
    // Not the service's formula (it depends on the input's size and input_fidelity): a fixed figure per input
    // image, the vision cost of a 1024x1024 image at high detail (85 + 4 x 170), so clients see each input counted.
    private const int TokensPerInputImage = 765;

    public int InputTokens => TextTokens + ImageInputTokens;

    public int TotalTokens => InputTokens + ImageOutputTokens;

    public static TokenUsage Estimate(ImageGenerationRequest request, int images) =>
        new((request.Prompt.Length + 3) / 4, request.InputImages * TokensPerInputImage, images * TokensPerImage(request));

    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject("usage");
        writer.WriteNumber("input_tokens", InputTokens);
        writer.WriteStartObject("input_tokens_details");
        writer.WriteNumber("image_tokens", ImageInputTokens);
        writer.WriteNumber("text_tokens", TextTokens);
        writer.WriteEndObject();
        writer.WriteNumber("output_tokens", ImageOutputTokens);
        writer.WriteStartObject("output_tokens_details");
        writer.WriteNumber("image_tokens", ImageOutputTokens);
        writer.WriteNumber("text_tokens", 0);
        writer.WriteEndObject();
        writer.WriteNumber("total_tokens", TotalTokens);
        writer.WriteEndObject();
    }

    private static int TokensPerImage(ImageGenerationRequest request)
    {
        (int square, int portrait, int landscape) = request.Quality switch
        {
            "low" => (272, 408, 400),
            "medium" => (1056, 1584, 1568),
            _ => (4160, 6240, 6208),
        };
        return request.Size switch
        {
            "1024x1024" => square,
            "1024x1536" => portrait,
            "1536x1024" => landscape,
            _ => (int)Math.Round(square * ((double)request.Width * request.Height / (1024 * 1024))),
        };
    }
}
