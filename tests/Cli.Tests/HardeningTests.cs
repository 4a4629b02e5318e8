using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using CreateImageSdk.LocalServer;
using Xunit;

namespace CreateImageSdk.Cli.Tests
{
    /// <summary>
    /// A batch table is user input: ids become file names, cells are echoed into a table a spreadsheet opens, and the
    /// file may come from any editor. Each case is the tool run for real against the local server.
    /// </summary>
    public class HardeningTests
    {
        private const string Key = "sk-cli-0123456789abcdef";

        private static Dictionary<string, string?> Environment(LocalImageServer server) =>
            new Dictionary<string, string?> { ["OPENAI_BASE_URL"] = server.BaseUri.ToString(), ["OPENAI_API_KEY"] = Key };

        [Fact]
        public async Task Ids_never_write_outside_the_output_folder_and_never_overwrite_another_rows_image()
        {
            await using var server = await LocalImageServer.StartAsync(new LocalImageServerOptions { ApiKey = Key });
            var folder = Tool.NewFolder();
            var ids = new[]
            {
                "../escape", "/etc/passwd", "a/b", "a_b", "sub\\dir", "CON", "nul.txt", "Fox", "fox", "koi", "koi-2", ".hidden", "  ", "x:y", new string('長', 200),
            };
            var lines = new List<string> { "id,prompt,n" };
            lines.AddRange(ids.Select(id => Quote(id) + ",an otter," + (id == "koi" ? "2" : "")));
            var table = Tool.Csv(folder, "rows.csv", lines);

            var run = await Tool.RunAsync(folder, Environment(server), "batch", table, "--out", "out", "--model", "gpt-image-1", "--size", "1024x1024", "--quality", "low");

            Assert.True(run.ExitCode == 0, run.ToString());
            var output = Path.Combine(folder, "out");
            var images = Directory.GetFiles(output, "*.png").Select(Path.GetFileName).ToList();
            // Every image of every row, each in its own file: 15 rows, koi with two images; nothing anywhere else.
            Assert.Equal(16, images.Count);
            Assert.Equal(16, images.Distinct(StringComparer.OrdinalIgnoreCase).Count());
            Assert.Empty(Directory.GetDirectories(output));
            Assert.False(File.Exists(Path.Combine(folder, "escape.png")));
            Assert.Empty(Directory.GetFiles(folder, "*.png"));
            Assert.All(images, name => Assert.True(Encoding.UTF8.GetByteCount(name!) <= 255, name));
            Assert.Contains("koi-1.png", images);
            Assert.Contains("koi-2.png", images);
            Assert.DoesNotContain("CON.png", images);
            // The results table names each row's own file.
            var results = File.ReadAllLines(Path.Combine(output, "results.csv")).Skip(1).ToList();
            Assert.Equal(16, results.Count);
            Assert.Equal(16, results.Select(r => r.Split(',')[2]).Distinct(StringComparer.OrdinalIgnoreCase).Count());
            // Case-only twins each get a hash of their own id (one file on Windows and macOS otherwise); plain ids keep their names.
            Assert.Contains(images, n => n!.StartsWith("Fox-", StringComparison.Ordinal));
            Assert.Contains(images, n => n!.StartsWith("fox-", StringComparison.Ordinal));
            Assert.Contains("a_b.png", images);
        }

        [Fact]
        public async Task Cells_that_a_spreadsheet_would_run_as_formulas_are_written_as_text()
        {
            await using var server = await LocalImageServer.StartAsync(new LocalImageServerOptions { ApiKey = Key });
            var folder = Tool.NewFolder();
            var table = Tool.Csv(folder, "rows.csv", new[]
            {
                "id,prompt,model,quality",
                "\"=HYPERLINK(\"\"http://evil\"\")\",an otter,gpt-image-1,low",
                "+cmd,an otter,gpt-image-1,ultra",
                "@SUM(A1),an otter,gpt-image-1,low",
                "-2+3,an otter,gpt-image-1,low",
            });

            var run = await Tool.RunAsync(folder, Environment(server), "batch", table, "--out", "out", "--skip-invalid");

            Assert.Equal(1, run.ExitCode);
            var cells = File.ReadAllLines(Path.Combine(folder, "out", "results.csv")).Skip(1).Select(l => l.TrimStart('"')).ToList();
            Assert.Equal(4, cells.Count);
            Assert.All(cells, line => Assert.StartsWith("'", line, StringComparison.Ordinal));
            Assert.Contains(cells, l => l.StartsWith("'=HYPERLINK", StringComparison.Ordinal));
            Assert.Contains(cells, l => l.StartsWith("'+cmd", StringComparison.Ordinal));
        }

