using System.Linq;
using CreateImageSdk.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CreateImageSdk.Generator.Tests
{
    public class SnapshotTests
    {
        [Fact]
        public void RealSchemas_GenerateTheVerifiedSources()
        {
            var result = GeneratorRunner.Run(GeneratorRunner.RealSchemas().ToArray());

            Assert.Empty(result.Diagnostics);
            var sources = result.Results.Single().GeneratedSources.OrderBy(s => s.HintName, System.StringComparer.Ordinal).ToList();
            Assert.Contains(sources, s => s.HintName == "CreateImageRequest.g.cs");
            // Every file is compared (and every .received.cs written) before the test fails.
            var failures = new System.Collections.Generic.List<string>();
            foreach (var source in sources)
            {
                try
                {
                    Snapshot.Match("Real." + source.HintName.Replace(".g.cs", string.Empty), source.SourceText.ToString());
                }
                catch (Xunit.Sdk.XunitException ex)
                {
                    failures.Add(ex.Message);
                }
            }

            Assert.True(failures.Count == 0, string.Join("\n\n", failures));
        }

        /// <summary>The focused snapshots: a test schema and one of its outputs each.</summary>
        public static readonly TheoryData<string, string> Focused = new TheoryData<string, string>
        {
            { "open-enum.schema.json", "PaintColor.g.cs" },
            { "closed-enums.schema.json", "PrintFormat.g.cs" },
            { "closed-enums.schema.json", "PaperSize.g.cs" },
            { "closed-enums.schema.json", "PrintRequest.g.cs" },
            { "docs.schema.json", "NoteRequest.g.cs" },
            { "three-models.schema.json", "RenderRequest.Validation.g.cs" },
            { "three-models.schema.json", "RenderRequestBuilder.g.cs" },
            { "three-models.schema.json", "FilmGrain.g.cs" },
            { "three-models.schema.json", "FilmRequestBuilder.g.cs" },
            { "three-models.schema.json", "FineRequestBuilder.g.cs" },
            { "three-models.schema.json", "RenderRequestBuilder.Models.g.cs" },
        };

        [Theory]
        [MemberData(nameof(Focused))]
        public void FocusedSchemas_GenerateTheVerifiedSources(string schema, string hintName)
        {
            var result = GeneratorRunner.Run(GeneratorRunner.TestSchema(schema));

            Assert.Empty(result.Diagnostics);
            Snapshot.Match("Focused." + hintName.Replace(".g.cs", string.Empty), GeneratorRunner.Source(result, hintName));
        }

        [Fact]
        public void EverySnapshotFile_IsOneATestProduces_NoOrphans()
        {
            var expected = GeneratorRunner.Run(GeneratorRunner.RealSchemas().ToArray()).Results.Single().GeneratedSources
                .Select(s => "Real." + s.HintName.Replace(".g.cs", string.Empty))
                .Concat(Focused.Select(row => "Focused." + ((string)row[1]).Replace(".g.cs", string.Empty)))
                .ToHashSet(System.StringComparer.Ordinal);
            var orphans = System.IO.Directory.GetFiles(Snapshot.Folder(), "*.verified.cs")
                .Select(f => System.IO.Path.GetFileName(f).Replace(".verified.cs", string.Empty))
                .Where(name => !expected.Contains(name))
                .ToList();

            // A snapshot no test compares any more (a renamed output, a removed schema) would only mislead a reader.
            if (Snapshot.Accepting) foreach (var orphan in orphans) System.IO.File.Delete(System.IO.Path.Combine(Snapshot.Folder(), orphan + ".verified.cs"));
            else Assert.True(orphans.Count == 0, "Snapshots no test produces (rerun with ACCEPT_SNAPSHOTS=1 to delete them): " + string.Join(", ", orphans));
        }

        [Fact]
        public void EveryModelNamedInTheRules_GetsItsOwnBuilder_WithNoModelNamedInTheGenerator()
        {
            var result = GeneratorRunner.Run(GeneratorRunner.TestSchema("three-models.schema.json"));
            var hints = result.Results.Single().GeneratedSources.Select(s => s.HintName).ToList();

            Assert.Contains("FastRequestBuilder.g.cs", hints);
            Assert.Contains("FineRequestBuilder.g.cs", hints);
            Assert.Contains("FilmRequestBuilder.g.cs", hints);
            var fast = GeneratorRunner.Source(result, "FastRequestBuilder.g.cs");
            Assert.DoesNotContain("WithGrain", fast);          // grain: false for the fast engine
            Assert.Contains("WithFrames(int frames)", fast);     // 1..10 for fast
            var fine = GeneratorRunner.Source(result, "FineRequestBuilder.g.cs");
            Assert.Contains("WithGrain(global::CreateImageSdk.FineGrain grain)", fine); // none/light only
            Assert.Contains("public static FineGrain Light", fine);
            Assert.DoesNotContain("Heavy", fine);
        }

        [Fact]
        public void TheModelProperty_IsNamedByTheSchema_NeverGuessed()
        {
            var text = System.IO.File.ReadAllText(System.IO.Path.Combine(System.AppContext.BaseDirectory, "Schemas", "three-models.schema.json"));
            var withoutKeyword = text.Replace("\"x-model-property\": \"engine\",", string.Empty);
            Assert.NotEqual(text, withoutKeyword);

            var result = GeneratorRunner.Run(GeneratorRunner.Schema("three-models.schema.json", withoutKeyword));

            Assert.Empty(result.Diagnostics);
            var hints = result.Results.Single().GeneratedSources.Select(s => s.HintName).ToList();
            Assert.Contains("RenderRequest.Validation.g.cs", hints);                 // the rules still hold
            Assert.DoesNotContain(hints, h => h.EndsWith("RequestBuilder.Models.g.cs", System.StringComparison.Ordinal)); // no Using…() without a named model property
            Assert.DoesNotContain("FastRequestBuilder.g.cs", hints);
        }

        [Fact]
        public void GeneratedSources_AreValidCSharpWithWellFormedDocs()
        {
            var result = GeneratorRunner.Run(GeneratorRunner.RealSchemas().Concat(new[]
            {
                GeneratorRunner.TestSchema("closed-enums.schema.json"), GeneratorRunner.TestSchema("docs.schema.json"),
                GeneratorRunner.TestSchema("open-enum.schema.json"), GeneratorRunner.TestSchema("three-models.schema.json"),
            }).ToArray());

            foreach (var source in result.Results.Single().GeneratedSources)
            {
                var errors = source.SyntaxTree.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
                Assert.True(errors.Count == 0, source.HintName + ": " + string.Join("; ", errors));
            }
        }
    }
}
