using System;
using System.Linq;
using System.Collections.Generic;

namespace CreateImageSdk.LocalServer;

/// <summary>Settings for a <see cref="LocalImageServer"/>.</summary>
public sealed class LocalImageServerOptions
{
    /// <summary>The loopback port to listen on; 0 (the default) lets the operating system pick a free one.</summary>
    public int Port { get; init; }

    /// <summary>
    /// The bearer token the server accepts in the <c>Authorization</c> header.
    /// <see langword="null"/> accepts every request, with or without an <c>Authorization</c> header.
    /// </summary>
    public string? ApiKey { get; init; } = LocalImageServer.DefaultApiKey;

    /// <summary>
    /// An artificial delay before each generations or edits request is answered, for cancellation and timeout tests.
    /// The delay ends early when the client disconnects or the server is disposed.
    /// </summary>
    public TimeSpan ResponseDelay { get; init; }

    /// <summary>
    /// An images-per-window limit on the live image endpoints (as the service's images-per-minute limit), with the
    /// <c>x-ratelimit-*</c> headers on every answer and 429 <c>rate_limit_exceeded</c> past it; null (the default) for none.
    /// </summary>
    public int? ImagesPerMinute { get; init; }

    /// <summary>The window <see cref="ImagesPerMinute"/> counts over: a minute by default, shorter to run a test in seconds.</summary>
    public TimeSpan RateLimitWindow { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How long each step of a batch takes (validating, finalizing); 200 ms by default, so tests finish in seconds.</summary>
    public TimeSpan BatchStepDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How long each request of a batch takes besides its own work; none by default.</summary>
    public TimeSpan BatchLineDelay { get; init; }

    /// <summary>How long a batch may run before it expires (its "24h" window); 24 hours by default.</summary>
    public TimeSpan BatchCompletionWindow { get; init; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Models served beside the known ones, each with a known model's rules and any extra values (none by default: an
    /// unknown model is <c>model_not_found</c>, as on the service).
    /// </summary>
    public IReadOnlyList<AdditionalModel> AdditionalModels { get; init; } = [];

    /// <summary>
    /// Parameters accepted beside the schemas' (any value), such as those an overlay declares; none by default: an
    /// unknown parameter is "Unrecognized request argument", as on the service.
    /// </summary>
    public IReadOnlyList<string> AdditionalParameters { get; init; } = [];

    /// <summary>
    /// Options that serve what the given overlays (<c>*.overlay.json</c>) declare: their models, each with the rules of the
    /// model it borrows from and the overlay's added values (qualities and sizes), and their parameters.
    /// </summary>
    /// <param name="overlayPaths">The overlay files.</param>
    /// <returns>The options; set the rest with <c>with</c>-style initializers on a copy.</returns>
    public static LocalImageServerOptions ForOverlays(params string[] overlayPaths)
    {
        var declarations = overlayPaths.Select(OverlayDeclarations.Read).ToList();
        return new LocalImageServerOptions
        {
            AdditionalModels = declarations.SelectMany(d => d.Models).ToList(),
            AdditionalParameters = declarations.SelectMany(d => d.Parameters).Distinct(StringComparer.Ordinal).ToList(),
        };
    }
}
