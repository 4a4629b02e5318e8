using CreateImageSdk.Generator.Model;

namespace CreateImageSdk.Generator.Overlays
{
    /// <summary>A model an overlay declares: its wire id, and the known model whose rules it starts from.</summary>
    internal sealed record OverlayModelSpec(string Id, string? RulesOf, string? Description);

    /// <summary>
    /// What an overlay says, apart from the merged schema it makes: which operation it extends, the models it adds, the
    /// parameters it adds, and the values it adds to existing parameters (which the SDK's types do not list).
    /// </summary>
    internal sealed record OverlayInfo(
        string OverlayPath,
        string Name,
        string Extends,
        EquatableArray<OverlayModelSpec> Models,
        EquatableArray<string> AddedProperties,
        EquatableArray<AddedValues> AddedValues);

    /// <summary>Values an overlay adds to an existing parameter's value set.</summary>
    internal sealed record AddedValues(string Property, EquatableArray<string> Values);

    /// <summary>The merge of an overlay into the SDK's schemas: the request schema and the shared definitions to parse.</summary>
    internal sealed record OverlayMerge(OverlayInfo? Info, string? RequestJson, EquatableArray<SharedDefinitions> Shared, EquatableArray<Diagnostics.DiagnosticInfo> Diagnostics);
}

namespace CreateImageSdk.Generator.Overlays
{
    /// <summary>One of the SDK's schemas as the package ships it (an additional file marked <c>CreateImageSdkRole=base</c>), by file name.</summary>
    internal sealed record BaseSchema(string FileName, string Text);
}
