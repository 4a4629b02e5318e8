using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CreateImageSdk.Generator.Tests.Infrastructure
{
    /// <summary>Runs <see cref="ImageSchemaGenerator"/> over in-memory schemas, as the compiler would.</summary>
    internal static class GeneratorRunner
    {
        public static string RealSchemaDirectory => Path.Combine(AppContext.BaseDirectory, "RealSchemas");

        public static IEnumerable<AdditionalText> RealSchemas() =>
            Directory.GetFiles(RealSchemaDirectory, "*.schema.json").OrderBy(p => p, StringComparer.Ordinal)
                .Select(p => new InMemoryAdditionalText("/repo/schemas/" + Path.GetFileName(p), File.ReadAllText(p)));

        public static AdditionalText TestSchema(string fileName) =>
            new InMemoryAdditionalText("/repo/schemas/" + fileName, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schemas", fileName)));

        public static AdditionalText Schema(string fileName, string json) => new InMemoryAdditionalText("/repo/schemas/" + fileName, json);

        /// <summary>Doc comments are parsed and checked, so malformed XML in generated docs is a diagnostic.</summary>
        public static readonly CSharpParseOptions ParseOptions = new CSharpParseOptions(LanguageVersion.CSharp12, DocumentationMode.Diagnose);

        public static CSharpCompilation Compilation(params string[] sources) =>
            CSharpCompilation.Create(
                "Tests",
                sources.Select(s => CSharpSyntaxTree.ParseText(s, ParseOptions)),
                new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) },
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> schemas) =>
            CSharpGeneratorDriver.Create(
                new[] { new ImageSchemaGenerator().AsSourceGenerator() },
                schemas,
                ParseOptions,
                driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

        public static GeneratorDriverRunResult Run(params AdditionalText[] schemas) =>
            CreateDriver(schemas).RunGenerators(Compilation("class Placeholder { }")).GetRunResult();

        public static string Source(GeneratorDriverRunResult result, string hintName) =>
            result.Results.Single().GeneratedSources.Single(s => s.HintName == hintName).SourceText.ToString();
    }
}
