using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using CreateImageSdk.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace CreateImageSdk.Generator.Tests
{
    public class IncrementalTests
    {
        [Fact]
        public void RuleEdit_ReparsesOneFile_AndReemitsOnlyTheFilesThatOperationOwns()
        {
            var schemas = GeneratorRunner.RealSchemas().ToList();
            var compilation = GeneratorRunner.Compilation("class Placeholder { }");
            var driver = GeneratorRunner.CreateDriver(schemas).RunGenerators(compilation);
            var request = schemas.Single(s => s.Path.EndsWith("create-image-request.schema.json", StringComparison.Ordinal));
            var text = request.GetText()!.ToString();
            Assert.Contains("\"maxLength\": 4000", text);
            // dall-e-3's prompt limit: a rule of the generations operation, in no shared definition.
            var changed = GeneratorRunner.Schema("create-image-request.schema.json", text.Replace("\"maxLength\": 4000", "\"maxLength\": 3000"));

            var second = driver.ReplaceAdditionalText(request, changed).RunGenerators(compilation).GetRunResult();

            Assert.Contains("MaxLength = 3000", GeneratorRunner.Source(second, "CreateImageRequest.g.cs"));
            var steps = second.Results.Single().TrackedSteps;
            var parse = steps[TrackingNames.Parse].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
            Assert.Equal(1, parse.Count(r => r == IncrementalStepRunReason.Modified));
            Assert.Equal(schemas.Count - 1, parse.Count(r => r == IncrementalStepRunReason.Cached)); // the other files were not parsed again
            var shared = steps[TrackingNames.SharedDefinitions].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
            // Cached, not merely Unchanged: the definitions' step did not run again (a rule is in no shared definition).
            Assert.All(shared, r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, "shared definitions: " + r));

            var emitted = EmitReasons(second);
            // Every other file's emit step did not run at all (Cached): its bound record compared equal, so it was not printed again.
            var rerun = emitted.Where(e => e.Value != IncrementalStepRunReason.Cached).Select(e => e.Key).OrderBy(k => k, StringComparer.Ordinal).ToList();
            Assert.Equal(new[] { "CreateImageRequest.Validation.g.cs", "CreateImageRequest.g.cs", "DallE3RequestBuilder.g.cs" }, rerun);
            Assert.True(emitted.Count > 20, "expected every generated file to be its own pipeline item, saw " + emitted.Count);
        }

        [Fact]
        public void SharedDefinitionEdit_ReemitsTheSharedType_AndNotTheResponses()
        {
            var schemas = GeneratorRunner.RealSchemas().ToList();
            var compilation = GeneratorRunner.Compilation("class Placeholder { }");
            var driver = GeneratorRunner.CreateDriver(schemas).RunGenerators(compilation);
            var common = schemas.Single(s => s.Path.EndsWith("image-common.schema.json", StringComparison.Ordinal));
            var changed = GeneratorRunner.Schema("image-common.schema.json", common.GetText()!.ToString().Replace("The quality of the generated images.", "How good the generated images look."));

            var second = driver.ReplaceAdditionalText(common, changed).RunGenerators(compilation).GetRunResult();

            Assert.Contains("How good the generated images look.", GeneratorRunner.Source(second, "ImageQuality.g.cs"));
            var emitted = EmitReasons(second);
            Assert.Equal(IncrementalStepRunReason.Modified, emitted["ImageQuality.g.cs"]);
            foreach (var untouched in new[] { "ImagesResponse.g.cs", "ImageModel.g.cs", "ImageSize.g.cs", "CreateImageRequest.g.cs", "DallE3RequestBuilder.g.cs" })
            {
                Assert.True(emitted[untouched] is IncrementalStepRunReason.Cached, untouched + " was re-emitted: " + emitted[untouched]);
            }
        }

        [Fact]
        public void UnrelatedCodeEdit_RunsNothing()
        {
            var compilation = GeneratorRunner.Compilation("class Placeholder { }");
            var driver = GeneratorRunner.CreateDriver(GeneratorRunner.RealSchemas()).RunGenerators(compilation);
            var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Unrelated { int X => 1; }", GeneratorRunner.ParseOptions));

            var second = driver.RunGenerators(edited).GetRunResult();

            var emitted = EmitReasons(second);
            Assert.NotEmpty(emitted);
            Assert.All(emitted.Values, r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        }

        /// <summary>For each generated file, why the emit step produced it on this run.</summary>
        private static Dictionary<string, IncrementalStepRunReason> EmitReasons(GeneratorDriverRunResult result)
        {
            var reasons = new Dictionary<string, IncrementalStepRunReason>(StringComparer.Ordinal);
            foreach (var (value, reason) in result.Results.Single().TrackedSteps[TrackingNames.Emit].SelectMany(s => s.Outputs))
            {
                var hintName = (string)value.GetType().GetProperty("HintName")!.GetValue(value)!;
                reasons[hintName] = reason;
            }

            return reasons;
        }

        [Fact]
        public void PipelineModels_HoldNoRoslynOrNJsonSchemaObjects()
        {
            var result = GeneratorRunner.Run(GeneratorRunner.RealSchemas().ToArray());
            var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
            foreach (var step in result.Results.Single().TrackedSteps.Where(s => s.Key != TrackingNames.SchemaFiles).SelectMany(s => s.Value))
            {
                foreach (var (value, _) in step.Outputs) AssertPlain(value, step.Name ?? "?", seen);
            }
        }

        private static void AssertPlain(object? value, string path, HashSet<object> seen)
        {
            if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum) return;
            var type = value.GetType();
            Assert.False(value is ISymbol || value is Compilation || value is SyntaxNode || value is Location || value is SemanticModel, path + " holds " + type);
            Assert.False(type.Namespace?.StartsWith("NJsonSchema", StringComparison.Ordinal) == true || type.Namespace?.StartsWith("Newtonsoft", StringComparison.Ordinal) == true, path + " holds " + type);
            if (!type.IsValueType && !seen.Add(value)) return;
            if (value is IEnumerable items)
            {
                var index = 0;
                foreach (var item in items) AssertPlain(item, path + "[" + index++ + "]", seen);
                return;
            }

            foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            {
                AssertPlain(field.GetValue(value), path + "." + field.Name, seen);
            }
        }
    }
}
