using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using CreateImageSdk.LocalServer;
using Xunit;

namespace CreateImageSdk.Cli.Tests
{
    /// <summary>The tool as a user runs it: real processes against the local server, which counts every request.</summary>
    public class BatchTests
    {
        private const string Key = "sk-cli-0123456789abcdef";

        private static Dictionary<string, string?> Environment(LocalImageServer server) =>
            new Dictionary<string, string?> { ["OPENAI_BASE_URL"] = server.BaseUri.ToString(), ["OPENAI_API_KEY"] = Key };

        [Fact]
        public async Task TwoHundredRows_ThroughScripted429sAnd500s_AllFinish_WithTheRightTable()
        {
            await using var server = await LocalImageServer.StartAsync(new LocalImageServerOptions { ApiKey = Key });
            // Answers are scripted in order, so with one request at a time the outcome is exact: the first five rows each
            // meet a 429 and a 500, which the client's retries absorb; their third attempt gets a scripted success.
            const string Png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";
            for (var i = 0; i < 5; i++)
            {
                server.EnqueueResponse(429, "{\"error\":{\"message\":\"Rate limit.\",\"type\":\"requests\",\"param\":null,\"code\":\"rate_limit_exceeded\"}}", new Dictionary<string, string> { ["retry-after-ms"] = "20" });
                server.EnqueueResponse(500, "{\"error\":{\"message\":\"Oops.\",\"type\":\"server_error\",\"param\":null,\"code\":null}}", new Dictionary<string, string> { ["retry-after-ms"] = "20" });
                server.EnqueueResponse(200, "{\"created\":1,\"data\":[{\"b64_json\":\"" + Png + "\"}]}");
            }

            var folder = Tool.NewFolder();
            var table = Tool.Csv(folder, "rows.csv", new[] { "id,prompt" }.Concat(Enumerable.Range(1, 200).Select(i => "r" + i + ",otter number " + i)));

            var run = await Tool.RunAsync(folder, Environment(server), "batch", table, "--out", "out", "--parallel", "1", "--model", "dall-e-2", "--size", "256x256", "--response-format", "b64_json");

            Assert.True(run.ExitCode == 0, run.ToString());
            var results = File.ReadAllLines(Path.Combine(folder, "out", "results.csv"));
            Assert.Equal("id,status,file,revised_prompt,size,quality,output_format,input_tokens,output_tokens,cost_usd,error_type,error_code,error_message,request_id", results[0]);
            Assert.Equal(200, results.Skip(1).Count(l => l.Contains(",ok,", StringComparison.Ordinal)));
            Assert.Equal(200, Directory.GetFiles(Path.Combine(folder, "out"), "r*.png").Length);
            Assert.Equal(210, server.Requests.Count); // every row once, plus the ten scripted failures the client retried
            Assert.DoesNotContain("failed:", run.Output);
            Assert.DoesNotContain("rate limited", run.Output); // the client's retries were enough: the batch never had to slow down
            Assert.DoesNotContain('\u001b', run.Output); // redirected: plain lines, no control codes
            Assert.Contains("Wrote 200 image(s)", run.Output);
        }

        [Fact]
        public async Task InvalidRows_AreRefused_BeforeAnyRequest_UnlessSkipped()
        {
            await using var server = await LocalImageServer.StartAsync(new LocalImageServerOptions { ApiKey = Key });
            var folder = Tool.NewFolder();
            var table = Tool.Csv(folder, "rows.csv", new[] { "id,prompt,model,n,quality", "ok1,otter,dall-e-3,,hd", "bad,otter,dall-e-3,4,", "worse,otter,gpt-image-1,,ultra" });

            var refused = await Tool.RunAsync(folder, Environment(server), "batch", table, "--out", "out");

            Assert.Equal(2, refused.ExitCode);
            Assert.Empty(server.Requests);
            Assert.Contains("invalid row 3 (bad): n \"4\" must be at most 1 when model is dall-e-3.", refused.Output);
            Assert.Contains("quality 'ultra' is not valid for model 'gpt-image-1'; allowed values: standard, hd, low, medium, high, auto. It is not a value create-image knows: --unchecked sends it without the model's checks.", refused.Output);

            var dry = await Tool.RunAsync(folder, Environment(server), "batch", table, "--out", "out", "--dry-run");
            Assert.Equal(2, dry.ExitCode);
            Assert.Empty(server.Requests);

            var skipped = await Tool.RunAsync(folder, Environment(server), "batch", table, "--out", "out", "--skip-invalid");
            Assert.Equal(1, skipped.ExitCode);
            Assert.Single(server.Requests);
            var statuses = File.ReadAllLines(Path.Combine(folder, "out", "results.csv")).Skip(1).Select(l => l.Split(',')[0] + ":" + l.Split(',')[1]).OrderBy(s => s);
            Assert.Equal(new[] { "bad:invalid", "ok1:ok", "worse:invalid" }, statuses);
        }

