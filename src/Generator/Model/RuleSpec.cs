namespace CreateImageSdk.Generator.Model
{
    /// <summary>An <c>allOf</c> entry of the form <c>if</c>/<c>then</c>: when every condition holds, every constraint applies.</summary>
    internal sealed record RuleSpec(EquatableArray<ConditionSpec> Conditions, EquatableArray<ConstraintSpec> Constraints);
}
