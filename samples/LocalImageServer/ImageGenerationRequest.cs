namespace CreateImageSdk.LocalServer;

/// <summary>
/// A generations or edits request that passed validation, with every default already applied: everything
/// the answer is made from. An edit adds its inputs through <see cref="Seed"/> and <see cref="InputImages"/>.
/// </summary>
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

    /// <summary>What the placeholder images are derived from: the prompt, and for an edit also a hash of its inputs.</summary>
    public string Seed { get; init; } = Prompt;

    /// <summary>How many input images an edit carried (0 for generations); they count as image input tokens.</summary>
    public int InputImages { get; init; }
}
