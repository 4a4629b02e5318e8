using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Security.Cryptography;
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

namespace CreateImageSdk.LocalServer;

/// <summary>
/// OpenAI-compatible <c>POST /v1/images/generations</c> and <c>POST /v1/images/edits</c> endpoints on 127.0.0.1,
/// for tests and samples; it also answers Azure OpenAI's routes (<c>/openai/deployments/{deployment}/images/generations?api-version=…</c>
/// and <c>/openai/v1/images/generations</c>, the same for <c>images/edits</c>, with the <c>api-key</c> header).
/// It validates requests with its own per-model rules, answers with deterministic placeholder PNGs
/// (not AI images; an edit's depend on its prompt and input images), streams server-sent events for
/// <c>"stream": true</c>, records every request, and can be scripted with <see cref="EnqueueResponse"/>.
/// Edits take <c>multipart/form-data</c> (files <c>image</c> or <c>image[]</c>, and <c>mask</c>) or <c>application/json</c>
/// (<c>images</c> as <c>image_url</c> or <c>file_id</c> references, which the server checks but never fetches).
/// It also emulates the Files API (<c>/v1/files</c>) and the Batch API (<c>/v1/batches</c>: validating, in_progress,
/// finalizing, completed, or failed, expired, cancelled; time scaled by <see cref="LocalImageServerOptions.BatchStepDelay"/>,
/// <see cref="LocalImageServerOptions.BatchLineDelay"/> and <see cref="LocalImageServerOptions.BatchCompletionWindow"/>),
/// and, with <see cref="LocalImageServerOptions.ImagesPerMinute"/>, an images-per-minute limit with <c>x-ratelimit-*</c> headers.
/// </summary>
public sealed class LocalImageServer : IAsyncDisposable
{
    /// <summary>The bearer token accepted unless <see cref="LocalImageServerOptions.ApiKey"/> says otherwise.</summary>
    public const string DefaultApiKey = "local-test-key";

    /// <summary>
    /// The largest request body the server reads, 64 MiB; a larger one is answered with 413 (and still recorded, without its body).
    /// The spec allows 16 images of up to 50 MB each in one edit, but a test server that buffers whole bodies
    /// in memory should not hold 800 MB per request: 64 MiB still takes one maximum-size image, or many small ones.
    /// </summary>
    public const long MaxRequestBodyBytes = 64L * 1024 * 1024;

    private const string GenerationsOperation = "/images/generations";
    private const string EditsOperation = "/images/edits";
    private const string GenerationsPath = "/v1" + GenerationsOperation;
    private const string EditsPath = "/v1" + EditsOperation;
    private const string AzureV1GenerationsPath = "/openai/v1" + GenerationsOperation;
    private const string AzureV1EditsPath = "/openai/v1" + EditsOperation;
    private const string AzureDeploymentsPrefix = "/openai/deployments/";
    private const string ImagesPrefix = "/v1/local-images/";

    // Bounds how long disposal waits for requests still running (for example a long ResponseDelay).
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(5);

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentQueue<QueuedResponse> _queue = new();
    private readonly ImageStore _images = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly GenerationsEndpoint _generations;
    private readonly EditsEndpoint _edits;
    private readonly FileStore _files = new();
    private readonly BatchesEndpoint _batches;
    private readonly ImageRateLimiter? _limiter;
    private int _disposed;

    private LocalImageServer(WebApplication app, LocalImageServerOptions options)
    {
        _app = app;
        _limiter = options.ImagesPerMinute is { } limit ? new ImageRateLimiter(limit, options.RateLimitWindow) : null;
        _generations = new GenerationsEndpoint(options, _requests, _queue, _images, _stopping.Token) { Limiter = _limiter };
        _edits = new EditsEndpoint(options, _requests, _queue, _images, _stopping.Token) { Limiter = _limiter };
        _batches = new BatchesEndpoint(_files, path => path switch { GenerationsPath => _generations, EditsPath => _edits, _ => null }, options, _stopping.Token);
        BaseUri = null!;
    }

