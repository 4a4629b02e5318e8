namespace CreateImageSdk.Generator.Model
{
    /// <summary>
    /// One known value of an enum. What each operation's rules say about it (which models accept it, what a model
    /// demands) belongs to that operation's request (<see cref="ObjectSpec.Models"/>, <see cref="ObjectSpec.ValueSupport"/>),
    /// so the same value set can serve several operations.
    /// </summary>
    internal sealed record EnumMemberSpec(string WireValue, string Name, string? Description);
}
