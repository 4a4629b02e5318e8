using System.IO;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace CreateImageSdk.Analyzers.Tests
{
    /// <summary>Runs the analyzer and its fixes over user code that references the real SDK assembly.</summary>
    internal static class ModelRulesVerifier
    {
        // Already in the local package cache, so the tests download nothing.
        private static readonly ReferenceAssemblies Net80 = new ReferenceAssemblies(
            "net8.0", new PackageIdentity("Microsoft.NETCore.App.Ref", "8.0.31"), Path.Combine("ref", "net8.0"));

        private static readonly MetadataReference Sdk = MetadataReference.CreateFromFile(typeof(ImageClient).Assembly.Location);

        /// <summary>Wraps statements in a method that has an <c>ImageClient client</c> to call.</summary>
        public static string Program(string statements) =>
            "using System.Threading.Tasks;\n" +
            "using CreateImageSdk;\n" +
            "\n" +
            "internal static class Program\n" +
            "{\n" +
            "    internal static async Task Run(ImageClient client)\n" +
            "    {\n" +
            statements +
            "    }\n" +
            "}\n";

        public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => new DiagnosticResult(descriptor);

        public static Task VerifyAsync(string source, params DiagnosticResult[] expected)
        {
            var test = new CSharpAnalyzerTest<ModelRulesAnalyzer, DefaultVerifier> { TestCode = source, ReferenceAssemblies = Net80 };
            test.TestState.AdditionalReferences.Add(Sdk);
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync();
        }

        /// <summary>Runs an analyzer over code that does not reference the SDK.</summary>
        public static Task VerifyWithoutSdkAsync(string source)
        {
            var test = new CSharpAnalyzerTest<ModelRulesAnalyzer, DefaultVerifier> { TestCode = source, ReferenceAssemblies = Net80 };
            return test.RunAsync();
        }

        /// <summary>Applies the fix with <paramref name="equivalenceKey"/> (one at a time, and through Fix All) and compares.</summary>
        public static Task VerifyFixAsync<TCodeFix>(string source, string fixedSource, string equivalenceKey, string? expectedTitle = null)
            where TCodeFix : CodeFixProvider, new()
        {
            var test = new CSharpCodeFixTest<ModelRulesAnalyzer, TCodeFix, DefaultVerifier>
            {
                TestCode = source,
                FixedCode = fixedSource,
                ReferenceAssemblies = Net80,
                CodeActionEquivalenceKey = equivalenceKey,
            };
            if (expectedTitle != null)
            {
                test.CodeActionVerifier = (action, verifier) => verifier.Equal(expectedTitle, action.Title);
            }

            test.TestState.AdditionalReferences.Add(Sdk);
            return test.RunAsync();
        }
    }
}