    /// <summary>
    /// The models <c>POST /v1/images/edits</c> accepts, in the server's own reading of the spec (dall-e-2 and the
    /// GPT image models; not dall-e-3), for tests that compare it with the SDK's list.
    /// </summary>
    public static IReadOnlyList<string> EditModels { get; } = [.. EditRules.Names];

    /// <summary>The API base address, such as <c>http://127.0.0.1:54321/v1/</c>; it always ends with <c>/</c>.</summary>
    public Uri BaseUri { get; private set; }

    /// <summary>
    /// A snapshot of every <c>POST /v1/images/generations</c> and <c>POST /v1/images/edits</c> (and their Azure routes)
    /// received so far, in arrival order, including refused ones.
    /// </summary>
    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    /// <summary>The images-per-minute limiter's counts (images admitted, requests refused); null without <see cref="LocalImageServerOptions.ImagesPerMinute"/>.</summary>
    public RateLimitStats? RateLimit => _limiter?.Stats;

    /// <summary>The files held (uploads and batch outputs), in no particular order.</summary>
    public IReadOnlyList<StoredFile> Files => _files.All;

    /// <summary>The ids of the batches created so far, oldest first, with their status now.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Batches => [.. _batches.All.Select(b => new KeyValuePair<string, string>(b.Id, b.Status))];

    /// <summary>Starts a server on the loopback interface and returns once it accepts connections.</summary>
    /// <param name="options">Port, accepted API key and response delay; <see langword="null"/> uses the defaults.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<LocalImageServer> StartAsync(LocalImageServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new LocalImageServerOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port, nameof(options.Port));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, IPEndPoint.MaxPort, nameof(options.Port));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ResponseDelay, TimeSpan.Zero, nameof(options.ResponseDelay));

