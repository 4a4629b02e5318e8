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
    IReadOnlyList<string> Styles,
    bool EditsOnly = false)
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
        // The spec lists it for edits only ("follows the same input constraints as GPT image models").
        Gpt("chatgpt-image-latest", customSizes: false) with { EditsOnly = true },
    ];

    /// <summary>The models that generate (an edits-only model is not one).</summary>
    public static IEnumerable<string> Names => All.Where(rules => !rules.EditsOnly).Select(rules => rules.Name);

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

    /// <summary>
    /// <see cref="Find(string)"/>, then the models the server was told to serve: a known model's rules under the new
    /// name, with the extra values added.
    /// </summary>
    public static ModelRules? Find(string name, IReadOnlyList<AdditionalModel> additional) =>
        Find(name) ??
        (additional.FirstOrDefault(m => m.Name == name) is { } extra && Find(extra.RulesOf) is { } rules
            ? rules with { Name = name, Qualities = [.. rules.Qualities, .. extra.Qualities], Sizes = [.. rules.Sizes, .. extra.Sizes] }
            : null);

    /// <summary>A model name with a release date at its end.</summary>
    internal static readonly System.Text.RegularExpressions.Regex Snapshot =
        new(@"^(?<model>.+)-(?<date>\d{4}-\d{2}-\d{2})$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private static ModelRules Gpt(string name, bool customSizes) =>
        new(name, true, 32000, 10, GptSizes, "auto", customSizes, GptQualities, "auto", []);
}
