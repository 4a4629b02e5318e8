using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CreateImageSdk.Generator.Tests.Infrastructure
{
    /// <summary>
    /// Runs the generator as a consumer's build does: the package's schemas as additional files marked
    /// CreateImageSdkRole=base, the project's overlays, and its root namespace; then compiles the output against the SDK
    /// (the real schemas generated and compiled with the runtime's sources, as a reference).
    /// </summary>
    internal static class OverlayRunner
    {
        private static readonly Lazy<MetadataReference> SdkReference = new Lazy<MetadataReference>(() =>
        {
            var sdk = RuntimeCompilation.Compile(GeneratorRunner.Run(GeneratorRunner.RealSchemas().ToArray()));
            if (sdk.Errors.Count > 0) throw new InvalidOperationException(string.Join("\n", sdk.Errors));
            return sdk.Compilation.ToMetadataReference();
        });

        public static IEnumerable<AdditionalText> PackageSchemas() =>
            Directory.GetFiles(GeneratorRunner.RealSchemaDirectory, "*.schema.json").OrderBy(p => p, StringComparer.Ordinal)
                .Select(p => new InMemoryAdditionalText("/package/schemas/" + Path.GetFileName(p), File.ReadAllText(p)));

        public static AdditionalText Overlay(string fileName, string json) => new InMemoryAdditionalText("/consumer/" + fileName, json);

        public static GeneratorDriverRunResult Run(string rootNamespace, params AdditionalText[] overlays) =>
            Driver(rootNamespace, overlays).RunGenerators(GeneratorRunner.Compilation("class Placeholder { }")).GetRunResult();

        public static GeneratorDriver Driver(string rootNamespace, params AdditionalText[] overlays) =>
            CSharpGeneratorDriver.Create(
                new[] { new ImageSchemaGenerator().AsSourceGenerator() },
                PackageSchemas().Concat(overlays),
                GeneratorRunner.ParseOptions,
                new Options(rootNamespace),
                new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

        /// <summary>The generated sources and <paramref name="code"/> compiled against the SDK; the errors.</summary>
        public static IReadOnlyList<Diagnostic> Compile(GeneratorDriverRunResult result, string code)
        {
            var parse = GeneratorRunner.ParseOptions.WithPreprocessorSymbols("NET", "NET8_0_OR_GREATER", "NET5_0_OR_GREATER");
            var trees = result.Results.Single().GeneratedSources.Select(s => CSharpSyntaxTree.ParseText(s.SourceText, parse, s.HintName))
                .Append(CSharpSyntaxTree.ParseText(code, parse, "Consumer.cs"));
            var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
                .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
                .Append(SdkReference.Value);
            var compilation = CSharpCompilation.Create("Consumer", trees, references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            return compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        }

        private sealed class Options : AnalyzerConfigOptionsProvider
        {
            private readonly Values _global;

            public Options(string rootNamespace) =>
                _global = new Values(new Dictionary<string, string> { ["build_property.RootNamespace"] = rootNamespace });

            public override AnalyzerConfigOptions GlobalOptions => _global;

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Values.Empty;

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
                textFile.Path.StartsWith("/package/", StringComparison.Ordinal)
                    ? new Values(new Dictionary<string, string> { [ImageSchemaGenerator.RoleMetadata] = "base" })
                    : Values.Empty;
        }

        private sealed class Values : AnalyzerConfigOptions
        {
            public static readonly Values Empty = new Values(new Dictionary<string, string>());
            private readonly Dictionary<string, string> _values;

            public Values(Dictionary<string, string> values) => _values = values;

            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
        }
    }
}