        // The empty builder reads no configuration files, environment settings or logging providers:
        // nothing from the host process leaks in, nothing is printed, and no file watchers pile up in test runs.
        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, options.Port);
        });
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = ShutdownTimeout);

        WebApplication app = builder.Build();
        var server = new LocalImageServer(app, options);
        app.Run(server.DispatchAsync);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server.BaseUri = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{new Uri(address).Port}/v1/"));
        return server;
    }

    /// <summary>
    /// Makes the next generations or edits request get exactly this answer instead of the normal one, without the
    /// API key check. Several calls queue answers, used first in, first out, by both endpoints.
    /// </summary>
    /// <param name="statusCode">The HTTP status code, e.g. 429.</param>
    /// <param name="body">The response body, sent as UTF-8.</param>
    /// <param name="headers">Extra response headers such as <c>retry-after</c>; they replace the server's own of the same name.</param>
    /// <param name="contentType">The <c>Content-Type</c> of <paramref name="body"/>.</param>
    public void EnqueueResponse(int statusCode, string body, IReadOnlyDictionary<string, string>? headers = null, string contentType = "application/json")
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(contentType);
        _queue.Enqueue(new QueuedResponse(statusCode, body, headers, contentType));
    }

    /// <summary>Stops the server; requests still waiting on <see cref="LocalImageServerOptions.ResponseDelay"/> are aborted.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync();
        try
        {
            await Task.WhenAll(_batches.Running).WaitAsync(ShutdownTimeout);
        }
        catch (TimeoutException)
        {
            // A batch step still waiting is abandoned with the server.
        }

        using (var timeout = new CancellationTokenSource(ShutdownTimeout))
        {
            await _app.StopAsync(timeout.Token);
        }

        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private async Task DispatchAsync(HttpContext context)
    {
        AddServiceHeaders(context);
        HttpRequest request = context.Request;
        string path = request.Path.Value ?? string.Empty;
        string? operation = path switch
        {
            GenerationsPath or AzureV1GenerationsPath => GenerationsOperation,
            EditsPath or AzureV1EditsPath => EditsOperation,
            _ => null,
        };
        if (HttpMethods.IsPost(request.Method) && operation is not null)
        {
            await Endpoint(operation).HandleAsync(context);
        }
        else if (HttpMethods.IsPost(request.Method) && AzureDeploymentOperation(path) is { } deploymentOperation)
        {
            // Azure's deployment route: the deployment stands in for the model, and api-version is required.
            if (string.IsNullOrEmpty(request.Query["api-version"]))
            {
                await ImageEndpoint.WriteErrorAsync(context.Response, ApiError.MissingApiVersion(), context.RequestAborted);
                return;
            }

            await Endpoint(deploymentOperation).HandleAsync(context);
        }
        else if (ServicePath(path, "/v1/files") is { } fileRest)
        {
            if (_generations.Authenticate(request) is { } error) await ImageEndpoint.WriteErrorAsync(context.Response, error, context.RequestAborted);
            else await FilesEndpoint.HandleAsync(context, fileRest, _files, context.RequestAborted);
        }
        else if (ServicePath(path, "/v1/batches") is { } batchRest)
        {
            if (_generations.Authenticate(request) is { } error) await ImageEndpoint.WriteErrorAsync(context.Response, error, context.RequestAborted);
            else await _batches.HandleAsync(context, batchRest, context.Connection.LocalPort, context.RequestAborted);
        }
        else if (HttpMethods.IsGet(request.Method) && path.StartsWith(ImagesPrefix, StringComparison.Ordinal) && path.EndsWith(".png", StringComparison.Ordinal)
            && _images.TryGet(path[ImagesPrefix.Length..^".png".Length], out byte[] png))
        {
            context.Response.ContentType = "image/png";
            context.Response.ContentLength = png.Length;
            await context.Response.Body.WriteAsync(png, context.RequestAborted);
        }
        else
        {
            await ImageEndpoint.WriteErrorAsync(context.Response, ApiError.NotFound(request.Method, path), context.RequestAborted);
        }
    }

    /// <summary>The rest of <paramref name="path"/> after <paramref name="root"/> (empty for the root itself), or null when it is not below it.</summary>
    private static string? ServicePath(string path, string root) =>
        path == root ? string.Empty : path.StartsWith(root + "/", StringComparison.Ordinal) ? path[(root.Length + 1)..] : null;

    /// <summary>Whether a path is one of the Azure OpenAI routes (which take the <c>api-key</c> header).</summary>
    internal static bool IsAzurePath(string path) =>
        path == AzureV1GenerationsPath || path == AzureV1EditsPath || AzureDeploymentOperation(path) != null;

    private ImageEndpoint Endpoint(string operation) => operation == EditsOperation ? _edits : _generations;

    /// <summary>
    /// The operation (<c>/images/generations</c> or <c>/images/edits</c>) of <c>/openai/deployments/{deployment}/…</c>,
    /// or null for another path; the deployment is one non-empty path segment.
    /// </summary>
    private static string? AzureDeploymentOperation(string path)
    {
        if (!path.StartsWith(AzureDeploymentsPrefix, StringComparison.Ordinal)) return null;
        string rest = path[AzureDeploymentsPrefix.Length..];
        int slash = rest.IndexOf('/', StringComparison.Ordinal);
        string? operation = slash > 0 ? rest[slash..] : null;
        return operation is GenerationsOperation or EditsOperation ? operation : null;
    }

    /// <summary>The headers the real service puts on every answer; a scripted answer may override them.</summary>
    private static void AddServiceHeaders(HttpContext context)
    {
        var stopwatch = Stopwatch.StartNew();
        string requestId = "req_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        context.Response.OnStarting(() =>
        {
            IHeaderDictionary headers = context.Response.Headers;
            headers.TryAdd("x-request-id", requestId);
            headers.TryAdd("openai-processing-ms", stopwatch.ElapsedMilliseconds.ToString(CultureInfo.InvariantCulture));
            headers.TryAdd("openai-version", "2020-10-01");
            return Task.CompletedTask;
        });
    }
}
