namespace CreateImageSdk.Generator.Model
{
    /// <summary>A JSON scalar from the schema (an enum or const value); <see cref="Text"/> is the wire text without quotes.</summary>
    internal sealed record LiteralSpec(LiteralKind Kind, string? Text)
    {
        public static readonly LiteralSpec Null = new LiteralSpec(LiteralKind.Null, null);

        public override string ToString() => Text ?? "null";
    }
}