        [Fact]
        public async Task JsonLinesAndQuotedCsv_WithUnicodeAndEmptyCells_AreRead()
        {
            await using var server = await LocalImageServer.StartAsync(new LocalImageServerOptions { ApiKey = Key });
            var folder = Tool.NewFolder();
            File.WriteAllText(Path.Combine(folder, "rows.jsonl"),
                "{\"id\":\"a\",\"prompt\":\"京都の紅葉\",\"model\":\"gpt-image-1\",\"quality\":\"low\"}\n\n{\"id\":\"b\",\"prompt\":\"Line \\\"one\\\", two\",\"model\":\"gpt-image-1\",\"quality\":null}\n");
            var csv = Tool.Csv(folder, "rows.csv", new[] { "id,prompt,model,quality", "c,\"A fox, \"\"quoted\"\", ünïcødé\",gpt-image-1,", "d,plain,gpt-image-1,low" });

            var jsonl = await Tool.RunAsync(folder, Environment(server), "batch", "rows.jsonl", "--out", "jsonl");
            var fromCsv = await Tool.RunAsync(folder, Environment(server), "batch", csv, "--out", "csv");

            Assert.True(jsonl.ExitCode == 0, jsonl.ToString());
            Assert.True(fromCsv.ExitCode == 0, fromCsv.ToString());
            var prompts = server.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("prompt").GetString()).ToList();
            Assert.Equal(new[] { "京都の紅葉", "Line \"one\", two", "A fox, \"quoted\", ünïcødé", "plain" }, prompts.OrderBy(p => p == "京都の紅葉" ? 0 : p!.StartsWith("Line") ? 1 : p.StartsWith("A fox") ? 2 : 3));
            var results = File.ReadAllLines(Path.Combine(folder, "jsonl", "results.jsonl"));
            Assert.Equal(2, results.Length);
            Assert.All(results, line => Assert.Equal("ok", JsonDocument.Parse(line).RootElement.GetProperty("status").GetString()));
        }

        [Fact]
        public async Task KilledHalfway_AndRunAgain_NeverResendsAFinishedRow()
        {
            await using var server = await LocalImageServer.StartAsync(new LocalImageServerOptions { ApiKey = Key, ResponseDelay = TimeSpan.FromMilliseconds(150) });
            var folder = Tool.NewFolder();
            var table = Tool.Csv(folder, "rows.csv", new[] { "id,prompt" }.Concat(Enumerable.Range(1, 40).Select(i => "k" + i + ",otter " + i)));
            var arguments = new[] { "batch", table, "--out", "out", "--parallel", "2", "--model", "dall-e-2", "--size", "256x256", "--response-format", "b64_json" };
            var journal = Path.Combine(folder, "out", ".create-image-journal.jsonl");

            using (var first = Tool.Start(folder, Environment(server), arguments))
            {
                // Killed for real (not a flag) once some rows are done and others are in flight.
                using var bound = new System.Threading.CancellationTokenSource(TimeSpan.FromMinutes(2));
                while (!bound.IsCancellationRequested && (!File.Exists(journal) || ReadJournal(journal).Count(e => e.State == "ok") < 10)) await Task.Delay(20);
                first.Kill(entireProcessTree: true);
                await first.WaitForExitAsync();
            }

            var afterKill = ReadJournal(journal);
            var finished = afterKill.Where(e => e.State == "ok").Select(e => e.Id).ToHashSet();
            var inFlight = afterKill.Where(e => e.State == "started").Select(e => e.Id).Except(finished).ToHashSet();
            Assert.InRange(finished.Count, 10, 39);

            var second = await Tool.RunAsync(folder, Environment(server), arguments);
            Assert.True(second.ExitCode == (inFlight.Count > 0 ? 1 : 0), second.ToString()); // rows left unfinished are not "all done"
            foreach (var id in inFlight) Assert.Contains("unfinished: " + id, second.Output);

            var third = await Tool.RunAsync(folder, Environment(server), arguments.Append("--retry-unfinished").ToArray());
            Assert.True(third.ExitCode == 0, third.ToString());

            // The server's own count: a row finished before the kill was sent once in all three runs.
            var sent = server.Requests.GroupBy(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("prompt").GetString()!).ToDictionary(g => g.Key, g => g.Count());
            foreach (var id in finished) Assert.Equal(1, sent["otter " + id.Substring(1)]);
            Assert.Equal(40, sent.Count);
            Assert.Equal(40, File.ReadAllLines(Path.Combine(folder, "out", "results.csv")).Skip(1).Select(l => l.Split(',')[0]).Distinct().Count());
        }

