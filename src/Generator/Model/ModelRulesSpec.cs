namespace CreateImageSdk.Generator.Model
{
    /// <summary>
    /// What one operation's rules demand when one model is chosen: one merged constraint per property. A model whose
    /// rules forbid the model property itself is not accepted by the operation (<see cref="Accepted"/> is false): it
    /// gets no model-specific builder and its requests are refused before sending.
    /// </summary>
    /// <param name="WireValue">The model's wire value, such as <c>dall-e-3</c>.</param>
    /// <param name="MemberName">The model's member on the value set, such as <c>DallE3</c>.</param>
    /// <param name="Description">The model's description from the value set.</param>
    /// <param name="Constraints">The merged constraints, ordered by property wire name.</param>
    /// <param name="Accepted">False when the operation refuses the model altogether.</param>
    internal sealed record ModelRulesSpec(string WireValue, string MemberName, string? Description, EquatableArray<ConstraintSpec> Constraints, bool Accepted);
}
