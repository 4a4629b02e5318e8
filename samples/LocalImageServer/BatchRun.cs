using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace CreateImageSdk.LocalServer;

/// <summary>One problem with a batch's input file, as the Batch API lists them.</summary>
internal sealed record BatchInputError(string Code, string Message, int? Line);

/// <summary>
/// One batch and the task that runs it: <c>validating</c> (each line checked: JSON, a unique <c>custom_id</c>,
/// <c>POST</c> to the batch's endpoint, a body), then <c>in_progress</c> (each line answered by the images endpoint as a
/// live call would be), <c>finalizing</c> (the output and error files written) and <c>completed</c>; or <c>failed</c>,
/// <c>expired</c> (the window ended: the lines not run go to the error file as <c>batch_expired</c>), or
/// <c>cancelling</c> then <c>cancelled</c> (the output file holds what ran; the rest is in no file, as documented). Each step waits
/// <see cref="LocalImageServerOptions.BatchStepDelay"/>, each line <see cref="LocalImageServerOptions.BatchLineDelay"/>.
/// </summary>
internal sealed class BatchRun
{
    private readonly object _gate = new();
    private readonly CancellationTokenSource _cancel = new();

    public BatchRun(string endpoint, StoredFile input, IReadOnlyDictionary<string, string>? metadata, TimeSpan window)
    {
        Id = "batch_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        Endpoint = endpoint;
        InputFileId = input.Id;
        Metadata = metadata;
        CreatedAt = DateTimeOffset.UtcNow;
        ExpiresAt = CreatedAt + window;
    }

    public string Id { get; }

    public string Endpoint { get; }

    public string InputFileId { get; }

