using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace CreateImageSdk.LocalServer;

/// <summary>
/// What every images endpoint does around its own validation: read and record the body, wait the
/// <see cref="LocalImageServerOptions.ResponseDelay"/>, play a scripted answer, check the API key, and answer
/// a valid request with placeholder images, as JSON or as server-sent events.
/// </summary>
internal abstract class ImageEndpoint(
    LocalImageServerOptions options,
    ConcurrentQueue<RecordedRequest> log,
    ConcurrentQueue<QueuedResponse> queue,
    ImageStore images,
    CancellationToken stopping)
{
    /// <summary>The stream events' name before the dot, e.g. <c>image_generation</c>.</summary>
    protected abstract string EventPrefix { get; }

    /// <summary>The models served beside the known ones (<see cref="LocalImageServerOptions.AdditionalModels"/>).</summary>
    protected IReadOnlyList<AdditionalModel> AdditionalModels => options.AdditionalModels;

    /// <summary>The images-per-minute limit shared by the endpoints, or null when none is set.</summary>
    public ImageRateLimiter? Limiter { get; init; }

    /// <summary>The parameters accepted beside the schemas' (<see cref="LocalImageServerOptions.AdditionalParameters"/>).</summary>
    protected IReadOnlyList<string> AdditionalParameters => options.AdditionalParameters;

    public async Task HandleAsync(HttpContext context)
    {
        byte[]? body = await ReadBodyAsync(context);

        // Recorded before any check, so tests can see requests that were refused or abandoned.
        RecordedRequest recorded = Record(context.Request, body ?? []);
        log.Enqueue(recorded);

        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        try
        {
            if (options.ResponseDelay > TimeSpan.Zero)
            {
                await Task.Delay(options.ResponseDelay, cancellation.Token);
            }

            await AnswerAsync(context, body is null ? null : recorded, cancellation.Token);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // The client gave up or the server is stopping: nobody waits for the rest of the answer.
            context.Abort();
        }
    }

    /// <summary>Checks the request and returns it with every default applied, or throws an <see cref="ApiErrorException"/>.</summary>
    /// <param name="request">The HTTP request, for its headers.</param>
    /// <param name="recorded">The request as recorded, with its whole body.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    protected abstract ValueTask<ImageGenerationRequest> ValidateAsync(HttpRequest request, RecordedRequest recorded, CancellationToken cancellationToken);

    private async Task AnswerAsync(HttpContext context, RecordedRequest? recorded, CancellationToken cancellationToken)
    {
        if (queue.TryDequeue(out QueuedResponse? queued))
        {
            await WriteQueuedAsync(context.Response, queued, cancellationToken);
            return;
        }

        if (Authenticate(context.Request) is { } authenticationError)
        {
            await WriteErrorAsync(context.Response, authenticationError, cancellationToken);
            return;
        }

        if (recorded is null)
        {
            await WriteErrorAsync(context.Response, ApiError.BodyTooLarge(LocalImageServer.MaxRequestBodyBytes), cancellationToken);
            return;
        }

        await AnswerValidatedAsync(context, recorded, Limiter, cancellationToken);
    }

    /// <summary>
    /// One request of a batch, run as a live call would be but without the key check, scripted answers, the
    /// response delay or the rate limit (batches have their own), and not recorded in <see cref="LocalImageServer.Requests"/>.
    /// </summary>
    public Task AnswerBatchLineAsync(HttpContext context, byte[] body, CancellationToken cancellationToken) =>
        AnswerValidatedAsync(context, Record(context.Request, body), null, cancellationToken);

    private async Task AnswerValidatedAsync(HttpContext context, RecordedRequest recorded, ImageRateLimiter? limiter, CancellationToken cancellationToken)
    {
        ImageGenerationRequest request;
        try
        {
            request = await ValidateAsync(context.Request, recorded, cancellationToken);
        }
        catch (ApiErrorException exception)
        {
            await WriteErrorAsync(context.Response, exception.Error, cancellationToken);
            return;
        }

        if (limiter is not null && limiter.Take(request.N, context.Response.Headers) is { } limited)
        {
            await WriteErrorAsync(context.Response, limited, cancellationToken);
            return;
        }

        if (request.Stream)
        {
            await ImageStreamWriter.WriteAsync(context.Response, request, EventPrefix, cancellationToken);
            return;
        }

        long created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var items = new List<ImageItem>(request.N);
        for (int index = 0; index < request.N; index++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // jpeg and webp requests get PNG bytes too: clients only pass the bytes on, so a real
            // encoder for those formats would add code without testing anything more.
            byte[] png = PngEncoder.Encode(new PlaceholderImage(request.Seed, index, request.Width, request.Height, request.Transparent));
            string? revisedPrompt = request.Model.Name == "dall-e-3" ? request.Prompt + " (revised)" : null;
            items.Add(request.ResponseFormat == "url"
                ? new ImageItem(ImageUrl(context, images.Add(png)), null, revisedPrompt)
                : new ImageItem(null, png, revisedPrompt));
        }

        await WriteJsonAsync(context.Response, StatusCodes.Status200OK, ResponseJson.Images(request, created, items), cancellationToken);
    }

    internal ApiError? Authenticate(HttpRequest request)
    {
        if (options.ApiKey is null)
        {
            return null;
        }

        // Azure OpenAI routes take the key in an api-key header (or a Microsoft Entra token as Bearer).
        string? apiKey = request.Headers.TryGetValue("api-key", out var apiKeyValues) && apiKeyValues.Count == 1 ? apiKeyValues[0] : null;
        if (apiKey != null && LocalImageServer.IsAzurePath(request.Path.Value ?? string.Empty))
        {
            return string.Equals(apiKey.Trim(), options.ApiKey, StringComparison.Ordinal) ? null : ApiError.IncorrectApiKey();
        }

        string? authorization = request.Headers.Authorization.Count == 1 ? request.Headers.Authorization[0] : null;
        if (string.IsNullOrWhiteSpace(authorization))
        {
            return ApiError.MissingApiKey();
        }

        const string Scheme = "Bearer ";
        bool valid = authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(authorization[Scheme.Length..].Trim(), options.ApiKey, StringComparison.Ordinal);
        return valid ? null : ApiError.IncorrectApiKey();
    }

    public static Task WriteErrorAsync(HttpResponse response, ApiError error, CancellationToken cancellationToken)
    {
        if (error.StatusCode == StatusCodes.Status401Unauthorized)
        {
            response.Headers.WWWAuthenticate = "Bearer realm=\"OpenAI API\"";
        }

        return WriteJsonAsync(response, error.StatusCode, ResponseJson.Error(error), cancellationToken);
    }

    private static async Task WriteJsonAsync(HttpResponse response, int statusCode, byte[] body, CancellationToken cancellationToken)
    {
        response.StatusCode = statusCode;
        response.ContentType = "application/json";
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, cancellationToken);
    }

    private static async Task WriteQueuedAsync(HttpResponse response, QueuedResponse queued, CancellationToken cancellationToken)
    {
        byte[] body = Encoding.UTF8.GetBytes(queued.Body);
        response.StatusCode = queued.StatusCode;
        response.ContentType = queued.ContentType;
        foreach (KeyValuePair<string, string> header in queued.Headers ?? new Dictionary<string, string>())
        {
            response.Headers[header.Key] = header.Value;
        }

        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, cancellationToken);
    }

    /// <summary>The whole body, or <see langword="null"/> when it is larger than <see cref="LocalImageServer.MaxRequestBodyBytes"/>.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpContext context)
    {
        // Kestrel's own limit (30 MB) would cut off legal edits with a bare error of its own; this endpoint
        // applies its larger cap itself and answers in the API's error shape.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null;
        }

        Stream body = context.Request.Body;
        CancellationToken cancellationToken = context.RequestAborted;
        if (context.Request.ContentLength > LocalImageServer.MaxRequestBodyBytes)
        {
            await DrainAsync(body, cancellationToken);
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > LocalImageServer.MaxRequestBodyBytes)
            {
                await DrainAsync(body, cancellationToken);
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    // The rest of an oversized body is read and dropped: an HTTP/1.1 client sends its whole body before it
    // reads the answer, and would otherwise see a reset connection instead of the 413.
    private static async Task DrainAsync(Stream body, CancellationToken cancellationToken)
    {
        var chunk = new byte[81920];
        while (await body.ReadAsync(chunk, cancellationToken) > 0)
        {
        }
    }

    private static string ImageUrl(HttpContext context, string id) =>
        string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{context.Connection.LocalPort}/v1/local-images/{id}.png");

    private static RecordedRequest Record(HttpRequest request, byte[] body)
    {
        var headers = request.Headers.ToDictionary(
            header => header.Key,
            header => string.Join(", ", header.Value.Select(value => value ?? string.Empty)),
            StringComparer.OrdinalIgnoreCase);

        // Decoded like a StreamReader does (a byte order mark is dropped), as the text of a JSON body was read before.
        string text;
        using (var reader = new StreamReader(new MemoryStream(body, writable: false), Encoding.UTF8))
        {
            text = reader.ReadToEnd();
        }

        return new RecordedRequest(request.Method, request.Path.Value + request.QueryString.Value, new ReadOnlyDictionary<string, string>(headers), text)
        {
            RawBody = body,
        };
    }
}
