using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using CreateImageSdk.Batches;
using CreateImageSdk.LocalServer;
using Xunit;

namespace CreateImageSdk.Tests.Batches
{
    /// <summary>The Files and Batches API calls and the batch job, through a real Kestrel server (the local server's emulation).</summary>
    public class BatchApiTests
    {
        private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

        private static ImageClient Client(LocalImageServer server) =>
            new ImageClient(new ImageClientOptions { BaseUri = server.BaseUri, ApiKey = LocalImageServer.DefaultApiKey });

        private static CreateImageRequest Request(string prompt, string quality = "low") =>
            new CreateImageRequest { Prompt = prompt, Model = ImageModel.GptImage1Mini, Size = ImageSize.Size1024x1024, Quality = ImageQuality.Custom(quality) };

        [Fact]
        public void A_job_splits_by_endpoint_and_at_the_request_and_byte_limits_and_refuses_bad_entries()
        {
            var job = new ImageBatchJob { MaxRequestsPerBatch = 3, MaxInputFileBytes = 2048 };
            for (var i = 0; i < 7; i++) job.Add("g" + i, Request("a cat " + i));
            job.Add("e0", new EditImageWithReferencesRequest { Prompt = "brighter", Model = ImageModel.GptImage1Mini, Images = new[] { new ImageReference { FileId = "file-abc" } } });
            job.Add("big", Request(new string('x', 1800)));

            var inputs = job.Split();

            Assert.Equal(new[] { "g0,g1,g2", "g3,g4,g5", "g6", "big", "e0" }, inputs.Select(i => string.Join(",", i.CustomIds)));
            Assert.All(inputs, i => Assert.True(i.Length <= 2048));
            Assert.Equal(ImageBatchJob.EditsEndpoint, inputs[4].Endpoint);
            var firstLine = new StreamReader(inputs[0].OpenRead()).ReadLine()!;
            Assert.StartsWith("{\"custom_id\":\"g0\",\"method\":\"POST\",\"url\":\"/v1/images/generations\",\"body\":{", firstLine);
            Assert.Throws<ArgumentException>(() => job.Add("g1", Request("again")));
            Assert.Throws<ImageRequestValidationException>(() => job.Add("bad", new CreateImageRequest { Prompt = "x", Model = ImageModel.DallE3, Count = 5 }));
            Assert.Throws<ArgumentException>(() => job.Add("stream", Request("x") with { Stream = true }));
            Assert.Throws<ArgumentOutOfRangeException>(() => new ImageBatchJob { MaxRequestsPerBatch = 50_001 });
            Assert.Equal(9, job.Count);
        }

        [Fact]
        public async Task A_job_runs_through_the_Batch_API_into_typed_responses_and_the_errors_a_live_call_gives()
        {
            await using var server = await LocalImageServer.StartAsync(new LocalImageServerOptions { BatchStepDelay = TimeSpan.FromMilliseconds(20) });
            using var client = Client(server);
            var job = new ImageBatchJob { MaxRequestsPerBatch = 2 }
                .Add("fox", Request("a fox"))
                .Add("owl", Request("an owl"))
                .Add("ultra", ImageRequestOf(ImageModel.Unchecked("gpt-image-1-mini"), "ultra"));

            var inputs = job.Split();
            var batches = await client.SubmitBatchJobAsync(job, new Dictionary<string, string> { ["run"] = "test" });

            Assert.Equal(2, batches.Count);
            Assert.Equal(ImageBatchStatus.Validating, batches[0].Status);
            Assert.Equal("test", batches[0].Metadata!["run"]);
            var seen = new List<ImageBatchStatus>();
            var results = new List<ImageBatchResult>();
            foreach (var (batch, input) in batches.Zip(inputs))
            {
                var done = await client.WaitForBatchAsync(batch.Id, new SyncProgress(b => seen.Add(b.Status)), Poll);
                Assert.Equal(ImageBatchStatus.Completed, done.Status);
                Assert.True(done.CompletedAt >= done.CreatedAt);
                await foreach (var result in client.ReadBatchResultsAsync(done, input.CustomIds)) results.Add(result);
            }

            Assert.Equal(ImageBatchStatus.Completed, seen[^1]);
            Assert.Equal(3, results.Count);
            var fox = results.Single(r => r.CustomId == "fox");
            Assert.True(fox.Succeeded);
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, fox.Response!.Data[0].Bytes!.Value.Span.Slice(0, 4).ToArray());
            Assert.NotNull(fox.Response.Usage);
            var ultra = results.Single(r => r.CustomId == "ultra");
            Assert.Equal(ImageBatchOutcome.Failed, ultra.Outcome);
            var error = Assert.IsType<ImageApiException>(ultra.Error);
            Assert.Equal(400, error.StatusCode);
            Assert.Equal("invalid_value", error.ErrorCode);
            Assert.StartsWith("The image API answered 400 Bad Request: ", error.Message);
            Assert.Same(error, Assert.Throws<ImageApiException>(() => ultra.GetResponseOrThrow()));
            // A create is made once per input file, and a second create for the same file finds the first.
            Assert.Equal(batches[0].Id, (await client.CreateBatchOnceAsync(batches[0].InputFileId, ImageBatchJob.GenerationsEndpoint)).Id);
            Assert.Equal(2, server.Batches.Count);
            Assert.Equal(2, await CountAsync(client.ListBatchesAsync()));
        }