        [Fact]
        public async Task SingleImage_WritesTheFile_AndRawPrintsTheAnswer()
        {
            await using var server = await LocalImageServer.StartAsync(new LocalImageServerOptions { ApiKey = Key });
            var folder = Tool.NewFolder();

            var single = await Tool.RunAsync(folder, Environment(server), "A cute baby sea otter", "--model", "gpt-image-1.5", "--size", "1536x1024", "--out", "otter.png");
            var raw = await Tool.RunAsync(folder, Environment(server), "otter", "--model", "gpt-image-1", "--raw");
            var bad = await Tool.RunAsync(folder, Environment(server), "otter", "--model", "dall-e-3", "--size", "1000x1000");

            Assert.True(single.ExitCode == 0, single.ToString());
            Assert.True(new FileInfo(Path.Combine(folder, "otter.png")).Length > 0);
            Assert.True(raw.ExitCode == 0, raw.ToString());
            Assert.StartsWith("200 OK", raw.Output);
            Assert.Contains("\"b64_json\"", raw.Output);
            Assert.Equal(2, bad.ExitCode);
            Assert.Contains("allowed values: 1024x1024, 1792x1024, 1024x1792", bad.Error);

            // The parser's own refusals (an unknown option, a number that is not one) are bad input too: exit code 2.
            var unknown = await Tool.RunAsync(folder, Environment(server), "otter", "--bogus", "x");
            var notNumber = await Tool.RunAsync(folder, Environment(server), "batch", "rows.csv", "--parallel", "many");
            Assert.Equal(2, unknown.ExitCode);
            Assert.Contains("error: Unrecognized command or argument '--bogus'", unknown.Error);
            Assert.Equal(2, notNumber.ExitCode);
            Assert.Contains("--parallel", notNumber.Error);
            Assert.Equal(2, server.Requests.Count);
        }

        [Fact]
        public async Task Repeated429s_BeyondTheClientsRetries_SlowTheBatchDown_AndTheRowIsSentAgain()
        {
            await using var server = await LocalImageServer.StartAsync(new LocalImageServerOptions { ApiKey = Key });
            for (var i = 0; i < 3; i++) server.EnqueueResponse(429, "{\"error\":{\"message\":\"Slow down.\",\"type\":\"requests\",\"param\":null,\"code\":\"rate_limit_exceeded\"}}", new Dictionary<string, string> { ["retry-after-ms"] = "300" });
            var folder = Tool.NewFolder();
            var table = Tool.Csv(folder, "rows.csv", new[] { "id,prompt", "a,otter a", "b,otter b", "c,otter c" });

            var run = await Tool.RunAsync(folder, Environment(server), "batch", table, "--out", "out", "--parallel", "1", "--model", "gpt-image-1");

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains("rate limited: pausing new requests for 0.3 s.", run.Output);
            Assert.Equal(6, server.Requests.Count); // three 429s (one row's three attempts), then each row once
            Assert.Equal(3, File.ReadAllLines(Path.Combine(folder, "out", "results.csv")).Skip(1).Count(l => l.Contains(",ok,", StringComparison.Ordinal)));
        }

        [Fact]
        public async Task CtrlC_StopsCleanly_AndTheSameCommandFinishesTheRest()
        {
            await using var server = await LocalImageServer.StartAsync(new LocalImageServerOptions { ApiKey = Key, ResponseDelay = TimeSpan.FromMilliseconds(200) });
            var folder = Tool.NewFolder();
            var table = Tool.Csv(folder, "rows.csv", new[] { "id,prompt" }.Concat(Enumerable.Range(1, 30).Select(i => "c" + i + ",otter " + i)));
            var arguments = new[] { "batch", table, "--out", "out", "--parallel", "2", "--model", "dall-e-2", "--size", "256x256", "--response-format", "b64_json" };
            var journal = Path.Combine(folder, "out", ".create-image-journal.jsonl");

            using var first = Tool.Start(folder, Environment(server), arguments);
            var output = first.StandardOutput.ReadToEndAsync();
            var error = first.StandardError.ReadToEndAsync();
            using (var bound = new System.Threading.CancellationTokenSource(TimeSpan.FromMinutes(2)))
            {
                while (!bound.IsCancellationRequested && (!File.Exists(journal) || ReadJournal(journal).Count(e => e.State == "ok") < 5)) await Task.Delay(20);
            }

            // SIGINT, as Ctrl+C sends it.
            using (var interrupt = System.Diagnostics.Process.Start("kill", new[] { "-INT", first.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) })!) await interrupt.WaitForExitAsync();
            await first.WaitForExitAsync();

