using System;
using System.Collections.Generic;
using System.Linq;

namespace CreateImageSdk.LocalServer;

/// <summary>
/// What one model accepts, from the parameter descriptions of the OpenAI spec. Kept apart from the
/// SDK's own rules on purpose: a second, independent reading is what makes the tests meaningful.
/// </summary>
internal sealed record ModelRules(
    string Name,
    bool IsGptImage,
    int MaxPromptLength,
    int MaxImages,
    IReadOnlyList<string> Sizes,
    string DefaultSize,
    bool AllowsCustomSize,
    IReadOnlyList<string> Qualities,
    string DefaultQuality,
    IReadOnlyList<string> Styles)
{
    public const string DefaultModel = "dall-e-2";

    private static readonly string[] GptSizes = ["auto", "1024x1024", "1536x1024", "1024x1536"];
    private static readonly string[] GptQualities = ["auto", "low", "medium", "high"];

    private static readonly ModelRules[] All =
    [
        new("dall-e-2", false, 1000, 10, ["256x256", "512x512", "1024x1024"], "1024x1024", false, ["standard"], "standard", []),
        new("dall-e-3", false, 4000, 1, ["1024x1024", "1792x1024", "1024x1792"], "1024x1024", false, ["standard", "hd"], "standard", ["vivid", "natural"]),
        Gpt("gpt-image-1", customSizes: false),
        Gpt("gpt-image-1-mini", customSizes: false),
        Gpt("gpt-image-1.5", customSizes: false),
        Gpt("gpt-image-2", customSizes: true),
        Gpt("gpt-image-2-2026-04-21", customSizes: true),
    ];

    public static IEnumerable<string> Names => All.Select(rules => rules.Name);

    /// <summary>
    /// Model names compare exactly, as the service does; a dated snapshot (<c>gpt-image-1.5-2026-01-01</c>) of a listed
    /// model follows that model's rules, as the service's snapshots do. So a new snapshot added to the schema is served
    /// without an edit here, while a new model family still needs its rules written down (the drift test says so).
    /// </summary>
    public static ModelRules? Find(string name) =>
        Array.Find(All, rules => rules.Name == name) ??
        (Snapshot.Match(name) is { Success: true } dated && Array.Find(All, rules => rules.Name == dated.Groups["model"].Value) is { } found
            ? found with { Name = name }
            : null);

    /// <summary>A model name with a release date at its end.</summary>
    internal static readonly System.Text.RegularExpressions.Regex Snapshot =
        new(@"^(?<model>.+)-(?<date>\d{4}-\d{2}-\d{2})$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private static ModelRules Gpt(string name, bool customSizes) =>
        new(name, true, 32000, 10, GptSizes, "auto", customSizes, GptQualities, "auto", []);
}
