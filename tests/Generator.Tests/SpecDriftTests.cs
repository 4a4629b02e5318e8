using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using CreateImageSdk.Generator.Tests.Infrastructure;
using CreateImageSdk.Generator.Tests.SpecDrift;
using Xunit;

namespace CreateImageSdk.Generator.Tests
{
    /// <summary>
    /// schemas/ against the official OpenAPI spec: every difference is either listed in eng/spec-differences.txt with
    /// its reason or a failure. eng/spec-drift.sh runs the first test against a newer spec (CREATEIMAGE_SPEC).
    /// </summary>
    public class SpecDriftTests
    {
        private static string[] SpecFiles()
        {
            var given = Environment.GetEnvironmentVariable("CREATEIMAGE_SPEC");
            if (!string.IsNullOrWhiteSpace(given))
                return given.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return Directory.GetFiles(Path.Combine(RepoPaths.Root, "tests", "Generator.Tests", "Spec"), "*.yaml").OrderBy(p => p, StringComparer.Ordinal).ToArray();
        }

        private static string SchemasFolder => Path.Combine(RepoPaths.Root, "schemas");

        private static string DifferencesFile => Path.Combine(RepoPaths.Root, "eng", "spec-differences.txt");

        [Fact]
        public void Schemas_differ_from_the_official_spec_only_where_a_listed_reason_says_so()
        {
            var found = SpecComparer.Compare(OfficialSpec.Load(SpecFiles()), new OurSchemas(SchemasFolder));
            var listed = DeliberateDifferences.Load(DifferencesFile);
            var (unlisted, stale) = listed.Check(found);

            var report = string.Join(Environment.NewLine, new[]
            {
                listed.Problems.Count == 0 ? null : "eng/spec-differences.txt is malformed:" + Environment.NewLine + string.Join(Environment.NewLine, listed.Problems),
                unlisted.Count == 0 ? null : "schemas/ differs from the spec where eng/spec-differences.txt gives no reason (bring schemas/ level, or list the difference with why it is meant):"
                    + Environment.NewLine + string.Join(Environment.NewLine, unlisted.Select(d => "  " + d)),
                stale.Count == 0 ? null : "eng/spec-differences.txt lists differences that are gone (remove them):"
                    + Environment.NewLine + string.Join(Environment.NewLine, stale.Select(d => "  " + d)),
            }.Where(p => p != null));
            Assert.True(report.Length == 0, report);
        }

        [Fact]
        public void A_value_removed_from_a_schema_is_reported_for_every_operation_that_uses_it()
        {
            var copy = CopyOfSchemas();
            try
            {
                var common = Path.Combine(copy, "image-common.schema.json");
                var json = JsonNode.Parse(File.ReadAllText(common))!;
                var values = (JsonArray)json["definitions"]!["ImageQuality"]!["anyOf"]![1]!["enum"]!;
                var medium = values.First(v => (string?)v == "medium");
                values.Remove(medium);
                File.WriteAllText(common, json.ToJsonString());

                var spec = OfficialSpec.Load(SpecFiles());
                var before = SpecComparer.Compare(spec, new OurSchemas(SchemasFolder));
                var after = SpecComparer.Compare(spec, new OurSchemas(copy)).Except(before).ToList();

                Assert.Equal(new[]
                {
                    "generations quality value medium: in the spec, not in schemas/",
                    "edits quality value medium: in the spec, not in schemas/",
                    "edits-json quality value medium: in the spec, not in schemas/",
                }, after);
                var (unlisted, _) = DeliberateDifferences.Load(DifferencesFile).Check(SpecComparer.Compare(spec, new OurSchemas(copy)));
                Assert.Equal(after.OrderBy(d => d, StringComparer.Ordinal), unlisted);
            }
            finally { Directory.Delete(copy, recursive: true); }
        }

        [Fact]
        public void What_a_newer_spec_adds_or_changes_is_reported()
        {
            var roots = SpecFiles().Select(f => (JsonObject)YamlDocument.Load(f)!).ToList();
            var generations = roots.Select(r => r["components"]?["schemas"]?["CreateImageRequest"]).OfType<JsonObject>().Single();
            var properties = (JsonObject)generations["properties"]!;
            ((JsonArray)properties["quality"]!["enum"]!).Add("xhigh");
            properties["n"]!["maximum"] = 16;
            properties["seed"] = new JsonObject { ["type"] = "integer" };
            var editsModel = roots.Select(r => r["/images/edits"]?["CreateImageEditRequest"]).OfType<JsonObject>().Single()["properties"]!["model"]!;
            ((JsonArray)editsModel["anyOf"]![1]!["enum"]!).Add("gpt-image-2.5-flare");

            var found = SpecComparer.Compare(new OfficialSpec(roots), new OurSchemas(SchemasFolder));
            var (unlisted, stale) = DeliberateDifferences.Load(DifferencesFile).Check(found);

            Assert.Equal(new[]
            {
                "edits model value gpt-image-2.5-flare: in the spec, not in schemas/",
                "generations n maximum: spec 16, schemas/ 10",
                "generations quality value xhigh: in the spec, not in schemas/",
                "generations seed: in the spec, not in schemas/",
            }, unlisted);
            Assert.Empty(stale);
        }

        [Fact]
        public void An_operation_missing_from_the_spec_is_reported_not_skipped()
        {
            var generationsOnly = OfficialSpec.Load(SpecFiles().Where(f => !f.Contains("edits", StringComparison.Ordinal)));

            var found = SpecComparer.Compare(generationsOnly, new OurSchemas(SchemasFolder));

            Assert.Contains("edits: the spec has no multipart/form-data body for POST /images/edits", found);
            Assert.Contains("edits-json: the spec has no application/json body for POST /images/edits", found);
        }

        private static string CopyOfSchemas()
        {
            var copy = Path.Combine(Path.GetTempPath(), "spec-drift-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(copy);
            foreach (var file in Directory.GetFiles(SchemasFolder, "*.schema.json")) File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
            return copy;
        }
    }
}
