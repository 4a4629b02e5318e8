using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace CreateImageSdk.LocalServer;

/// <summary>
/// The parameters each endpoint knows, read from the request schemas in <c>schemas/</c> (embedded at build time), so a
/// parameter added there is accepted here with no hand edit, as the SDK's generated parameter tables follow them too.
/// Only the names come from there: the server still does not reference the SDK, and its rules (<see cref="ModelRules"/>,
/// <see cref="EditRules"/>) stay a second, independent reading of the spec.
/// </summary>
internal static class SchemaParameters
{
    /// <summary>POST /v1/images/generations.</summary>
    public static readonly HashSet<string> Generations = Read("create-image-request.schema.json");

    /// <summary>POST /v1/images/edits as multipart/form-data (the uploads, image and mask, included).</summary>
    public static readonly HashSet<string> MultipartEdits = Read("edit-image-request.schema.json");

    /// <summary>POST /v1/images/edits as JSON (images by reference).</summary>
    public static readonly HashSet<string> JsonEdits = Read("edit-image-with-references-request.schema.json");

    /// <summary>The known parameters, plus those the server was told to accept (an overlay's).</summary>
    public static IReadOnlySet<string> With(HashSet<string> known, IReadOnlyList<string> additional) =>
        additional.Count == 0 ? known : known.Concat(additional).ToHashSet(StringComparer.Ordinal);

    private static HashSet<string> Read(string file)
    {
        var assembly = typeof(SchemaParameters).Assembly;
        var name = assembly.GetManifestResourceNames().SingleOrDefault(n => n.EndsWith("." + file, StringComparison.Ordinal))
            ?? throw new InvalidOperationException("The schema " + file + " is not embedded in the local server.");
        using Stream stream = assembly.GetManifestResourceStream(name)!;
        using JsonDocument document = JsonDocument.Parse(stream);
        return document.RootElement.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
    }
}
