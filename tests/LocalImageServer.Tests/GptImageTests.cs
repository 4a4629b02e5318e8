using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace CreateImageSdk.LocalServer.Tests;

public sealed class GptImageTests
{
    [Fact]
    public async Task Gpt_image_response_echoes_settings_and_reports_usage()
    {
        await using LocalImageServer server = await LocalImageServer.StartAsync();
        using var client = new TestClient(server);

        JsonElement response = await client.PostForJsonAsync(
            """{"prompt":"An isolated stop sign.","model":"gpt-image-1","n":2,"quality":"medium"}""", 200);

        Assert.Equal("opaque", response.GetProperty("background").GetString());
        Assert.Equal("png", response.GetProperty("output_format").GetString());
        Assert.Equal("medium", response.GetProperty("quality").GetString());
        Assert.Equal("1024x1024", response.GetProperty("size").GetString());
        Assert.All(response.GetProperty("data").EnumerateArray(), item =>
        {
            Assert.False(item.TryGetProperty("url", out _));
            PngFile png = PngFile.Read(Convert.FromBase64String(item.GetProperty("b64_json").GetString()!));
            Assert.Equal((1024, 1024), (png.Width, png.Height));
        });
        JsonElement usage = response.GetProperty("usage");
        Assert.Equal(2112, usage.GetProperty("output_tokens").GetInt32());
        Assert.Equal(
            usage.GetProperty("input_tokens").GetInt32() + usage.GetProperty("output_tokens").GetInt32(),
            usage.GetProperty("total_tokens").GetInt32());
        Assert.Equal(usage.GetProperty("input_tokens").GetInt32(), usage.GetProperty("input_tokens_details").GetProperty("text_tokens").GetInt32());
        Assert.Equal(2112, usage.GetProperty("output_tokens_details").GetProperty("image_tokens").GetInt32());
    }

    [Fact]
    public async Task Transparent_webp_gets_an_rgba_image_labelled_webp()
    {
        await using LocalImageServer server = await LocalImageServer.StartAsync();
        using var client = new TestClient(server);

        JsonElement response = await client.PostForJsonAsync(
            """{"prompt":"x","model":"gpt-image-1","output_format":"webp","output_compression":42,"size":"1024x1536","moderation":"low","background":"transparent"}""", 200);

        Assert.Equal("transparent", response.GetProperty("background").GetString());
        Assert.Equal("webp", response.GetProperty("output_format").GetString());
        Assert.Equal("high", response.GetProperty("quality").GetString());
        PngFile png = PngFile.Read(Convert.FromBase64String(response.GetProperty("data")[0].GetProperty("b64_json").GetString()!));
        Assert.Equal((1024, 1536, 4), (png.Width, png.Height, png.Channels));
    }

    [Fact]
    public async Task Gpt_image_2_takes_a_custom_size()
    {
        await using LocalImageServer server = await LocalImageServer.StartAsync();
        using var client = new TestClient(server);

        JsonElement response = await client.PostForJsonAsync("""{"prompt":"x","model":"gpt-image-2","size":"1536x864","quality":"low"}""", 200);

        Assert.Equal("1536x864", response.GetProperty("size").GetString());
        PngFile png = PngFile.Read(Convert.FromBase64String(response.GetProperty("data").EnumerateArray().Single().GetProperty("b64_json").GetString()!));
        Assert.Equal((1536, 864), (png.Width, png.Height));
    }
}