            Assert.Equal(1, first.ExitCode);
            Assert.Contains("Stopping after the rows in flight", await error);
            Assert.Contains("Stopped: run the same command again", await output);
            var done = ReadJournal(journal).Where(e => e.State == "ok").Select(e => e.Id).ToHashSet();
            var resultIds = File.ReadAllLines(Path.Combine(folder, "out", "results.csv")).Skip(1).Select(l => l.Split(',')[0]).ToHashSet();
            Assert.Equal(done, resultIds); // the journal and the results agree: nothing half-written
            Assert.InRange(done.Count, 5, 29);

            var rest = await Tool.RunAsync(folder, Environment(server), arguments.Append("--retry-unfinished").ToArray());
            Assert.True(rest.ExitCode == 0, rest.ToString());
            Assert.Equal(30, File.ReadAllLines(Path.Combine(folder, "out", "results.csv")).Skip(1).Select(l => l.Split(',')[0]).Distinct().Count());
        }

        [Fact]
        public async Task SettingsFileAndFlags_FillEmptyCells_AndRawKeepsEachAnswer()
        {
            await using var server = await LocalImageServer.StartAsync(new LocalImageServerOptions { ApiKey = Key });
            var folder = Tool.NewFolder();
            File.WriteAllText(Path.Combine(folder, "defaults.json"), "{\"model\": \"gpt-image-1\", \"quality\": \"low\", \"size\": \"1024x1536\"}");
            var table = Tool.Csv(folder, "rows.csv", new[] { "id,prompt,quality", "s1,otter,", "s2,otter,high" });

            var run = await Tool.RunAsync(folder, Environment(server), "batch", table, "--out", "out", "--settings", "defaults.json", "--size", "1536x1024", "--raw");

            Assert.True(run.ExitCode == 0, run.ToString());
            var bodies = server.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement).OrderBy(b => b.GetProperty("quality").GetString()).ToList();
            Assert.Equal(new[] { "high", "low" }, bodies.Select(b => b.GetProperty("quality").GetString()));
            Assert.All(bodies, b => Assert.Equal("1536x1024", b.GetProperty("size").GetString()));   // the flag wins over the file
            Assert.All(bodies, b => Assert.Equal("gpt-image-1", b.GetProperty("model").GetString()));
            using var kept = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "out", "s1.response.json")));
            Assert.Equal(200, kept.RootElement.GetProperty("status").GetInt32());
            Assert.Contains("b64_json", kept.RootElement.GetProperty("body").GetString());
        }

        [Fact]
        public async Task ASecondRunOnTheSameFolder_IsRefused_WhileTheFirstIsAlive()
        {
            await using var server = await LocalImageServer.StartAsync(new LocalImageServerOptions { ApiKey = Key, ResponseDelay = TimeSpan.FromMilliseconds(300) });
            var folder = Tool.NewFolder();
            var table = Tool.Csv(folder, "rows.csv", new[] { "id,prompt" }.Concat(Enumerable.Range(1, 20).Select(i => "l" + i + ",otter " + i)));
            var arguments = new[] { "batch", table, "--out", "out", "--parallel", "1", "--model", "gpt-image-1" };
            var journal = Path.Combine(folder, "out", ".create-image-journal.jsonl");

            using var first = Tool.Start(folder, Environment(server), arguments);
            using (var bound = new System.Threading.CancellationTokenSource(TimeSpan.FromMinutes(2)))
            {
                while (!bound.IsCancellationRequested && (!File.Exists(journal) || ReadJournal(journal).Count < 1)) await Task.Delay(20);
            }

            var second = await Tool.RunAsync(folder, Environment(server), arguments);
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();

            Assert.Equal(2, second.ExitCode);
            Assert.Contains("another create-image run is using out", second.Output);
            var after = await Tool.RunAsync(folder, Environment(server), arguments.Append("--retry-unfinished").ToArray()); // the lock died with the process
            Assert.True(after.ExitCode == 0, after.ToString());
        }

        private static List<(string Id, string State)> ReadJournal(string path)
        {
            var entries = new List<(string, string)>();
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            string? line;
            while ((line = reader.ReadLine()) != null)
            {
                try
                {
                    using var document = JsonDocument.Parse(line);
                    entries.Add((document.RootElement.GetProperty("id").GetString()!, document.RootElement.GetProperty("state").GetString()!));
                }
                catch (JsonException)
                {
                    // A line being written right now.
                }
            }

            return entries;
        }
    }
}
