namespace CreateImageSdk.Generator.Model
{
    internal enum LiteralKind
    {
        Null,
        String,
        Number,
        Boolean,
    }
}
