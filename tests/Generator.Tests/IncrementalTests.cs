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
        private static readonly string[] TrackedSteps =
        {
            TrackingNames.SchemaFiles, TrackingNames.Parse, TrackingNames.Specs, TrackingNames.AllSpecs, TrackingNames.Diagnostics,
        };

        [Fact]
        public void UnrelatedCodeEdit_LeavesEveryStepCachedOrUnchanged()
        {
            var compilation = GeneratorRunner.Compilation("class Placeholder { }");
            var driver = GeneratorRunner.CreateDriver(GeneratorRunner.RealSchemas()).RunGenerators(compilation);
            var first = driver.GetRunResult();

            var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Unrelated { int X => 1; }", GeneratorRunner.ParseOptions));
            var second = driver.RunGenerators(edited).GetRunResult();

            Assert.Equal(
                first.Results.Single().GeneratedSources.Select(s => s.SourceText.ToString()),
                second.Results.Single().GeneratedSources.Select(s => s.SourceText.ToString()));
            var steps = second.Results.Single().TrackedSteps;
            foreach (var name in TrackedSteps)
            {
                Assert.True(steps.ContainsKey(name), "step " + name + " was not tracked");
                foreach (var output in steps[name].SelectMany(step => step.Outputs))
                {
                    Assert.True(
                        output.Reason == IncrementalStepRunReason.Cached || output.Reason == IncrementalStepRunReason.Unchanged,
                        name + " ran again: " + output.Reason);
                }
            }

            foreach (var output in second.Results.Single().TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(step => step.Outputs))
            {
                Assert.True(output.Reason == IncrementalStepRunReason.Cached || output.Reason == IncrementalStepRunReason.Unchanged, "an output was re-emitted: " + output.Reason);
            }
        }

        [Fact]
        public void SchemaEdit_ChangesTheOutput()
        {
            var schemas = GeneratorRunner.RealSchemas().ToList();
            var compilation = GeneratorRunner.Compilation("class Placeholder { }");
            var driver = GeneratorRunner.CreateDriver(schemas).RunGenerators(compilation);
            var request = schemas.Single(s => s.Path.EndsWith("create-image-request.schema.json", StringComparison.Ordinal));
            var changed = GeneratorRunner.Schema("create-image-request.schema.json", request.GetText()!.ToString().Replace("\"1792x1024\"", "\"2048x1024\""));

            var second = driver.ReplaceAdditionalText(request, changed).RunGenerators(compilation).GetRunResult();

            var size = GeneratorRunner.Source(second, "ImageSize.g.cs");
            Assert.Contains("Size2048x1024", size);
            Assert.DoesNotContain("Size1792x1024", size);
            var parse = second.Results.Single().TrackedSteps[TrackingNames.Parse].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
            Assert.Contains(IncrementalStepRunReason.Modified, parse);
            Assert.Contains(IncrementalStepRunReason.Cached, parse); // the other schema files were not parsed again
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
