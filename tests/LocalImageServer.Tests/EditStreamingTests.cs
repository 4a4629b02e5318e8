using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace CreateImageSdk.LocalServer.Tests;

public sealed class EditStreamingTests
{
    [Fact]
    public async Task Stream_sends_image_edit_partial_images_then_the_completed_image_with_usage()
    {
        await using LocalImageServer server = await LocalImageServer.StartAsync();
        using var client = new TestClient(server);

        using HttpResponseMessage response = await client.PostEditAsync(EditForm.Create(
            ("model", "gpt-image-1.5"), ("prompt", "Create a lovely gift basket"), ("image[]", TestImages.Png(64, 64)),
            ("image[]", TestImages.Png(64, 64, shade: 5)), ("stream", "true"), ("partial_images", "2"), ("quality", "low"), ("size", "1024x1536")),
            HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        List<(string Name, JsonElement Data)> events = await ServerSentEvents.ReadAsync(await response.Content.ReadAsStreamAsync());
        Assert.Equal(["image_edit.partial_image", "image_edit.partial_image", "image_edit.completed"], events.ConvertAll(e => e.Name));
        for (int i = 0; i < 2; i++)
        {
            JsonElement partial = events[i].Data;
            Assert.Equal("image_edit.partial_image", partial.GetProperty("type").GetString());
            Assert.Equal(i, partial.GetProperty("partial_image_index").GetInt32());
            Assert.Equal("1024x1536", partial.GetProperty("size").GetString());
            Assert.True(partial.GetProperty("created_at").GetInt64() > 1_700_000_000);
            Assert.False(partial.TryGetProperty("usage", out _));
        }

        JsonElement completed = events[2].Data;
        Assert.Equal("image_edit.completed", completed.GetProperty("type").GetString());
        Assert.Equal(("low", "opaque", "png"), (completed.GetProperty("quality").GetString(), completed.GetProperty("background").GetString(), completed.GetProperty("output_format").GetString()));
        JsonElement usage = completed.GetProperty("usage");
        Assert.Equal(2 * 765, usage.GetProperty("input_tokens_details").GetProperty("image_tokens").GetInt32());
        Assert.Equal(408, usage.GetProperty("output_tokens").GetInt32());
        PngFile final = PngFile.Read(Convert.FromBase64String(completed.GetProperty("b64_json").GetString()!));
        Assert.Equal((1024, 1536), (final.Width, final.Height));
        Assert.NotEqual(events[1].Data.GetProperty("b64_json").GetString(), completed.GetProperty("b64_json").GetString());
    }

    [Fact]
    public async Task Json_edit_without_partial_images_streams_only_the_completed_event()
    {
        await using LocalImageServer server = await LocalImageServer.StartAsync();
        using var client = new TestClient(server);
        var content = new StringContent("""{"prompt":"x","images":[{"file_id":"file-abc123"}],"stream":true,"partial_images":0}""", Encoding.UTF8, "application/json");

        using HttpResponseMessage response = await client.PostEditAsync(content, HttpCompletionOption.ResponseHeadersRead);

        List<(string Name, JsonElement Data)> events = await ServerSentEvents.ReadAsync(await response.Content.ReadAsStreamAsync());
        (string name, JsonElement data) = Assert.Single(events);
        Assert.Equal("image_edit.completed", name);
        Assert.Equal(765, data.GetProperty("usage").GetProperty("input_tokens_details").GetProperty("image_tokens").GetInt32());
    }
}
