using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CreateImageSdk.Benchmarks
{
    /// <summary>
    /// Whether the client should ask for compressed answers (<c>Accept-Encoding</c>): one 4 x 1.5 MB answer over a
    /// real loopback socket from Kestrel, which sends it as it was asked (identity, gzip or Brotli, compressed ahead
    /// of time, so only the client's cost is measured). The wire bytes column is what crossed the socket.
    /// </summary>
    [MemoryDiagnoser]
    [Config(typeof(Config))]
    public class CompressionBenchmarks
    {
        private static readonly Dictionary<string, byte[]> Encoded = new Dictionary<string, byte[]>();

        private WebApplication _server = null!;
        private ImageClient _client = null!;

        [Params("identity", "gzip", "br")]
        public string Encoding { get; set; } = "identity";

        [GlobalSetup]
        public async Task Setup()
        {
            var body = Bodies.Json(4, 1_500_000, out _);
            Encoded["identity"] = body;
            Encoded["gzip"] = Compress(body, s => new GZipStream(s, CompressionLevel.Optimal, leaveOpen: true));
            Encoded["br"] = Compress(body, s => new BrotliStream(s, CompressionLevel.Optimal, leaveOpen: true));

            var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
            builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
            _server = builder.Build();
            _server.Run(async context =>
            {
                var accepted = context.Request.Headers.AcceptEncoding.ToString();
                var encoding = accepted.Contains("br", StringComparison.Ordinal) ? "br" : accepted.Contains("gzip", StringComparison.Ordinal) ? "gzip" : "identity";
                var bytes = Encoded[encoding];
                context.Response.ContentType = "application/json";
                if (encoding != "identity") context.Response.Headers.ContentEncoding = encoding;
                context.Response.ContentLength = bytes.Length;
                await context.Response.Body.WriteAsync(bytes);
            });
            await _server.StartAsync();
            var port = new Uri(_server.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First()).Port;

            var decompression = Encoding switch
            {
                "gzip" => DecompressionMethods.GZip,
                "br" => DecompressionMethods.Brotli,
                _ => DecompressionMethods.None,
            };
            _client = new ImageClient(new ImageClientOptions
            {
                ApiKey = "sk-benchmark",
                BaseUri = new Uri("http://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture) + "/v1/"),
                HttpClient = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = decompression, AllowAutoRedirect = false }) { Timeout = System.Threading.Timeout.InfiniteTimeSpan },
            });
        }

        [GlobalCleanup]
        public async Task Cleanup()
        {
            _client.Dispose();
            await _server.StopAsync();
            await _server.DisposeAsync();
        }

        [Benchmark]
        public Task<ImagesResponse> Ours() => _client.CreateImage("A cute baby sea otter").WithModel(ImageModel.GptImage1).WithCount(4).SendAsync();

        private static byte[] Compress(byte[] body, Func<Stream, Stream> compressor)
        {
            using var buffer = new MemoryStream();
            using (var stream = compressor(buffer)) stream.Write(body);
            return buffer.ToArray();
        }

        /// <summary>Adds the bytes that crossed the socket for each encoding.</summary>
        private sealed class Config : ManualConfig
        {
            public Config() => AddColumn(new WireBytesColumn());
        }

        private sealed class WireBytesColumn : IColumn
        {
            public string Id => nameof(WireBytesColumn);

            public string ColumnName => "Wire bytes";

            public bool AlwaysShow => true;

            public ColumnCategory Category => ColumnCategory.Custom;

            public int PriorityInCategory => 0;

            public bool IsNumeric => true;

            public UnitType UnitType => UnitType.Size;

            public string Legend => "Body bytes on the wire for the encoding";

            public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

            public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
            {
                var encoding = benchmarkCase.Parameters.Items.First(p => p.Name == nameof(Encoding)).Value as string ?? "identity";
                var body = Bodies.Json(4, 1_500_000, out _);
                var size = encoding switch
                {
                    "gzip" => Compress(body, s => new GZipStream(s, CompressionLevel.Optimal, leaveOpen: true)).Length,
                    "br" => Compress(body, s => new BrotliStream(s, CompressionLevel.Optimal, leaveOpen: true)).Length,
                    _ => body.Length,
                };
                return size.ToString("#,0", CultureInfo.InvariantCulture) + " (" + (size * 100.0 / body.Length).ToString("0", CultureInfo.InvariantCulture) + "%)";
            }

            public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

            public bool IsAvailable(Summary summary) => true;
        }
    }
}
