using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace CreateImageSdk.LocalServer.Tests;

public sealed class StreamingTests
{
    [Fact]
    public async Task Stream_sends_partial_images_then_the_completed_image()
    {
        await using LocalImageServer server = await LocalImageServer.StartAsync();
        using var client = new TestClient(server);

        using HttpResponseMessage response = await client.PostAsync(
            """{"prompt":"x","model":"gpt-image-1-mini","stream":true,"partial_images":2,"quality":"low"}""",
            HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        List<(string Name, JsonElement Data)> events = await ServerSentEvents.ReadAsync(await response.Content.ReadAsStreamAsync());
        Assert.Equal(
            ["image_generation.partial_image", "image_generation.partial_image", "image_generation.completed"],
            events.ConvertAll(e => e.Name));
        for (int i = 0; i < 2; i++)
        {
            Assert.Equal(events[i].Name, events[i].Data.GetProperty("type").GetString());
            Assert.Equal(i, events[i].Data.GetProperty("partial_image_index").GetInt32());
            Assert.Equal("1024x1024", events[i].Data.GetProperty("size").GetString());
        }

        JsonElement completed = events[2].Data;
        Assert.Equal("low", completed.GetProperty("quality").GetString());
        Assert.Equal(272, completed.GetProperty("usage").GetProperty("output_tokens").GetInt32());
        PngFile final = PngFile.Read(Convert.FromBase64String(completed.GetProperty("b64_json").GetString()!));
        Assert.Equal((1024, 1024), (final.Width, final.Height));
        Assert.NotEqual(events[0].Data.GetProperty("b64_json").GetString(), completed.GetProperty("b64_json").GetString());
    }
}