        [Theory]
        [InlineData("utf8-bom")]
        [InlineData("utf16")]
        [InlineData("crlf")]
        [InlineData("semicolons")]
        [InlineData("header-case")]
        public async Task Tables_as_editors_and_spreadsheets_save_them_are_read(string kind)
        {
            await using var server = await LocalImageServer.StartAsync(new LocalImageServerOptions { ApiKey = Key });
            var folder = Tool.NewFolder();
            var text = kind switch
            {
                "semicolons" => "id;prompt;model;size\nfox;Ein Fuchs, im Schnee;gpt-image-1;1024x1024\nkoi;Zwei Kois;gpt-image-1;1024x1024\n",
                "header-case" => "ID,Prompt,Model,SIZE\nfox,A fox,gpt-image-1,1024x1024\nkoi,Two koi,gpt-image-1,1024x1024\n",
                "crlf" => "id,prompt,model,size\r\nfox,A fox,gpt-image-1,1024x1024\r\nkoi,Two koi,gpt-image-1,1024x1024\r\n",
                _ => "id,prompt,model,size\nfox,Ein Fuchs — ünd Schnee,gpt-image-1,1024x1024\nkoi,京都,gpt-image-1,1024x1024\n",
            };
            var encoding = kind switch
            {
                "utf8-bom" => (Encoding)new UTF8Encoding(true),
                "utf16" => Encoding.Unicode,
                _ => new UTF8Encoding(false),
            };
            var table = Path.Combine(folder, "rows.csv");
            File.WriteAllText(table, text, encoding);

            var run = await Tool.RunAsync(folder, Environment(server), "batch", table, "--out", "out");

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.True(File.Exists(Path.Combine(folder, "out", "fox.png")), run.ToString());
            Assert.True(File.Exists(Path.Combine(folder, "out", "koi.png")), run.ToString());
            Assert.Equal(2, server.Requests.Count);
            var prompts = server.Requests.Select(r => System.Text.Json.JsonDocument.Parse(r.Body).RootElement.GetProperty("prompt").GetString()).ToList();
            if (kind is "utf8-bom" or "utf16") Assert.Contains("Ein Fuchs — ünd Schnee", prompts);
            if (kind == "semicolons") Assert.Contains("Ein Fuchs, im Schnee", prompts);
        }

        [Theory]
        [InlineData("rows.csv", "", "it is empty")]
        [InlineData("rows.csv", "id,text\nfox,A fox\n", "it has no prompt column; its header is 'id,text'")]
        [InlineData("rows.csv", "id,prompt\n", "it has a header but no rows")]
        [InlineData("rows.jsonl", "{\"prompt\": \"A fox\"}\n[1, 2]\n", "line 2 is a JSON array, not an object")]
        [InlineData("rows.jsonl", "{\"prompt\": \"A fox\"}\n{\"prompt\": \n", "line 2 is not valid JSON")]
        [InlineData("rows.jsonl", "\n\n", "it has no rows")]
        public async Task A_table_that_cannot_be_read_is_one_sentence_and_nothing_is_sent(string name, string content, string expected)
        {
            await using var server = await LocalImageServer.StartAsync(new LocalImageServerOptions { ApiKey = Key });
            var folder = Tool.NewFolder();
            File.WriteAllText(Path.Combine(folder, name), content);

            var run = await Tool.RunAsync(folder, Environment(server), "batch", name, "--out", "out");

            Assert.Equal(2, run.ExitCode);
            Assert.Contains("error: " + name + " could not be read: " + expected, run.Output + run.Error);
            Assert.DoesNotContain("   at ", run.Output + run.Error);
            Assert.Empty(server.Requests);
        }

        [Fact]
        public async Task A_file_that_cannot_be_written_stops_the_run_with_a_sentence_and_the_rerun_resumes()
        {
            await using var server = await LocalImageServer.StartAsync(new LocalImageServerOptions { ApiKey = Key });
            var folder = Tool.NewFolder();
            var table = Tool.Csv(folder, "rows.csv", new[] { "id,prompt", "fox,A fox", "koi,Two koi", "owl,An owl" });
            // A folder where fox's image must go: the write fails as it would on a full disk or a read-only folder
            // (permissions cannot be relied on here: tests may run as root).
            Directory.CreateDirectory(Path.Combine(folder, "out", "fox.png"));

            var stopped = await Tool.RunAsync(folder, Environment(server), "batch", table, "--out", "out", "--parallel", "1", "--model", "gpt-image-1");

            Assert.Equal(1, stopped.ExitCode);
            Assert.Contains("error: writing to out failed (", stopped.Output);
            Assert.Contains("so the run stopped and nothing more was sent", stopped.Output);
            Assert.DoesNotContain("   at ", stopped.Output + stopped.Error);
            Assert.Single(server.Requests); // fox was generated (and billed); koi and owl were not sent

            Directory.Delete(Path.Combine(folder, "out", "fox.png"));
            var resumed = await Tool.RunAsync(folder, Environment(server), "batch", table, "--out", "out", "--parallel", "1", "--model", "gpt-image-1");

            // fox was being written when the run stopped: listed, not sent again unless asked; the others are sent once.
            Assert.Equal(1, resumed.ExitCode);
            Assert.Contains("unfinished: fox", resumed.Output);
            Assert.Equal(3, server.Requests.Count);
            Assert.True(File.Exists(Path.Combine(folder, "out", "koi.png")));
            Assert.True(File.Exists(Path.Combine(folder, "out", "owl.png")));

            var retried = await Tool.RunAsync(folder, Environment(server), "batch", table, "--out", "out", "--retry-unfinished", "--model", "gpt-image-1");
            Assert.True(retried.ExitCode == 0, retried.ToString());
            Assert.Equal(4, server.Requests.Count);
            Assert.True(File.Exists(Path.Combine(folder, "out", "fox.png")));
        }

        private static string Quote(string cell) => "\"" + cell.Replace("\"", "\"\"") + "\"";
    }
}
