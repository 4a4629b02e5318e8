using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace CreateImageSdk.Batches
{
    /// <summary>
    /// Reads and writes the Files and Batches API objects by hand, like the generated converters: no reflection (trimming
    /// and AOT safe), a member of the wrong type is a <see cref="JsonException"/> naming it, and members this SDK does not
    /// know are skipped. These objects carry no per-model rules, so they are not generated from the image schemas.
    /// </summary>
    internal static class BatchJson
    {
        public static ImageFile File(JsonElement e) => new ImageFile
        {
            Id = Text(e, "id") ?? string.Empty,
            Bytes = Long(e, "bytes") ?? 0,
            CreatedAt = Time(e, "created_at") ?? DateTimeOffset.MinValue,
            ExpiresAt = Time(e, "expires_at"),
            FileName = Text(e, "filename") ?? string.Empty,
            Purpose = Text(e, "purpose") ?? string.Empty,
        };

        public static ImageBatch Batch(JsonElement e) => new ImageBatch
        {
            Id = Text(e, "id") ?? string.Empty,
            Endpoint = Text(e, "endpoint") ?? string.Empty,
            Status = ImageBatchStatus.Custom(Text(e, "status") ?? string.Empty),
            InputFileId = Text(e, "input_file_id") ?? string.Empty,
            OutputFileId = Text(e, "output_file_id"),
            ErrorFileId = Text(e, "error_file_id"),
            CompletionWindow = Text(e, "completion_window") ?? string.Empty,
            CreatedAt = Time(e, "created_at") ?? DateTimeOffset.MinValue,
            InProgressAt = Time(e, "in_progress_at"),
            ExpiresAt = Time(e, "expires_at"),
            FinalizingAt = Time(e, "finalizing_at"),
            CompletedAt = Time(e, "completed_at"),
            FailedAt = Time(e, "failed_at"),
            ExpiredAt = Time(e, "expired_at"),
            CancellingAt = Time(e, "cancelling_at"),
            CancelledAt = Time(e, "cancelled_at"),
            RequestCounts = Member(e, "request_counts") is { } counts
                ? new ImageBatchRequestCounts { Total = (int)(Long(counts, "total") ?? 0), Completed = (int)(Long(counts, "completed") ?? 0), Failed = (int)(Long(counts, "failed") ?? 0) }
                : null,
            Metadata = Member(e, "metadata") is { } metadata ? Strings(metadata) : null,
            Errors = Member(e, "errors") is { } errors ? new ImageBatchErrors { Data = List(errors, "data", Error) } : null,
        };

        public static (IReadOnlyList<ImageBatch> Data, bool HasMore, string? LastId) Page(JsonElement e) =>
            (List(e, "data", Batch), Member(e, "has_more") is { ValueKind: JsonValueKind.True }, Text(e, "last_id"));

        public static ImageBatchError Error(JsonElement e) => new ImageBatchError
        {
            Code = Text(e, "code"),
            Message = Text(e, "message"),
            Param = Text(e, "param"),
            Line = Long(e, "line") is { } line ? (int)line : null,
        };

        public static byte[] CreateBatch(string inputFileId, string endpoint, string completionWindow, IReadOnlyDictionary<string, string>? metadata)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteString("input_file_id", inputFileId);
                writer.WriteString("endpoint", endpoint);
                writer.WriteString("completion_window", completionWindow);
                if (metadata != null)
                {
                    writer.WriteStartObject("metadata");
                    foreach (var pair in metadata) writer.WriteString(pair.Key, pair.Value);
                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
            }

            return buffer.ToArray();
        }

        public static JsonElement? Member(JsonElement e, string name)
        {
            if (e.ValueKind != JsonValueKind.Object) throw new JsonException("Expected an object with '" + name + "'.");
            return e.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;
        }

        public static string? Text(JsonElement e, string name) =>
            Member(e, name) is { } value ? value.ValueKind == JsonValueKind.String ? value.GetString() : throw new JsonException("'" + name + "' must be a string.") : null;

        public static long? Long(JsonElement e, string name) =>
            Member(e, name) is { } value ? value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number : throw new JsonException("'" + name + "' must be an integer.") : null;

        private static DateTimeOffset? Time(JsonElement e, string name) => Long(e, name) is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

        private static IReadOnlyDictionary<string, string> Strings(JsonElement e)
        {
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var property in e.EnumerateObject()) map[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
            return map;
        }

        private static IReadOnlyList<T> List<T>(JsonElement e, string name, Func<JsonElement, T> read)
        {
            var list = new List<T>();
            if (Member(e, name) is not { } array) return list;
            if (array.ValueKind != JsonValueKind.Array) throw new JsonException("'" + name + "' must be an array.");
            foreach (var item in array.EnumerateArray()) list.Add(read(item));
            return list;
        }
    }
}
