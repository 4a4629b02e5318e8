using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CsCheck;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace CreateImageSdk.Tests.Faults
{
    /// <summary>
    /// Property tests over real sockets: generated and mutated response bodies (JSON and event streams) sent
    /// through the public client yield a result or one of the SDK's exceptions, never another exception, never a hang.
    /// </summary>
    public class MutatedResponseTests
    {
        private static readonly string[] JsonSeeds =
        {
            Fault.OkBody,
            "{\"created\":1713833628,\"data\":[{\"url\":\"https://example.com/a.png\",\"revised_prompt\":\"an otter\"}],\"usage\":{\"total_tokens\":100,\"input_tokens\":50,\"output_tokens\":50,\"input_tokens_details\":{\"text_tokens\":10,\"image_tokens\":40}}}",
            "{\"created\":1,\"background\":\"opaque\",\"output_format\":\"png\",\"quality\":\"high\",\"size\":\"1024x1024\",\"data\":[{\"b64_json\":\"iVBORw0KGgo=\"},{\"b64_json\":\"AAAA\"}]}",
            "{\"error\":{\"message\":\"Incorrect API key provided: " + FaultTests.MaskedKey + ".\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}",
        };

        private static readonly string[] StreamSeeds =
        {
            Fault.PartialEvent + Fault.CompletedEvent,
            Fault.CompletedEvent,
            "event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"image_generation_user_error\",\"code\":\"moderation_blocked\",\"message\":\"blocked\",\"param\":null}}\n\n",
            ": keep-alive\n\n" + Fault.PartialEvent + "data: {\"type\":\"image_generation.completed\"}\n\n",
        };

        private static readonly byte[] Interesting = Encoding.UTF8.GetBytes("{}[]\":,\\ \n\r0-9eE.tfn*\u00e9").Concat(new byte[] { 0xFF, 0xC3, 0x00, 0x80 }).ToArray();

        /// <summary>One edit of a body: where (as a fraction of its length), what, and how much.</summary>
        private static readonly Gen<(int Kind, double At, int Length, byte Value)> Mutation =
            Gen.Select(Gen.Int[0, 4], Gen.Double[0, 1], Gen.Int[1, 64], Gen.Int[0, Interesting.Length - 1].Select(i => Interesting[i]));

        private static readonly Gen<Case> Cases =
            Gen.Select(Gen.Int[0, JsonSeeds.Length + StreamSeeds.Length - 1], Mutation.Array[0, 6], Gen.OneOf(200, 200, 200, 201, 400, 429, 500), Gen.OneOf("application/json", "text/html", "text/event-stream", ""))
               .Select((seed, edits, status, type) => new Case(seed, edits, status, type));

        [Fact]
        public async Task TenThousandMutatedBodies_YieldOnlyTheSdksExceptions_AndNeverHang()
        {
            Case? current = null;
            await using var server = await FaultServer.StartAsync(context => Answer(context, current!));
            using var client = FaultTests.Client(server, o =>
            {
                o.MaxRetries = 0;
                o.Timeout = TimeSpan.FromSeconds(20);
            });
            var outcomes = new Dictionary<string, int>();

            await Cases.SampleAsync(async @case =>
            {
                current = @case;
                using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                string outcome;
                try
                {
                    if (@case.IsStream)
                    {
                        await foreach (var update in client.CreateImage("otter").WithModel(ImageModel.GptImage1).StreamAsync(bound.Token)) { }
                    }
                    else
                    {
                        await client.CreateImage("otter").SendAsync(bound.Token);
                    }

                    outcome = "ok";
                }
                catch (ImageClientException ex)
                {
                    FaultTests.AssertNoSecret(ex);
                    outcome = ex.GetType().Name;
                }
                catch (Exception ex)
                {
                    throw new Xunit.Sdk.XunitException("Not one of the SDK's exceptions for " + @case + ":\n" + ex);
                }

                lock (outcomes) outcomes[outcome] = outcomes.TryGetValue(outcome, out var n) ? n + 1 : 1;
            }, iter: 10_000, threads: 1, print: c => c.ToString());

            // The generator reached every kind of outcome, so the property was exercised, not vacuously true.
            Assert.Contains("ok", outcomes.Keys);
            Assert.Contains(nameof(ImageResponseFormatException), outcomes.Keys);
            Assert.Contains(nameof(ImageApiException), outcomes.Keys);
        }

        private static Task Answer(HttpContext context, Case @case)
        {
            context.Response.StatusCode = @case.Status;
            if (@case.ContentType.Length > 0) context.Response.ContentType = @case.ContentType;
            var body = @case.Body();
            context.Response.ContentLength = body.Length;
            return context.Response.Body.WriteAsync(body, context.RequestAborted).AsTask();
        }

        private sealed class Case
        {
            private readonly int _seed;
            private readonly (int Kind, double At, int Length, byte Value)[] _edits;

            public Case(int seed, (int Kind, double At, int Length, byte Value)[] edits, int status, string contentType)
            {
                _seed = seed;
                _edits = edits;
                Status = status;
                ContentType = contentType;
            }

            public int Status { get; }

            public string ContentType { get; }

            public bool IsStream => _seed >= JsonSeeds.Length;

            public byte[] Body()
            {
                var bytes = new List<byte>(Encoding.UTF8.GetBytes(IsStream ? StreamSeeds[_seed - JsonSeeds.Length] : JsonSeeds[_seed]));
                foreach (var (kind, at, length, value) in _edits)
                {
                    var position = Math.Min((int)(at * bytes.Count), bytes.Count);
                    var count = Math.Min(length, bytes.Count - position);
                    switch (kind)
                    {
                        case 0: if (position < bytes.Count) bytes[position] = value; break;
                        case 1: bytes.RemoveRange(position, count); break;
                        case 2: bytes.InsertRange(position, Enumerable.Repeat(value, Math.Min(length, 4))); break;
                        case 3: bytes.InsertRange(position, bytes.GetRange(position, count)); break;
                        default: bytes.RemoveRange(position, bytes.Count - position); break;
                    }
                }

                return bytes.ToArray();
            }

            public override string ToString() =>
                "seed " + _seed + ", status " + Status + ", content type '" + ContentType + "', edits [" + string.Join("; ", _edits) + "], body: " + Encoding.UTF8.GetString(Body());
        }
    }
}
