using System;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CreateImageSdk.Generator.Tests.Infrastructure;
using Xunit;

namespace CreateImageSdk.Generator.Tests
{
    public class RuntimeCompilationTests
    {
        [Theory]
        [InlineData(null)]
        [InlineData("closed-enums.schema.json")]
        [InlineData("docs.schema.json")]
        [InlineData("open-enum.schema.json")]
        [InlineData("three-models.schema.json")]
        [InlineData("odd-names.schema.json")]
        [InlineData("wire-name-twins.schema.json")] // a-b and a_b once both became the field s_rule0_AB (CS0102)
        public void GeneratedCode_CompilesWithTheRuntime(string? extraSchema)
        {
            var schemas = GeneratorRunner.RealSchemas().ToList();
            if (extraSchema != null) schemas.Add(GeneratorRunner.TestSchema(extraSchema));
            var result = GeneratorRunner.Run(schemas.ToArray());
            Assert.Empty(result.Diagnostics);

            var (_, errors) = RuntimeCompilation.Compile(result);

            Assert.True(errors.Count == 0, string.Join("\n", errors.Take(20)));
        }

        [Fact]
        public void ValuesThatJsonEscapes_AreReadAndWrittenExactly()
        {
            var schemas = GeneratorRunner.RealSchemas().Append(GeneratorRunner.TestSchema("odd-names.schema.json")).ToArray();
            var (compilation, errors) = RuntimeCompilation.Compile(GeneratorRunner.Run(schemas));
            Assert.Empty(errors);
            var assembly = RuntimeCompilation.Load(compilation);
            var context = assembly.GetType("CreateImageSdk.CreateImageSdkJsonContext")!.GetProperty("Default")!.GetValue(null)!;
            var info = (JsonTypeInfo)context.GetType().GetProperty("OddRequest")!.GetValue(context)!;

            foreach (var mime in new[] { "image/svg+xml", "text/\"quoted\"", "back\\slash", "<tag>&amp", "café" })
            {
                var json = "{\"mime\":" + JsonSerializer.Serialize(mime) + ",\"größe\":2,\"when\":5,\"flavor\":\"a+b\"}";
                var value = JsonSerializer.Deserialize(json, info)!;
                var again = JsonSerializer.Serialize(value, info);
                Assert.Equal(JsonDocument.Parse(json).RootElement.GetProperty("mime").GetString(), JsonDocument.Parse(again).RootElement.GetProperty("mime").GetString());
                Assert.Equal(2, JsonDocument.Parse(again).RootElement.GetProperty("größe").GetInt32());
                Assert.Equal("a+b", JsonDocument.Parse(again).RootElement.GetProperty("flavor").GetString());
            }

            // The number range is checked too.
            var request = JsonSerializer.Deserialize("{\"mime\":\"café\",\"when\":1,\"ratio\":1.5}", info)!;
            var violations = (System.Collections.IList)request.GetType().GetMethod("Validate")!.Invoke(request, null)!;
            var violation = Assert.Single(violations.Cast<object>());
            Assert.Contains("ratio \"1.5\" must be between 0 and 1", violation.ToString());
        }
    }
}
