using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CreateImageSdk.Tests.Faults
{
    /// <summary>
    /// A Kestrel server on 127.0.0.1 whose answer to each attempt is scripted, and which counts attempts itself,
    /// so a test knows how many requests really reached the wire. When the script runs out, its last step repeats.
    /// </summary>
    public sealed class FaultServer : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly Func<HttpContext, Task>[] _script;
        private readonly ConcurrentQueue<string> _bodies = new ConcurrentQueue<string>();
        private readonly ConcurrentQueue<(byte[] Body, string? ContentType, long? ContentLength)> _raw = new ConcurrentQueue<(byte[], string?, long?)>();
        private readonly ConcurrentQueue<DateTimeOffset> _arrivals = new ConcurrentQueue<DateTimeOffset>();
        private readonly ConcurrentQueue<string> _paths = new ConcurrentQueue<string>();
        private int _attempts;

        private FaultServer(WebApplication app, Func<HttpContext, Task>[] script)
        {
            _app = app;
            _script = script;
        }

        /// <summary>The API root, e.g. <c>http://127.0.0.1:1234/v1/</c>.</summary>
        public Uri BaseUri { get; private set; } = null!;

        /// <summary>Requests received so far (attempts, as the server saw them).</summary>
        public int Attempts => Volatile.Read(ref _attempts);

        /// <summary>The request bodies received, in order.</summary>
        public IReadOnlyList<string> Bodies => _bodies.ToArray();

        /// <summary>Each request's body as bytes, with its Content-Type and Content-Length headers, in order.</summary>
        public IReadOnlyList<(byte[] Body, string? ContentType, long? ContentLength)> RawRequests => _raw.ToArray();

        /// <summary>The path and query of each request, in order.</summary>
        public IReadOnlyList<string> Paths => _paths.ToArray();

        /// <summary>When each attempt arrived, by the server's clock: the gaps are the client's retry delays.</summary>
        public IReadOnlyList<DateTimeOffset> Arrivals => _arrivals.ToArray();

        public static async Task<FaultServer> StartAsync(params Func<HttpContext, Task>[] script)
        {
            if (script.Length == 0) throw new ArgumentException("A script needs at least one step.", nameof(script));
            var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
            builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
            {
                kestrel.AddServerHeader = false;
                kestrel.Listen(IPAddress.Loopback, 0);
                kestrel.Limits.MaxConcurrentConnections = null;
            });
            builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(2));
            var app = builder.Build();
            var server = new FaultServer(app, script);
            app.Run(server.HandleAsync);
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            server.BaseUri = new Uri("http://127.0.0.1:" + new Uri(address).Port + "/v1/");
            return server;
        }

        public async ValueTask DisposeAsync()
        {
            using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
            {
                await _app.StopAsync(timeout.Token);
            }

            await _app.DisposeAsync();
        }

        private async Task HandleAsync(HttpContext context)
        {
            _arrivals.Enqueue(DateTimeOffset.UtcNow);
            _paths.Enqueue(context.Request.Path.Value + context.Request.QueryString.Value);
            var number = Interlocked.Increment(ref _attempts);
            using (var buffer = new System.IO.MemoryStream())
            {
                await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
                var bytes = buffer.ToArray();
                _raw.Enqueue((bytes, context.Request.ContentType, context.Request.ContentLength));
                _bodies.Enqueue(System.Text.Encoding.UTF8.GetString(bytes));
            }

            var step = _script[Math.Min(number, _script.Length) - 1];
            try
            {
                await step(context);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                // The client went away (a timeout or cancellation under test).
            }
        }
    }
}
