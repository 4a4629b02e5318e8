namespace CreateImageSdk.Generator.Emitting
{
    internal static class Identifiers
    {
        /// <summary>A local name that can never be a C# keyword: <c>Prompt</c> → <c>promptValue</c>.</summary>
        public static string Local(string propertyName) => char.ToLowerInvariant(propertyName[0]) + propertyName.Substring(1) + "Value";

        /// <summary>A camelCase parameter name; keywords are escaped.</summary>
        public static string Parameter(string propertyName)
        {
            var name = char.ToLowerInvariant(propertyName[0]) + propertyName.Substring(1);
            return Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(name) == Microsoft.CodeAnalysis.CSharp.SyntaxKind.None ? name : "@" + name;
        }

        public static string Literal(string value) => Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(value, quote: true);
    }
}
