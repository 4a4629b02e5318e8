using System.Collections.Generic;

namespace CreateImageSdk.LocalServer;

/// <summary>
/// A model the server serves beyond the ones it knows, with the rules of a known model and, optionally, more values
/// than that model takes: so an SDK feature for a model announced before any spec (a borrowed-rules model, a value
/// such as <c>quality: "xhigh"</c>) can be tried offline. Given at start-up (<see cref="LocalImageServerOptions.AdditionalModels"/>).
/// </summary>
/// <param name="Name">The model id the server accepts, exactly.</param>
/// <param name="RulesOf">A model the server knows whose rules the new one follows (for generations and edits alike).</param>
public sealed record AdditionalModel(string Name, string RulesOf)
{
    /// <summary>Qualities accepted beside the known model's.</summary>
    public IReadOnlyList<string> Qualities { get; init; } = [];

    /// <summary>Sizes accepted beside the known model's.</summary>
    public IReadOnlyList<string> Sizes { get; init; } = [];
}