    public IReadOnlyDictionary<string, string>? Metadata { get; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset ExpiresAt { get; }

    public string Status { get; private set; } = "validating";

    public Dictionary<string, DateTimeOffset> Times { get; } = new(StringComparer.Ordinal);

    public int Total { get; private set; }

    public int Completed { get; private set; }

    public int Failed { get; private set; }

    public string? OutputFileId { get; private set; }

    public string? ErrorFileId { get; private set; }

    public IReadOnlyList<BatchInputError> Errors { get; private set; } = [];

    /// <summary>A consistent copy of the batch's state for its JSON.</summary>
    public byte[] ToJson()
    {
        lock (_gate)
        {
            return BatchJson.Batch(this);
        }
    }

    /// <summary>Asks the run to stop; false when the batch already ended.</summary>
    public bool RequestCancel()
    {
        lock (_gate)
        {
            if (Status is "completed" or "failed" or "expired" or "cancelled") return false;
            if (Status != "cancelling") Set("cancelling");
        }

        _cancel.Cancel();
        return true;
    }

    public async Task RunAsync(StoredFile input, Func<string, ImageEndpoint?> endpointFor, FileStore files, LocalImageServerOptions options, int port, CancellationToken stopping)
    {
        try
        {
            await Task.Delay(options.BatchStepDelay, stopping);
            List<(string CustomId, byte[] Body)>? lines = Validate(input.Content, out List<BatchInputError> errors);
            if (lines is null)
            {
                lock (_gate)
                {
                    Errors = errors;
                    Set("failed");
                }

                return;
            }

            lock (_gate)
            {
                Total = lines.Count;
                if (Status == "validating") Set("in_progress");
            }

            var output = new MemoryStream();
            var errorFile = new MemoryStream();
            ImageEndpoint endpoint = endpointFor(Endpoint)!;
            int next = 0;
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, _cancel.Token);
            for (; next < lines.Count; next++)
            {
                if (_cancel.IsCancellationRequested || DateTimeOffset.UtcNow >= ExpiresAt) break;
                if (options.BatchLineDelay > TimeSpan.Zero)
                {
                    try
                    {
                        await Task.Delay(options.BatchLineDelay, linked.Token);
                    }
                    catch (OperationCanceledException) when (_cancel.IsCancellationRequested && !stopping.IsCancellationRequested)
                    {
                        break;
                    }
                }

                (int status, byte[] body) = await AnswerAsync(endpoint, Endpoint, lines[next].Body, port, stopping);
                bool ok = status is >= 200 and <= 299;
                WriteLine(ok ? output : errorFile, BatchJson.ResultLine(lines[next].CustomId, status, body));
                lock (_gate)
                {
                    if (ok) Completed++;
                    else Failed++;
                }
            }

            string? notRun = next == lines.Count ? null : _cancel.IsCancellationRequested ? "batch_cancelled" : "batch_expired";
            // Expired requests are listed in the error file (as the Batch API guide shows); a cancelled batch, as the
            // service documents it, has only the partial results of what ran.
            for (int rest = next; notRun == "batch_expired" && rest < lines.Count; rest++)
            {
                WriteLine(errorFile, BatchJson.NotRunLine(lines[rest].CustomId, notRun, "This request could not be executed before the completion window expired."));
            }

            if (notRun is null)
            {
                lock (_gate) Set("finalizing");
                await Task.Delay(options.BatchStepDelay, stopping);
            }

            lock (_gate)
            {
                if (output.Length > 0) OutputFileId = files.Add(Id + "_output.jsonl", "batch_output", output.ToArray()).Id;
                if (errorFile.Length > 0) ErrorFileId = files.Add(Id + "_error.jsonl", "batch_output", errorFile.ToArray()).Id;
                Set(notRun switch { null => "completed", "batch_cancelled" => "cancelled", _ => "expired" });
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The server is stopping; the batch ends with it.
        }
    }

    private void Set(string status)
    {
        Status = status;
        Times[status] = DateTimeOffset.UtcNow;
    }

    private static void WriteLine(MemoryStream file, byte[] line)
    {
        file.Write(line);
        file.WriteByte((byte)'\n');
    }

    private List<(string, byte[])>? Validate(byte[] content, out List<BatchInputError> errors)
    {
        errors = [];
        var lines = new List<(string, byte[])>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        string text = Encoding.UTF8.GetString(content);
        string[] rows = text.Split('\n');
        for (int i = 0; i < rows.Length; i++)
        {
            string row = rows[i].TrimEnd('\r');
            if (row.Length == 0) continue;
            int number = i + 1;
            try
            {
                using JsonDocument document = JsonDocument.Parse(row);
                JsonElement root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object) throw new JsonException();
                string? customId = root.TryGetProperty("custom_id", out JsonElement id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
                if (string.IsNullOrEmpty(customId)) { errors.Add(new("missing_required_parameter", "Missing required parameter: 'custom_id'.", number)); continue; }
                if (!ids.Add(customId)) { errors.Add(new("duplicate_custom_id", $"The custom_id '{customId}' is used more than once.", number)); continue; }
                if (!root.TryGetProperty("method", out JsonElement method) || method.ValueKind != JsonValueKind.String || method.GetString() != "POST")
                {
                    errors.Add(new("invalid_method", "The method must be POST.", number));
                    continue;
                }

                if (!root.TryGetProperty("url", out JsonElement url) || url.ValueKind != JsonValueKind.String || url.GetString() != Endpoint)
                {
                    errors.Add(new("mismatched_endpoint", $"The url must be the batch's endpoint {Endpoint}.", number));
                    continue;
                }

                if (!root.TryGetProperty("body", out JsonElement body) || body.ValueKind != JsonValueKind.Object)
                {
                    errors.Add(new("missing_required_parameter", "Missing required parameter: 'body'.", number));
                    continue;
                }

                lines.Add((customId, Encoding.UTF8.GetBytes(body.GetRawText())));
            }
            catch (JsonException)
            {
                errors.Add(new("invalid_json_line", "This line is not parseable as valid JSON.", number));
            }
        }

        if (lines.Count == 0 && errors.Count == 0) errors.Add(new("empty_file", "The input file has no requests.", null));
        return errors.Count == 0 ? lines : null;
    }

    private static async Task<(int, byte[])> AnswerAsync(ImageEndpoint endpoint, string path, byte[] body, int port, CancellationToken cancellationToken)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Path = path;
        context.Request.ContentType = "application/json";
        context.Request.Body = new MemoryStream(body);
        context.Connection.LocalPort = port;
        var response = new MemoryStream();
        context.Response.Body = response;
        await endpoint.AnswerBatchLineAsync(context, body, cancellationToken);
        return (context.Response.StatusCode, response.ToArray());
    }
}
