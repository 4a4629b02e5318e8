namespace CreateImageSdk.Generator.Binding
{
    /// <summary>One printed file, or why it could not be printed.</summary>
    internal sealed record EmittedSource(string HintName, string Text, string? Error);
}
