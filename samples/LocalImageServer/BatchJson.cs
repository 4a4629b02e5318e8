using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace CreateImageSdk.LocalServer;

/// <summary>The JSON of the Files and Batches API emulation: file and batch objects, lists, and the lines of a batch's output and error files.</summary>
internal static class BatchJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] File(StoredFile file) => Write(writer => WriteFile(writer, file));

    public static byte[] Deleted(string id) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("id", id);
        writer.WriteString("object", "file");
        writer.WriteBoolean("deleted", true);
        writer.WriteEndObject();
    });

    public static byte[] Batch(BatchRun batch) => Write(writer => WriteBatch(writer, batch));

    public static byte[] List(IReadOnlyList<BatchRun> page, bool hasMore) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("object", "list");
        writer.WriteStartArray("data");
        foreach (BatchRun batch in page)
        {
            writer.WriteRawValue(batch.ToJson());
        }

        writer.WriteEndArray();
        WriteNullable(writer, "first_id", page.FirstOrDefault()?.Id);
        WriteNullable(writer, "last_id", page.LastOrDefault()?.Id);
        writer.WriteBoolean("has_more", hasMore);
        writer.WriteEndObject();
    });

    /// <summary>A line of the output or error file for a request that ran: its status, a request id and the body it got.</summary>
    public static byte[] ResultLine(string customId, int status, byte[] body) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("id", "batch_req_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)));
        writer.WriteString("custom_id", customId);
        writer.WriteStartObject("response");
        writer.WriteNumber("status_code", status);
        writer.WriteString("request_id", "req_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
        writer.WritePropertyName("body");
        writer.WriteRawValue(body);
        writer.WriteEndObject();
        writer.WriteNull("error");
        writer.WriteEndObject();
    });

    /// <summary>A line of the error file for a request that never ran (<c>batch_expired</c>, <c>batch_cancelled</c>).</summary>
    public static byte[] NotRunLine(string customId, string code, string message) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("id", "batch_req_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)));
        writer.WriteString("custom_id", customId);
        writer.WriteNull("response");
        writer.WriteStartObject("error");
        writer.WriteString("code", code);
        writer.WriteString("message", message);
        writer.WriteEndObject();
        writer.WriteEndObject();
    });

    public static async Task WriteAsync(HttpResponse response, int status, byte[] body, CancellationToken cancellationToken)
    {
        response.StatusCode = status;
        response.ContentType = "application/json";
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, cancellationToken);
    }

    private static void WriteFile(Utf8JsonWriter writer, StoredFile file)
    {
        writer.WriteStartObject();
        writer.WriteString("id", file.Id);
        writer.WriteString("object", "file");
        writer.WriteNumber("bytes", file.Content.Length);
        writer.WriteNumber("created_at", file.CreatedAt);
        writer.WriteNull("expires_at");
        writer.WriteString("filename", file.FileName);
        writer.WriteString("purpose", file.Purpose);
        writer.WriteString("status", "processed");
        writer.WriteEndObject();
    }

    private static void WriteBatch(Utf8JsonWriter writer, BatchRun batch)
    {
        writer.WriteStartObject();
        writer.WriteString("id", batch.Id);
        writer.WriteString("object", "batch");
        writer.WriteString("endpoint", batch.Endpoint);
        if (batch.Errors.Count == 0)
        {
            writer.WriteNull("errors");
        }
        else
        {
            writer.WriteStartObject("errors");
            writer.WriteString("object", "list");
            writer.WriteStartArray("data");
            foreach (BatchInputError error in batch.Errors)
            {
                writer.WriteStartObject();
                writer.WriteString("code", error.Code);
                writer.WriteString("message", error.Message);
                writer.WriteNull("param");
                if (error.Line is { } line) writer.WriteNumber("line", line);
                else writer.WriteNull("line");
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteString("input_file_id", batch.InputFileId);
        writer.WriteString("completion_window", "24h");
        writer.WriteString("status", batch.Status);
        WriteNullable(writer, "output_file_id", batch.OutputFileId);
        WriteNullable(writer, "error_file_id", batch.ErrorFileId);
        writer.WriteNumber("created_at", batch.CreatedAt.ToUnixTimeSeconds());
        foreach (string status in new[] { "in_progress", "finalizing", "completed", "failed", "expired", "cancelling", "cancelled" })
        {
            if (batch.Times.TryGetValue(status, out DateTimeOffset at)) writer.WriteNumber(status + "_at", at.ToUnixTimeSeconds());
            else writer.WriteNull(status + "_at");
        }

        writer.WriteNumber("expires_at", batch.ExpiresAt.ToUnixTimeSeconds());
        writer.WriteStartObject("request_counts");
        writer.WriteNumber("total", batch.Total);
        writer.WriteNumber("completed", batch.Completed);
        writer.WriteNumber("failed", batch.Failed);
        writer.WriteEndObject();
        if (batch.Metadata is null)
        {
            writer.WriteNull("metadata");
        }
        else
        {
            writer.WriteStartObject("metadata");
            foreach (KeyValuePair<string, string> pair in batch.Metadata) writer.WriteString(pair.Key, pair.Value);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null) writer.WriteNull(name);
        else writer.WriteString(name, value);
    }

    private static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
