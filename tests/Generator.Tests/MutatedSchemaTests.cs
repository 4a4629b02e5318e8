using System;
using System.IO;
using System.Linq;
using System.Text;
using CreateImageSdk.Generator.Tests.Infrastructure;
using CsCheck;
using Xunit;

namespace CreateImageSdk.Generator.Tests
{
    /// <summary>
    /// Property test: the request schema, mutated at random (characters, JSON tokens, keywords swapped for others),
    /// gives the generator diagnostics or code, never an exception that escapes it (CS8785 in a user's build).
    /// </summary>
    public class MutatedSchemaTests
    {
        private static readonly string[] Replacements =
        {
            "null", "[]", "{}", "\"\"", "0", "-1", "1e400", "true", "\"x-csharp-name\"", "\"enum\"", "\"$ref\"", "\"#/definitions/nope\"",
            "\"if\"", "\"then\"", "\"allOf\"", "\"const\"", "\"properties\"", "\"type\"", "\"integer\"", "\"string\"", "\"\\u0000\"", "{\"$ref\":\"other.json\"}",
        };

        [Fact]
        public void MutatedSchemas_GiveDiagnostics_NeverAGeneratorCrash()
        {
            var original = File.ReadAllText(Path.Combine(GeneratorRunner.RealSchemaDirectory, "create-image-request.schema.json"));
            var others = GeneratorRunner.RealSchemas().Where(s => !s.Path.EndsWith("create-image-request.schema.json", StringComparison.Ordinal)).ToArray();
            var mutation = Gen.Select(Gen.Int[0, 3], Gen.Double[0, 1], Gen.Int[1, 40], Gen.Int[0, Replacements.Length - 1]);

            var withDiagnostics = 0;
            var clean = 0;
            mutation.Array[1, 4].Sample(edits =>
            {
                var text = Apply(original, edits);
                var result = GeneratorRunner.Run(others.Append(GeneratorRunner.Schema("create-image-request.schema.json", text)).ToArray());

                var run = result.Results.Single();
                Assert.True(run.Exception is null, "The generator threw: " + run.Exception);
                Assert.DoesNotContain(result.Diagnostics, d => d.Id == "CS8785");
                if (result.Diagnostics.IsEmpty) clean++;
                else withDiagnostics++;
            }, iter: 2000, threads: 1, print: edits => Apply(original, edits));

            // Both kinds of outcome were reached, so the mutations exercised the reader and the emitters alike.
            Assert.True(withDiagnostics > 100 && clean > 100, withDiagnostics + " runs with diagnostics, " + clean + " without");
        }

        private static string Apply(string text, (int Kind, double At, int Length, int Replacement)[] edits)
        {
            var builder = new StringBuilder(text);
            foreach (var (kind, at, length, replacement) in edits)
            {
                var position = Math.Min((int)(at * builder.Length), builder.Length);
                var count = Math.Min(length, builder.Length - position);
                switch (kind)
                {
                    case 0:
                        builder.Remove(position, count);
                        break;
                    case 1:
                        builder.Insert(position, Replacements[replacement]);
                        break;
                    case 2:
                        // Replace the JSON value or key that starts at the next quote, keeping the text around it valid-looking.
                        var quote = builder.ToString().IndexOf('"', position);
                        var end = quote < 0 ? -1 : builder.ToString().IndexOf('"', quote + 1);
                        if (end > quote) builder.Remove(quote, end - quote + 1).Insert(quote, Replacements[replacement]);
                        break;
                    default:
                        builder.Insert(position, builder.ToString(position, count));
                        break;
                }
            }

            return builder.ToString();
        }
    }
}
