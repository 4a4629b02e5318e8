using System;
using System.Collections.Generic;
using System.Linq;

namespace CreateImageSdk.LocalServer;

/// <summary>
/// What one model accepts as the input of <c>POST /v1/images/edits</c>, from the descriptions of the spec's
/// CreateImageEditRequest and InputFidelity; the output side (prompt length, n, size, quality) follows the
/// model's <see cref="ModelRules"/>. Like those, an independent reading kept apart from the SDK's own rules.
/// </summary>
/// <param name="Model">The model's output rules.</param>
/// <param name="MaxInputImages">How many images one edit takes.</param>
/// <param name="InputFormats">The input image formats, as read from the files' bytes.</param>
/// <param name="MaxInputBytes">Each input image must be smaller than this.</param>
/// <param name="SquareInputOnly">Whether the input image must be square (dall-e-2).</param>
/// <param name="SupportsInputFidelity">Whether <c>input_fidelity</c> may be sent.</param>
internal sealed record EditRules(
    ModelRules Model,
    int MaxInputImages,
    IReadOnlyList<string> InputFormats,
    long MaxInputBytes,
    bool SquareInputOnly,
    bool SupportsInputFidelity)
{
    /// <summary>The spec's default for edits, unlike generations (dall-e-2).</summary>
    public const string DefaultModel = "gpt-image-1.5";

    // The spec's "less than 4MB" and "less than 50MB" are read as MiB, the larger reading, so that the server
    // refuses only what the service surely refuses.
    public const long MaxMaskBytes = 4L * 1024 * 1024;

    public static readonly IReadOnlyList<string> MaskFormats = ["png"];

    private const long MaxGptInputBytes = 50L * 1024 * 1024;
    private const long MaxDallE2InputBytes = 4L * 1024 * 1024;
    private static readonly string[] GptFormats = ["png", "webp", "jpeg"];

    // dall-e-3 has no edits. chatgpt-image-latest, which the spec lists for edits only, "follows the same input
    // constraints as GPT image models"; its sizes are the standard GPT ones, and input_fidelity is for "gpt-image-1.5
    // and later models".
    private static readonly EditRules[] All =
    [
        new(ModelRules.Find("dall-e-2")!, 1, ["png"], MaxDallE2InputBytes, SquareInputOnly: true, SupportsInputFidelity: false),
        Gpt("gpt-image-1", inputFidelity: true),
        Gpt("gpt-image-1-mini", inputFidelity: false),
        Gpt("gpt-image-1.5", inputFidelity: true),
        Gpt("gpt-image-2", inputFidelity: true),
        Gpt("gpt-image-2-2026-04-21", inputFidelity: true),
        Gpt("chatgpt-image-latest", inputFidelity: true),
    ];

    public static IEnumerable<string> Names => All.Select(rules => rules.Name);

    public string Name => Model.Name;

    /// <summary>JSON bodies reference their images; the spec takes them for the GPT image models only (dall-e-2 edits are multipart).</summary>
    public bool AcceptsJson => Model.IsGptImage;

    /// <summary>Model names compare exactly, as the service does; a dated snapshot of a listed model follows its rules (see <see cref="ModelRules.Find(string)"/>).</summary>
    public static EditRules? Find(string name) =>
        Array.Find(All, rules => rules.Name == name) ??
        (ModelRules.Snapshot.Match(name) is { Success: true } dated && Array.Find(All, rules => rules.Name == dated.Groups["model"].Value) is { } found
            ? found with { Model = ModelRules.Find(name)! }
            : null);

    /// <summary><see cref="Find(string)"/>, then the models the server was told to serve (with their base's input rules).</summary>
    public static EditRules? Find(string name, IReadOnlyList<AdditionalModel> additional) =>
        Find(name) ??
        (additional.FirstOrDefault(m => m.Name == name) is { } extra && Find(extra.RulesOf) is { } rules && ModelRules.Find(name, additional) is { } model
            ? rules with { Model = model }
            : null);

    private static EditRules Gpt(string name, bool inputFidelity) =>
        new(ModelRules.Find(name)!, 16, GptFormats, MaxGptInputBytes, SquareInputOnly: false, inputFidelity);
}
