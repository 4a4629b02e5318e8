using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace CreateImageSdk.LocalServer;

/// <summary>
/// What an overlay (<c>*.overlay.json</c>, read by the SDK's generator in a consumer's build) declares, as far as the
/// server needs to serve it offline: each model with the known model it borrows rules from (gpt-image-2 when it names
/// none) and the values the overlay adds to quality and size, and the parameters it adds.
/// </summary>
public sealed record OverlayDeclarations(IReadOnlyList<AdditionalModel> Models, IReadOnlyList<string> Parameters)
{
    /// <summary>Reads an overlay file.</summary>
    /// <param name="path">The overlay's path.</param>
    /// <returns>What it declares.</returns>
    /// <exception cref="InvalidDataException">The file is not an overlay (not a JSON object).</exception>
    public static OverlayDeclarations Read(string path)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
        JsonElement root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object) throw new InvalidDataException(path + " is not an overlay: it is not a JSON object.");
        string[] Values(string parameter) =>
            root.TryGetProperty("values", out JsonElement values) && values.TryGetProperty(parameter, out JsonElement list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToArray()
                : [];
        var models = new List<AdditionalModel>();
        if (root.TryGetProperty("models", out JsonElement declared) && declared.ValueKind == JsonValueKind.Object)
        {
            foreach (JsonProperty model in declared.EnumerateObject())
            {
                string rulesOf = model.Value.ValueKind == JsonValueKind.Object && model.Value.TryGetProperty("rulesOf", out JsonElement r) && r.GetString() is { } known ? known : "gpt-image-2";
                models.Add(new AdditionalModel(model.Name, rulesOf) { Qualities = Values("quality"), Sizes = Values("size") });
            }
        }

        var parameters = root.TryGetProperty("properties", out JsonElement properties) && properties.ValueKind == JsonValueKind.Object
            ? properties.EnumerateObject().Select(p => p.Name).ToList()
            : new List<string>();
        return new OverlayDeclarations(models, parameters);
    }
}
