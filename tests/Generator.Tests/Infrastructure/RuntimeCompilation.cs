using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CreateImageSdk.Generator.Tests.Infrastructure
{
    /// <summary>
    /// Compiles generated code together with the SDK's hand-written sources (src/Sdk), the way the real build does,
    /// so a schema that generates code which does not compile fails here rather than in a user's build.
    /// </summary>
    internal static class RuntimeCompilation
    {
        private static readonly CSharpParseOptions Options = GeneratorRunner.ParseOptions.WithPreprocessorSymbols("NET", "NET8_0_OR_GREATER");

        public static (CSharpCompilation Compilation, IReadOnlyList<Diagnostic> Errors) Compile(GeneratorDriverRunResult result)
        {
            var runtime = Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "src", "Sdk"), "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal) &&
                            !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), Options, f));
            var generated = result.Results.Single().GeneratedSources.Select(s => CSharpSyntaxTree.ParseText(s.SourceText, Options, s.HintName));
            var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
                .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p).StartsWith("Microsoft.Win32.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
                .Select(p => MetadataReference.CreateFromFile(p));
            var compilation = CSharpCompilation.Create(
                "GeneratedWithRuntime",
                runtime.Concat(generated),
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            return (compilation, errors);
        }

        public static Assembly Load(CSharpCompilation compilation)
        {
            using var stream = new MemoryStream();
            var emit = compilation.Emit(stream);
            if (!emit.Success) throw new InvalidOperationException(string.Join("\n", emit.Diagnostics));
            return Assembly.Load(stream.ToArray());
        }
    }
}
