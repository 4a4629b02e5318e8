namespace CreateImageSdk.Generator.Model
{
    /// <summary>A generated object type: a request (with rules and an operation) or a response part.</summary>
    /// <param name="Name">The C# type name.</param>
    /// <param name="Description">The schema's description.</param>
    /// <param name="Properties">The properties in schema order.</param>
    /// <param name="Rules">The <c>if</c>/<c>then</c> rules, as written.</param>
    /// <param name="Operation">The HTTP operation when this is a request.</param>
    /// <param name="Discriminator">The wire name of the property that selects the per-model rules (<c>x-model-property</c>).</param>
    internal sealed record ObjectSpec(
        string Name,
        string? Description,
        EquatableArray<PropertySpec> Properties,
        EquatableArray<RuleSpec> Rules,
        OperationSpec? Operation,
        string? Discriminator = null)
    {
        /// <summary>Per model (in the value set's order), what this request's rules demand: empty without a discriminator.</summary>
        public EquatableArray<ModelRulesSpec> Models { get; init; } = EquatableArray<ModelRulesSpec>.Empty;

        /// <summary>Which models accept each restricted enum value of this request.</summary>
        public EquatableArray<ValueSupportSpec> ValueSupport { get; init; } = EquatableArray<ValueSupportSpec>.Empty;
    }
}
