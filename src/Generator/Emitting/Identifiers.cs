namespace CreateImageSdk.Generator.Emitting
{
    internal static class Identifiers
    {
        /// <summary>A local name that can never be a C# keyword: <c>Prompt</c> → <c>promptValue</c>.</summary>
        public static string Local(string propertyName) => Camel(propertyName) + "Value";

        /// <summary><c>OutputFormat</c> → <c>outputFormat</c>.</summary>
        public static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name.Substring(1);

        /// <summary>A camelCase parameter name; keywords are escaped.</summary>
        public static string Parameter(string propertyName)
        {
            var name = Camel(propertyName);
            return Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(name) == Microsoft.CodeAnalysis.CSharp.SyntaxKind.None ? name : "@" + name;
        }

        public static string Literal(string value) => Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(value, quote: true);
    }
}
