using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CreateImageSdk.LocalServer;

/// <summary>Writes the JSON bodies the server sends, field by field, in the order the real service uses.</summary>
internal static class ResponseJson
{
    // Relaxed escaping keeps base64 '+' and URLs readable, as the real service sends them.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Error(ApiError error) => Write(writer =>
    {
        writer.WriteStartObject("error");
        writer.WriteString("message", error.Message);
        writer.WriteString("type", error.Type);
        WriteNullableString(writer, "param", error.Param);
        WriteNullableString(writer, "code", error.Code);
        writer.WriteEndObject();
    });

    public static byte[] Images(ImageGenerationRequest request, long created, IReadOnlyList<ImageItem> items) => Write(writer =>
    {
        writer.WriteNumber("created", created);
        if (request.Model.IsGptImage)
        {
            writer.WriteString("background", request.Background);
        }

        writer.WriteStartArray("data");
        foreach (ImageItem item in items)
        {
            writer.WriteStartObject();
            if (item.Png is not null)
            {
                writer.WriteBase64String("b64_json", item.Png);
            }

            if (item.Url is not null)
            {
                writer.WriteString("url", item.Url);
            }

            if (item.RevisedPrompt is not null)
            {
                writer.WriteString("revised_prompt", item.RevisedPrompt);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (request.Model.IsGptImage)
        {
            writer.WriteString("output_format", request.OutputFormat);
            writer.WriteString("quality", request.Quality);
            writer.WriteString("size", request.Size);
            TokenUsage.Estimate(request, items.Count).WriteTo(writer);
        }
    });

    /// <summary>An <c>image_generation.partial_image</c> or <c>image_edit.partial_image</c> event, by <paramref name="type"/>.</summary>
    public static byte[] PartialImageEvent(string type, ImageGenerationRequest request, long createdAt, byte[] png, int index) => Write(writer =>
    {
        writer.WriteString("type", type);
        writer.WriteBase64String("b64_json", png);
        writer.WriteNumber("partial_image_index", index);
        writer.WriteNumber("created_at", createdAt);
        WriteSettings(writer, request);
    });

    /// <summary>An <c>image_generation.completed</c> or <c>image_edit.completed</c> event, by <paramref name="type"/>.</summary>
    public static byte[] CompletedEvent(string type, ImageGenerationRequest request, long createdAt, byte[] png) => Write(writer =>
    {
        writer.WriteString("type", type);
        writer.WriteBase64String("b64_json", png);
        writer.WriteNumber("created_at", createdAt);
        WriteSettings(writer, request);
        TokenUsage.Estimate(request, images: 1).WriteTo(writer);
    });

    private static void WriteSettings(Utf8JsonWriter writer, ImageGenerationRequest request)
    {
        writer.WriteString("background", request.Background);
        writer.WriteString("output_format", request.OutputFormat);
        writer.WriteString("quality", request.Quality);
        writer.WriteString("size", request.Size);
    }

    private static void WriteNullableString(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    private static byte[] Write(Action<Utf8JsonWriter> writeProperties)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            writeProperties(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
