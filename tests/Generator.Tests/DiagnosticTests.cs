using System.Linq;
using CreateImageSdk.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CreateImageSdk.Generator.Tests
{
    public class DiagnosticTests
    {
        [Theory]
        [InlineData("CIS001", 4, "{\n  \"title\": \"X\",\n  \"properties\": { \"a\": { \"type\": \"string\" }\n")]
        [InlineData("CIS001", 1, "[1, 2]")]
        [InlineData("CIS003", 1, "{ \"title\": \"X\", \"type\": \"object\" }")]
        [InlineData("CIS003", 3, "{\n  \"title\": \"X\",\n  \"properties\": { }\n}")]
        [InlineData("CIS016", 4, "{\n  \"title\": \"X\",\n  \"properties\": {\n    \"a\": { \"type\": \"string\", \"enum\": [\"x\", \"y\"], \"x-enum-descriptions\": [\"only one\"] }\n  }\n}")]
        [InlineData("CIS017", 2, "{\n  \"title\": \"X\", \"x-model-property\": \"a\",\n  \"properties\": {\n    \"a\": { \"type\": \"string\" }\n  }\n}")]
        [InlineData("CIS004", 4, "{\n  \"title\": \"X\",\n  \"properties\": {\n    \"when\": { \"type\": \"string\", \"format\": \"date-time\" }\n  }\n}")]
        [InlineData("CIS004", 4, "{\n  \"title\": \"X\",\n  \"properties\": {\n    \"any\": { }\n  }\n}")]
        [InlineData("CIS005", 4, "{\n  \"title\": \"X\",\n  \"properties\": {\n    \"size\": { \"type\": \"string\", \"enum\": [] }\n  }\n}")]
        [InlineData("CIS006", 4, "{\n  \"title\": \"X\",\n  \"properties\": {\n    \"format\": { \"type\": \"string\", \"enum\": [ \"b64_json\", \"b64-json\" ] }\n  }\n}")]
        [InlineData("CIS007", 1, "{ \"properties\": { \"a\": { \"type\": \"string\" } } }")]
        [InlineData("CIS008", 5, "{\n  \"title\": \"X\",\n  \"properties\": { \"a\": { \"type\": \"string\" } },\n  \"allOf\": [\n    { \"if\": { \"properties\": { \"a\": { \"pattern\": \"x\" } } }, \"then\": { } }\n  ]\n}")]
        [InlineData("CIS009", 5, "{\n  \"title\": \"X\",\n  \"properties\": { \"a\": { \"type\": \"string\" } },\n  \"allOf\": [\n    { \"if\": { \"properties\": { \"b\": { \"const\": \"x\" } } }, \"then\": { } }\n  ]\n}")]
        [InlineData("CIS012", 4, "{\n  \"title\": \"X\",\n  \"properties\": {\n    \"1st\": { \"type\": \"string\" }\n  }\n}")]
        [InlineData("CIS012", 4, "{\n  \"title\": \"X\",\n  \"properties\": {\n    \"a_b\": { \"type\": \"string\" }, \"aB\": { \"type\": \"string\" }\n  }\n}")]
        [InlineData("CIS012", 4, "{\n  \"title\": \"X\",\n  \"properties\": {\n    \"flavor\": { \"anyOf\": [ { \"type\": \"string\" }, { \"type\": \"string\", \"enum\": [ \"custom\" ] } ] }\n  }\n}")]
        [InlineData("CIS013", 4, "{\n  \"title\": \"X\",\n  \"properties\": {\n    \"a\": { \"$ref\": \"https://example.com/other.json\" }\n  }\n}")]
        [InlineData("CIS004", 4, "{\n  \"title\": \"X\",\n  \"properties\": {\n    \"a\": { \"anyOf\": [ { \"type\": [\"string\", \"null\"] }, { \"type\": \"integer\" } ] }\n  }\n}")]
        public void BadSchema_ReportsItsOwnIdAtTheLine(string id, int line, string json)
        {
            var result = GeneratorRunner.Run(GeneratorRunner.Schema("bad.schema.json", json));

            var diagnostic = Assert.Single(result.Diagnostics);
            Assert.Equal(id, diagnostic.Id);
            Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
            var span = diagnostic.Location.GetLineSpan();
            Assert.Equal("/repo/schemas/bad.schema.json", span.Path);
            Assert.Equal(line, span.StartLinePosition.Line + 1);
            Assert.Empty(result.Results.Single().GeneratedSources);
            Assert.Null(result.Results.Single().Exception);
        }

        [Fact]
        public void EveryDescriptor_CanBeFoundById_SoReportingItNeverCrashes()
        {
            var descriptors = typeof(CreateImageSdk.Generator.Diagnostics.DiagnosticDescriptors)
                .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
                .Select(f => (DiagnosticDescriptor)f.GetValue(null)!).ToList();

            Assert.True(descriptors.Count >= 15);
            Assert.All(descriptors, d => Assert.Same(d, CreateImageSdk.Generator.Diagnostics.DiagnosticDescriptors.ById(d.Id)));
        }

        [Fact]
        public void InvalidPattern_IsCIS015AtItsLine_AndAValidOneIsChecked()
        {
            var result = GeneratorRunner.Run(GeneratorRunner.Schema("bad.schema.json",
                "{\n  \"title\": \"X\",\n  \"properties\": {\n    \"a\": { \"type\": \"string\",\n      \"pattern\": \"[unclosed\" }\n  }\n}"));

            var diagnostic = Assert.Single(result.Diagnostics);
            Assert.True(diagnostic.Id == "CIS015", diagnostic.ToString());
            Assert.Equal(5, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
            Assert.Contains("'a'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Null(result.Results.Single().Exception);

            var valid = GeneratorRunner.Run(GeneratorRunner.Schema("good.schema.json",
                "{ \"title\": \"X\", \"properties\": { \"a\": { \"type\": \"string\", \"pattern\": \"^[a-z]+$\" } }, " +
                "\"allOf\": [ { \"if\": { \"properties\": { \"a\": { \"const\": \"x\" } } }, \"then\": { \"properties\": { \"a\": { \"maxLength\": 3 } } } } ] }"));
            Assert.Empty(valid.Diagnostics);
            var validation = GeneratorRunner.Source(valid, "X.Validation.g.cs");
            Assert.Contains("violations.Matches(\"a\", aWire, s_pattern_A, \"must match the pattern ^[a-z]+$\");", validation);
        }

        [Fact]
        public void ClashDiagnostic_NamesBothValuesAndTheMember()
        {
            var result = GeneratorRunner.Run(GeneratorRunner.Schema("bad.schema.json",
                "{ \"title\": \"X\", \"properties\": { \"format\": { \"type\": \"string\", \"x-csharp-type-name\": \"Fmt\", \"enum\": [ \"b64_json\", \"b64-json\" ] } } }"));

            var message = Assert.Single(result.Diagnostics).GetMessage(System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal("Values 'b64_json' and 'b64-json' of 'Fmt' both become the C# name 'B64Json'", message);
        }

        [Fact]
        public void SameTypeDefinedDifferentlyInTwoFiles_IsReported_AndNeitherIsEmitted()
        {
            var result = GeneratorRunner.Run(
                GeneratorRunner.Schema("a.schema.json", "{ \"title\": \"A\", \"properties\": { \"s\": { \"type\": \"string\", \"enum\": [ \"x\" ], \"x-csharp-type-name\": \"Shared\" } } }"),
                GeneratorRunner.Schema("b.schema.json", "{ \"title\": \"B\", \"properties\": { \"s\": { \"type\": \"string\", \"enum\": [ \"y\" ], \"x-csharp-type-name\": \"Shared\" } } }"));

            Assert.Equal("CIS010", Assert.Single(result.Diagnostics).Id);
            Assert.DoesNotContain(result.Results.Single().GeneratedSources, s => s.HintName == "Shared.g.cs");
            Assert.Null(result.Results.Single().Exception);
        }

        [Fact]
        public void OperationNamingAnUnknownResponse_IsReported()
        {
            var result = GeneratorRunner.Run(GeneratorRunner.Schema("op.schema.json",
                "{ \"title\": \"Op\", \"x-operation\": { \"name\": \"Go\", \"path\": \"go\", \"response\": \"Nowhere\" }, \"properties\": { \"a\": { \"type\": \"string\" } } }"));

            var diagnostic = Assert.Single(result.Diagnostics);
            Assert.Equal("CIS014", diagnostic.Id);
            Assert.Contains("'Nowhere'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
            Assert.DoesNotContain(result.Results.Single().GeneratedSources, s => s.HintName == "OpBuilder.g.cs");
        }

        [Fact]
        public void OneBadSchema_DoesNotStopTheOthers()
        {
            var result = GeneratorRunner.Run(
                GeneratorRunner.Schema("bad.schema.json", "{ nope"),
                GeneratorRunner.TestSchema("open-enum.schema.json"));

            Assert.Equal("CIS001", Assert.Single(result.Diagnostics).Id);
            Assert.Contains(result.Results.Single().GeneratedSources, s => s.HintName == "PaintColor.g.cs");
        }

        [Fact]
        public void EveryDiagnosticId_IsListedInTheReleaseTracking()
        {
            var unshipped = System.IO.File.ReadAllText(System.IO.Path.Combine(RepoPaths.Root, "src", "Generator", "AnalyzerReleases.Unshipped.md"));
            foreach (var field in typeof(ImageSchemaGenerator).Assembly.GetType("CreateImageSdk.Generator.Diagnostics.DiagnosticDescriptors")!
                         .GetFields(System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public))
            {
                var descriptor = (DiagnosticDescriptor)field.GetValue(null)!;
                Assert.StartsWith("CIS", descriptor.Id);
                Assert.Contains(descriptor.Id + " |", unshipped);
            }
        }
    }
}
