using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace CreateImageSdk.LocalServer.Tests;

public sealed class DallETests
{
    [Fact]
    public async Task Dall_e_2_urls_download_as_pngs_of_the_requested_size()
    {
        await using LocalImageServer server = await LocalImageServer.StartAsync();
        using var client = new TestClient(server);

        JsonElement response = await client.PostForJsonAsync(
            """{"prompt":"An isolated stop sign.","model":"dall-e-2","n":2,"response_format":"url","size":"256x256"}""", 200);

        Assert.True(response.GetProperty("created").GetInt64() > 1_700_000_000);
        string[] urls = response.GetProperty("data").EnumerateArray().Select(item => item.GetProperty("url").GetString()!).ToArray();
        Assert.Equal(2, urls.Length);
        byte[][] images = new byte[2][];
        for (int i = 0; i < urls.Length; i++)
        {
            var url = new Uri(urls[i]);
            Assert.Equal(server.BaseUri.Authority, url.Authority);
            using HttpResponseMessage download = await client.Http.GetAsync(url);
            Assert.Equal("image/png", download.Content.Headers.ContentType?.MediaType);
            images[i] = await download.Content.ReadAsByteArrayAsync();
            PngFile png = PngFile.Read(images[i]);
            Assert.Equal((256, 256, 3), (png.Width, png.Height, png.Channels));
        }

        Assert.NotEqual(images[0], images[1]);
        Assert.False(response.GetProperty("data")[0].TryGetProperty("revised_prompt", out _));
        Assert.False(response.TryGetProperty("usage", out _));
    }

    [Fact]
    public async Task Dall_e_3_b64_json_has_a_revised_prompt_and_a_full_size_png()
    {
        await using LocalImageServer server = await LocalImageServer.StartAsync();
        using var client = new TestClient(server);

        JsonElement response = await client.PostForJsonAsync(
            """{"prompt":"An isolated stop sign.","model":"dall-e-3","response_format":"b64_json","size":"1792x1024","quality":"hd","style":"natural"}""", 200);

        JsonElement item = Assert.Single(response.GetProperty("data").EnumerateArray());
        Assert.Contains("An isolated stop sign.", item.GetProperty("revised_prompt").GetString());
        PngFile png = PngFile.Read(Convert.FromBase64String(item.GetProperty("b64_json").GetString()!));
        Assert.Equal((1792, 1024), (png.Width, png.Height));
    }

    [Fact]
    public async Task Same_prompt_gives_the_same_image_and_service_headers_are_sent()
    {
        await using LocalImageServer server = await LocalImageServer.StartAsync();
        using var client = new TestClient(server);
        const string Body = """{"prompt":"a lighthouse","size":"512x512","response_format":"b64_json"}""";

        using HttpResponseMessage first = await client.PostAsync(Body);
        JsonElement second = await client.PostForJsonAsync(Body, 200);

        Assert.StartsWith("req_", first.Headers.GetValues("x-request-id").Single());
        Assert.True(int.TryParse(first.Headers.GetValues("openai-processing-ms").Single(), out _));
        using JsonDocument firstJson = JsonDocument.Parse(await first.Content.ReadAsStringAsync());
        Assert.Equal(
            firstJson.RootElement.GetProperty("data")[0].GetProperty("b64_json").GetString(),
            second.GetProperty("data")[0].GetProperty("b64_json").GetString());
    }
}