        [Fact]
        public async Task Expired_cancelled_and_refused_batches_report_every_request()
        {
            await using var server = await LocalImageServer.StartAsync(new LocalImageServerOptions
            {
                BatchStepDelay = TimeSpan.FromMilliseconds(20), BatchLineDelay = TimeSpan.FromMilliseconds(250), BatchCompletionWindow = TimeSpan.FromMilliseconds(1200),
            });
            using var client = Client(server);
            var ids = Enumerable.Range(0, 8).Select(i => "r" + i).ToList();
            var job = new ImageBatchJob();
            foreach (var id in ids) job.Add(id, Request("a " + id));
            var input = job.Split().Single();

            var expired = await client.WaitForBatchAsync((await client.SubmitBatchAsync(input)).Id, null, Poll);
            Assert.Equal(ImageBatchStatus.Expired, expired.Status);
            var afterExpiry = await ToListAsync(client.ReadBatchResultsAsync(expired, ids));
            Assert.Equal(ids.OrderBy(i => i), afterExpiry.Select(r => r.CustomId).OrderBy(i => i));
            Assert.True(afterExpiry.Any(r => r.Succeeded), string.Join("; ", afterExpiry.Select(r => r.CustomId + " " + r.Outcome + " " + r.Error?.Message)));
            var late = afterExpiry.First(r => r.Outcome == ImageBatchOutcome.Expired);
            Assert.Equal("batch_expired", Assert.IsType<ImageBatchRequestException>(late.Error).Code);

            await using var slow = await LocalImageServer.StartAsync(new LocalImageServerOptions { BatchStepDelay = TimeSpan.FromMilliseconds(20), BatchLineDelay = TimeSpan.FromMilliseconds(200) });
            using var slowClient = Client(slow);
            var running = await slowClient.SubmitBatchAsync(input);
            await Task.Delay(300);
            Assert.Equal(ImageBatchStatus.Cancelling, (await slowClient.CancelBatchAsync(running.Id)).Status);
            var cancelled = await slowClient.WaitForBatchAsync(running.Id, null, Poll);
            Assert.Equal(ImageBatchStatus.Cancelled, cancelled.Status);
            var afterCancel = await ToListAsync(slowClient.ReadBatchResultsAsync(cancelled, ids));
            Assert.Equal(8, afterCancel.Count);
            Assert.Contains(afterCancel, r => r.Outcome == ImageBatchOutcome.Cancelled);
            var conflict = await Assert.ThrowsAsync<ImageApiException>(() => slowClient.CancelBatchAsync(running.Id));
            Assert.Equal(409, conflict.StatusCode);

            // An input file the service refuses: the batch fails, and each expected id says why.
            var file = await slowClient.UploadStreamAsync(new MemoryStream(Encoding.UTF8.GetBytes("{\"custom_id\":\"x\",\"method\":\"GET\",\"url\":\"/v1/images/generations\",\"body\":{}}\nnot json\n")), "bad.jsonl", "batch");
            var refused = await slowClient.WaitForBatchAsync((await slowClient.CreateBatchAsync(file.Id, ImageBatchJob.GenerationsEndpoint)).Id, null, Poll);
            Assert.Equal(ImageBatchStatus.Failed, refused.Status);
            Assert.Equal(new int?[] { 1, 2 }, refused.Errors!.Data.Select(e => e.Line));
            var notRun = Assert.Single(await ToListAsync(slowClient.ReadBatchResultsAsync(refused, new[] { "x" })));
            Assert.Equal(ImageBatchOutcome.NotRun, notRun.Outcome);
            Assert.Contains("line 2: This line is not parseable as valid JSON.", notRun.Error!.Message);
        }

