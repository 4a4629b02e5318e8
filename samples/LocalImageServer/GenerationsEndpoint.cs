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

namespace CreateImageSdk.LocalServer;

/// <summary>Answers <c>POST /v1/images/generations</c> the way the real endpoint does.</summary>
internal sealed class GenerationsEndpoint(
    LocalImageServerOptions options,
    ConcurrentQueue<RecordedRequest> log,
    ConcurrentQueue<QueuedResponse> queue,
    ImageStore images,
    CancellationToken stopping)
{
    public async Task HandleAsync(HttpContext context)
    {
        string body;
        using (var reader = new StreamReader(context.Request.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted);
        }

        // Recorded before any check, so tests can see requests that were refused or abandoned.
        log.Enqueue(Record(context.Request, body));

        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        try
        {
            if (options.ResponseDelay > TimeSpan.Zero)
            {
                await Task.Delay(options.ResponseDelay, cancellation.Token);
            }

            await AnswerAsync(context, body, cancellation.Token);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // The client gave up or the server is stopping: nobody waits for the rest of the answer.
            context.Abort();
        }
    }

    private async Task AnswerAsync(HttpContext context, string body, CancellationToken cancellationToken)
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

        if (ImageRequestValidator.Validate(body, out ImageGenerationRequest? request) is { } validationError)
        {
            await WriteErrorAsync(context.Response, validationError, cancellationToken);
            return;
        }

        if (request!.Stream)
        {
            await ImageStreamWriter.WriteAsync(context.Response, request, cancellationToken);
            return;
        }

        long created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var items = new List<ImageItem>(request.N);
        for (int index = 0; index < request.N; index++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // jpeg and webp requests get PNG bytes too: clients only pass the bytes on, so a real
            // encoder for those formats would add code without testing anything more.
            byte[] png = PngEncoder.Encode(new PlaceholderImage(request.Prompt, index, request.Width, request.Height, request.Transparent));
            string? revisedPrompt = request.Model.Name == "dall-e-3" ? request.Prompt + " (revised)" : null;
            items.Add(request.ResponseFormat == "url"
                ? new ImageItem(ImageUrl(context, images.Add(png)), null, revisedPrompt)
                : new ImageItem(null, png, revisedPrompt));
        }

        await WriteJsonAsync(context.Response, StatusCodes.Status200OK, ResponseJson.Images(request, created, items), cancellationToken);
    }

    private ApiError? Authenticate(HttpRequest request)
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

    private static string ImageUrl(HttpContext context, string id) =>
        string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{context.Connection.LocalPort}/v1/local-images/{id}.png");

    private static RecordedRequest Record(HttpRequest request, string body)
    {
        var headers = request.Headers.ToDictionary(
            header => header.Key,
            header => string.Join(", ", header.Value.Select(value => value ?? string.Empty)),
            StringComparer.OrdinalIgnoreCase);
        return new RecordedRequest(request.Method, request.Path.Value + request.QueryString.Value, new ReadOnlyDictionary<string, string>(headers), body);
    }
}
