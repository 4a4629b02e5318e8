namespace CreateImageSdk.Generator.Model
{
    /// <summary>
    /// A <c>pattern</c> a string must match (a .NET regular expression), and what it means in words
    /// (<c>x-pattern-description</c>, e.g. "must contain a character that is not whitespace") for messages.
    /// </summary>
    internal sealed record PatternSpec(string Regex, string? Description);
}
