using System.Globalization;
using System.Linq;
using CreateImageSdk.Generator.Tests.Infrastructure;
using Xunit;

namespace CreateImageSdk.Generator.Tests
{
    /// <summary>Several operations over shared definitions: relative $refs, per-operation rules, names, content types.</summary>
    public class OperationTests
    {
        private const string Common = """
            { "title": "Common", "definitions": {
                "Model": { "description": "A model.", "x-csharp-type-name": "Model", "anyOf": [ { "type": "string" }, { "type": "string", "enum": [ "small", "big" ] } ] },
                "Shape": { "description": "A shape.", "type": [ "string", "null" ], "enum": [ "square", "wide", null ] },
                "Answer": { "title": "Answer", "type": "object", "properties": { "id": { "type": "string" }, "detail": { "$ref": "#/definitions/Detail" } } },
                "Detail": { "title": "Detail", "type": "object", "properties": { "text": { "type": "string" } } }
            } }
            """;

        private static string Operation(string title, string name, string variant, string contentType, string rules, string extra = "") => $$"""
            { "title": "{{title}}", "x-model-property": "model",
              "x-operation": { "name": "{{name}}", "path": "things/{{name}}", "response": "Reply", "contentType": "{{contentType}}"{{(variant.Length > 0 ? ", \"variant\": \"" + variant + "\"" : string.Empty)}} },
              "required": [ "prompt" ],
              "properties": {
                "prompt": { "type": "string" },
                "model": { "$ref": "common.schema.json#/definitions/Model" },
                "shape": { "$ref": "common.schema.json#/definitions/Shape" }{{extra}}
              },
              "allOf": [ {{rules}} ] }
            """;

        private const string Reply = """{ "title": "Reply", "properties": { "answer": { "$ref": "common.schema.json#/definitions/Answer" } } }""";

        private const string SmallIsSquare = """{ "if": { "properties": { "model": { "const": "small" } }, "required": [ "model" ] }, "then": { "properties": { "shape": { "enum": [ "square", null ] } } } }""";
        private const string SmallTakesOnePicture = """{ "if": { "properties": { "model": { "const": "small" } }, "required": [ "model" ] }, "then": { "properties": { "picture": { "maxItems": 1, "x-image-input": { "square": true } } } } }""";

        private const string BigIsRefused = """{ "if": { "properties": { "model": { "const": "big" } }, "required": [ "model" ] }, "then": { "properties": { "model": false } } }""";

        [Fact]
        public void SharedDefinitions_AreOneType_AndEachOperationKeepsItsOwnRules()
        {
            var result = GeneratorRunner.Run(
                GeneratorRunner.Schema("common.schema.json", Common),
                GeneratorRunner.Schema("reply.schema.json", Reply),
                GeneratorRunner.Schema("draw.schema.json", Operation("DrawRequest", "Draw", "", "application/json", SmallIsSquare)),
                GeneratorRunner.Schema("paint.schema.json", Operation("PaintRequest", "Paint", "Paint", "multipart/form-data", BigIsRefused + ", " + SmallTakesOnePicture,
                    """, "picture": { "type": "array", "minItems": 1, "items": { "type": "string", "format": "binary" }, "x-image-input": { "mediaTypes": [ "image/png" ], "maxBytes": 1024 } } """)
                    .Replace("\"required\": [ \"prompt\" ]", "\"required\": [ \"prompt\", \"picture\" ]")));

            Assert.Empty(result.Diagnostics);
            var hints = result.Results.Single().GeneratedSources.Select(s => s.HintName).ToList();
            Assert.Single(hints, h => h == "Model.g.cs");
            Assert.Contains("Answer.g.cs", hints);
            Assert.Contains("Detail.g.cs", hints); // a definition the shared one refers to, followed across the file
            Assert.Contains("SmallRequestBuilder.g.cs", hints);
            Assert.Contains("SmallPaintRequestBuilder.g.cs", hints);
            Assert.DoesNotContain("BigPaintRequestBuilder.g.cs", hints); // Paint refuses big: no builder for it

            // Draw's rule restricts shape for small; Paint's does not: the docs and attributes say so per operation.
            var shape = GeneratorRunner.Source(result, "Shape.g.cs");
            Assert.Contains("<c>Draw</c>: supported only by: <c>big</c>.", shape);
            Assert.Contains("A shape.", shape);
            var model = GeneratorRunner.Source(result, "Model.g.cs");
            Assert.Contains("Not accepted by <c>Paint</c> (<c>POST things/Paint</c>).", model);
            Assert.DoesNotContain("ModelRule", model);
            Assert.Contains("[global::CreateImageSdk.Rules.ModelRule(\"shape\", Model = \"small\", AllowedValues = new[] { \"square\" })]", GeneratorRunner.Source(result, "DrawRequest.g.cs"));

            // Paint is multipart: a form writer instead of a JSON converter, and no JSON metadata.
            var paint = GeneratorRunner.Source(result, "PaintRequest.g.cs");
            Assert.Contains("form.Add(\"picture\", Picture);", paint);
            Assert.DoesNotContain("PaintRequestJsonConverter", paint);
            Assert.DoesNotContain("PaintRequest", GeneratorRunner.Source(result, "CreateImageSdkJsonContext.g.cs"));
            Assert.Contains("params global::CreateImageSdk.ImageInput[] picture", GeneratorRunner.Source(result, "PaintRequestBuilder.g.cs"));
            var validation = GeneratorRunner.Source(result, "PaintRequest.Validation.g.cs");
            Assert.Contains("violations.Required(\"picture\", pictureWire);", validation);
            Assert.Contains("violations.Items(\"picture\", Picture?.Count, 1, null, null);", validation);
            Assert.Contains("violations.Images(\"picture\", Picture, s_PictureMediaTypes, 1024, false, null);", validation);
            Assert.Contains("private static readonly string[] s_PictureMediaTypes = { \"image/png\" };", validation);
            Assert.Contains("violations.Items(\"picture\", Picture?.Count, null, 1, \"model is small\");", validation);
            Assert.Contains("violations.Images(\"picture\", Picture, null, null, true, \"model is small\");", validation);
            Assert.Contains("violations.NotAccepted(\"model\", modelWire, \"POST things/Paint\", new[] { \"small\" });", validation);
        }

