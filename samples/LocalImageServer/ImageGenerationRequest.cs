namespace CreateImageSdk.LocalServer;

/// <summary>A generations request that passed validation, with every default already applied.</summary>
internal sealed record ImageGenerationRequest(
    ModelRules Model,
    string Prompt,
    int N,
    int Width,
    int Height,
    string Quality,
    string ResponseFormat,
    string? Style,
    string Background,
    string OutputFormat,
    int? OutputCompression,
    bool Stream,
    int PartialImages)
{
    public string Size => $"{Width}x{Height}";

    public bool Transparent => Background == "transparent";
}
