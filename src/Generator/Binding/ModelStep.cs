using CreateImageSdk.Generator.Model;

namespace CreateImageSdk.Generator.Binding
{
    /// <summary>
    /// One <c>With…</c> step of a model's builder, decided by the bind stage: the property it sets, the model's own value
    /// type when the model takes only some of the general type's values (with the values it takes), and the range that
    /// results from the property's own bounds merged with the model's.
    /// </summary>
    /// <param name="Property">The property's wire name.</param>
    /// <param name="ValueType">The model's value type (<c>DallE2EditSize</c>), or null to take the general type.</param>
    /// <param name="General">The general value set the model's value type narrows.</param>
    /// <param name="Allowed">What the model accepts of it (values, and free sizes).</param>
    /// <param name="Minimum">The merged lower bound of an integer.</param>
    /// <param name="Maximum">The merged upper bound of an integer.</param>
    internal sealed record ModelStep(string Property, string? ValueType, EnumSpec? General, ConstraintSpec? Allowed, long? Minimum, long? Maximum);
}