        [Fact]
        public void TwoOperationsWithoutAVariant_AreCIS018_NotACrash()
        {
            var result = GeneratorRunner.Run(
                GeneratorRunner.Schema("common.schema.json", Common),
                GeneratorRunner.Schema("reply.schema.json", Reply),
                GeneratorRunner.Schema("draw.schema.json", Operation("DrawRequest", "Draw", "", "application/json", SmallIsSquare)),
                GeneratorRunner.Schema("sketch.schema.json", Operation("SketchRequest", "Sketch", "", "application/json", SmallIsSquare)));

            var diagnostic = Assert.Single(result.Diagnostics);
            Assert.Equal("CIS018", diagnostic.Id);
            Assert.Equal("/repo/schemas/sketch.schema.json", diagnostic.Location.GetLineSpan().Path);
            Assert.Contains("'SmallRequestBuilder.g.cs'", diagnostic.GetMessage(CultureInfo.InvariantCulture));
            Assert.Null(result.Results.Single().Exception);
            Assert.Contains(result.Results.Single().GeneratedSources, s => s.HintName == "SketchRequestBuilder.g.cs"); // the rest is still emitted
        }

        [Theory]
        [InlineData("missing.schema.json#/definitions/Model", "missing.schema.json")]
        [InlineData("common.schema.json#/definitions/Nothing", "common.schema.json")]
        public void AnUnresolvedRelativeReference_IsCIS019AtTheReference(string target, string named)
        {
            var result = GeneratorRunner.Run(
                GeneratorRunner.Schema("common.schema.json", Common),
                GeneratorRunner.Schema("bad.schema.json", "{\n  \"title\": \"X\",\n  \"properties\": {\n    \"a\": { \"$ref\": \"" + target + "\" }\n  }\n}"));

            var diagnostic = Assert.Single(result.Diagnostics);
            Assert.Equal("CIS019", diagnostic.Id);
            Assert.Equal(4, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
            Assert.Contains(named, diagnostic.GetMessage(CultureInfo.InvariantCulture));
        }

        [Fact]
        public void AReferenceOutsideSchemas_IsStillCIS013()
        {
            var result = GeneratorRunner.Run(GeneratorRunner.Schema("bad.schema.json", "{ \"title\": \"X\", \"properties\": { \"a\": { \"$ref\": \"../secrets/other.schema.json#/definitions/A\" } } }"));

            Assert.Equal("CIS013", Assert.Single(result.Diagnostics).Id);
        }

        [Fact]
        public void AProblemInASharedDefinition_IsReportedAtTheReferenceThatBroughtItIn()
        {
            var result = GeneratorRunner.Run(
                GeneratorRunner.Schema("shared.schema.json", "{ \"definitions\": { \"Format\": { \"type\": \"string\", \"enum\": [ \"b64_json\", \"b64-json\" ] } } }"),
                GeneratorRunner.Schema("user.schema.json", "{\n  \"title\": \"X\",\n  \"properties\": {\n    \"a\": { \"type\": \"string\" },\n    \"format\": { \"$ref\": \"shared.schema.json#/definitions/Format\" }\n  }\n}"));

            var diagnostic = Assert.Single(result.Diagnostics);
            Assert.Equal("CIS006", diagnostic.Id);
            var span = diagnostic.Location.GetLineSpan();
            Assert.Equal("/repo/schemas/user.schema.json", span.Path);
            Assert.Equal(5, span.StartLinePosition.Line + 1);
        }
    }
}
