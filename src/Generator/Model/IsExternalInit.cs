namespace System.Runtime.CompilerServices
{
    // netstandard2.0 lacks it; records with init accessors need it.
    internal static class IsExternalInit
    {
    }
}
