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
