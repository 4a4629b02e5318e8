using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace CreateImageSdk.LocalServer;

/// <summary>
/// <c>POST /v1/batches</c>, <c>GET /v1/batches</c> (newest first, <c>limit</c> and <c>after</c>), <c>GET /v1/batches/{id}</c>
/// and <c>POST /v1/batches/{id}/cancel</c>, for the image endpoints; each batch runs in the background (<see cref="BatchRun"/>).
/// </summary>
internal sealed class BatchesEndpoint(FileStore files, Func<string, ImageEndpoint?> endpointFor, LocalImageServerOptions options, CancellationToken stopping)
{
    private readonly ConcurrentDictionary<string, BatchRun> _batches = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<BatchRun> _order = new();
    private readonly ConcurrentBag<Task> _running = [];

    /// <summary>The batches created, oldest first.</summary>
    public IReadOnlyList<BatchRun> All => [.. _order];

    /// <summary>The background runs, for disposal to wait on.</summary>
    public Task[] Running => [.. _running];

    public async Task HandleAsync(HttpContext context, string rest, int port, CancellationToken cancellationToken)
    {
        HttpRequest request = context.Request;
        if (rest.Length == 0 && HttpMethods.IsPost(request.Method))
        {
            await CreateAsync(context, port, cancellationToken);
            return;
        }

        if (rest.Length == 0 && HttpMethods.IsGet(request.Method))
        {
            int limit = int.TryParse(request.Query["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out int l) ? Math.Clamp(l, 1, 100) : 20;
            IEnumerable<BatchRun> newest = All.Reverse();
            if (request.Query["after"].FirstOrDefault() is { Length: > 0 } after) newest = newest.SkipWhile(b => b.Id != after).Skip(1);
            List<BatchRun> page = [.. newest.Take(limit + 1)];
            await BatchJson.WriteAsync(context.Response, 200, BatchJson.List([.. page.Take(limit)], page.Count > limit), cancellationToken);
            return;
        }

        string[] segments = rest.Split('/');
        if (!_batches.TryGetValue(segments[0], out BatchRun? batch))
        {
            await ImageEndpoint.WriteErrorAsync(context.Response, new ApiError(404, $"No batch found with id '{segments[0]}'.", "invalid_request_error", null, null), cancellationToken);
            return;
        }

        if (segments.Length == 1 && HttpMethods.IsGet(request.Method))
        {
            await BatchJson.WriteAsync(context.Response, 200, batch.ToJson(), cancellationToken);
        }
        else if (segments.Length == 2 && segments[1] == "cancel" && HttpMethods.IsPost(request.Method))
        {
            if (!batch.RequestCancel())
            {
                await ImageEndpoint.WriteErrorAsync(context.Response, new ApiError(409, $"Cannot cancel a batch with status '{batch.Status}'.", "invalid_request_error", null, null), cancellationToken);
                return;
            }

            await BatchJson.WriteAsync(context.Response, 200, batch.ToJson(), cancellationToken);
        }
        else
        {
            await ImageEndpoint.WriteErrorAsync(context.Response, ApiError.NotFound(request.Method, request.Path.Value ?? string.Empty), cancellationToken);
        }
    }

    private async Task CreateAsync(HttpContext context, int port, CancellationToken cancellationToken)
    {
        JsonElement root;
        try
        {
            using JsonDocument document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: cancellationToken);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            await ImageEndpoint.WriteErrorAsync(context.Response, ApiError.InvalidJson(), cancellationToken);
            return;
        }

        string? Text(string name) => root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        foreach (string required in new[] { "input_file_id", "endpoint", "completion_window" })
        {
            if (Text(required) is null)
            {
                await ImageEndpoint.WriteErrorAsync(context.Response, ApiError.MissingParameter(required), cancellationToken);
                return;
            }
        }

        string endpoint = Text("endpoint")!;
        if (endpointFor(endpoint) is null)
        {
            await ImageEndpoint.WriteErrorAsync(context.Response, ApiError.InvalidValue("endpoint", $"'{endpoint}' is not supported here; this server takes '/v1/images/generations' and '/v1/images/edits'."), cancellationToken);
            return;
        }

        if (Text("completion_window") != "24h")
        {
            await ImageEndpoint.WriteErrorAsync(context.Response, ApiError.InvalidValue("completion_window", $"'{Text("completion_window")}' is not one of ['24h'] - 'completion_window'"), cancellationToken);
            return;
        }

        if (!files.TryGet(Text("input_file_id")!, out StoredFile input) || input.Purpose != "batch")
        {
            await ImageEndpoint.WriteErrorAsync(context.Response, ApiError.InvalidValue("input_file_id", $"No file with purpose 'batch' has the id '{Text("input_file_id")}'."), cancellationToken);
            return;
        }

        Dictionary<string, string>? metadata = null;
        if (root.TryGetProperty("metadata", out JsonElement meta) && meta.ValueKind == JsonValueKind.Object)
        {
            metadata = meta.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ToString(), StringComparer.Ordinal);
        }

        var batch = new BatchRun(endpoint, input, metadata, options.BatchCompletionWindow);
        _batches[batch.Id] = batch;
        _order.Enqueue(batch);
        _running.Add(Task.Run(() => batch.RunAsync(input, endpointFor, files, options, port, stopping), CancellationToken.None));
        await BatchJson.WriteAsync(context.Response, 200, batch.ToJson(), cancellationToken);
    }
}