        [Fact]
        public async Task Files_upload_read_download_and_delete_and_a_missing_one_is_a_404()
        {
            await using var server = await LocalImageServer.StartAsync();
            using var client = Client(server);
            var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".jsonl");
            File.WriteAllText(path, "hello\n");
            try
            {
                var file = await client.UploadFileAsync(path, "batch");
                Assert.Equal(6, file.Bytes);
                Assert.Equal("batch", file.Purpose);
                Assert.Equal(file.Id, (await client.GetFileAsync(file.Id)).Id);
                using var copy = new MemoryStream();
                Assert.Equal(6, await client.DownloadFileAsync(file.Id, copy));
                Assert.Equal("hello\n", Encoding.UTF8.GetString(copy.ToArray()));
                await client.DeleteFileAsync(file.Id);
                var missing = await Assert.ThrowsAsync<ImageApiException>(() => client.GetFileAsync(file.Id));
                Assert.Equal(404, missing.StatusCode);
                await Assert.ThrowsAsync<FileNotFoundException>(() => client.UploadFileAsync(path + ".gone", "batch"));
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public async Task Rate_limit_headers_reach_the_typed_response_and_the_429()
        {
            await using var server = await LocalImageServer.StartAsync(new LocalImageServerOptions { ImagesPerMinute = 2 });
            using var client = new ImageClient(new ImageClientOptions { BaseUri = server.BaseUri, ApiKey = LocalImageServer.DefaultApiKey, MaxRetries = 0 });

            var first = await client.CreateImageAsync(Request("one") with { ResponseFormat = null });
            Assert.Equal(2, first.RateLimit!.LimitRequests);
            Assert.Equal(1, first.RateLimit.RemainingRequests);
            Assert.InRange(first.RateLimit.ResetRequests!.Value.TotalSeconds, 20, 31);
            await client.CreateImageAsync(Request("two"));
            var limited = await Assert.ThrowsAsync<ImageApiException>(() => client.CreateImageAsync(Request("three")));
            Assert.Equal(429, limited.StatusCode);
            Assert.Equal("rate_limit_exceeded", limited.ErrorCode);
            Assert.Equal(0, limited.RateLimit!.RemainingRequests);
        }

        [Theory]
        [InlineData("1s", 1.0)]
        [InlineData("6m0s", 360.0)]
        [InlineData("20ms", 0.02)]
        [InlineData("1h2m3.5s", 3723.5)]
        [InlineData("0.25", 0.25)]
        public void Durations_read_as_the_service_writes_them(string text, double seconds)
        {
            var limit = ImageRateLimit.FromHeaders(new Dictionary<string, IReadOnlyList<string>> { ["x-ratelimit-reset-requests"] = new[] { text } });
            Assert.Equal(seconds, limit!.ResetRequests!.Value.TotalSeconds, 6);
            Assert.Null(ImageRateLimit.FromHeaders(new Dictionary<string, IReadOnlyList<string>> { ["x-ratelimit-reset-requests"] = new[] { "soon" } }));
        }

        private static CreateImageRequest ImageRequestOf(ImageModel model, string quality) =>
            new CreateImageRequest { Prompt = "an eel", Model = model, Size = ImageSize.Size1024x1024, Quality = ImageQuality.Custom(quality) };

        private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
        {
            var list = new List<T>();
            await foreach (var item in items) list.Add(item);
            return list;
        }

        private static async Task<int> CountAsync<T>(IAsyncEnumerable<T> items) => (await ToListAsync(items)).Count;

        private sealed class SyncProgress : IProgress<ImageBatch>
        {
            private readonly Action<ImageBatch> _report;

            public SyncProgress(Action<ImageBatch> report) => _report = report;

            public void Report(ImageBatch value) => _report(value);
        }
    }
}
