using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace CreateImageSdk.LocalServer.Tests;

public sealed class EditTests
{
    private static readonly byte[] Square = TestImages.Png(1024, 1024);

    [Fact]
    public async Task One_image_edit_answers_a_png_of_the_requested_size_and_counts_the_input()
    {
        await using LocalImageServer server = await LocalImageServer.StartAsync();
        using var client = new TestClient(server);

        JsonElement response = await client.PostEditForJsonAsync(EditForm.Create(
            ("model", "gpt-image-1"), ("prompt", "Add a red hat"), ("image", Square), ("size", "1536x1024"), ("quality", "low")), 200);

        Assert.Equal("opaque", response.GetProperty("background").GetString());
        Assert.Equal("png", response.GetProperty("output_format").GetString());
        Assert.Equal("low", response.GetProperty("quality").GetString());
        Assert.Equal("1536x1024", response.GetProperty("size").GetString());
        JsonElement item = Assert.Single(response.GetProperty("data").EnumerateArray());
        Assert.False(item.TryGetProperty("url", out _));
        PngFile png = PngFile.Read(Convert.FromBase64String(item.GetProperty("b64_json").GetString()!));
        Assert.Equal((1536, 1024, 3), (png.Width, png.Height, png.Channels));
        JsonElement usage = response.GetProperty("usage");
        JsonElement inputDetails = usage.GetProperty("input_tokens_details");
        Assert.Equal(765, inputDetails.GetProperty("image_tokens").GetInt32());
        Assert.Equal(
            inputDetails.GetProperty("text_tokens").GetInt32() + inputDetails.GetProperty("image_tokens").GetInt32(),
            usage.GetProperty("input_tokens").GetInt32());
        Assert.Equal(400, usage.GetProperty("output_tokens").GetInt32());
        Assert.Equal(
            usage.GetProperty("input_tokens").GetInt32() + usage.GetProperty("output_tokens").GetInt32(),
            usage.GetProperty("total_tokens").GetInt32());
    }

    [Fact]
    public async Task Image_array_files_are_each_counted_and_the_picture_depends_on_them()
    {
        await using LocalImageServer server = await LocalImageServer.StartAsync();
        using var client = new TestClient(server);
        MultipartFormDataContent Three(byte shade) => EditForm.Create(
            ("prompt", "A gift basket with these items"), ("image[]", TestImages.Png(64, 64, shade: shade)),
            ("image[]", TestImages.Png(64, 64, shade: 2)), ("image[]", new Upload(TestImages.Png(64, 64, shade: 3), "soap.png")));

        JsonElement first = await client.PostEditForJsonAsync(Three(shade: 1), 200);
        JsonElement again = await client.PostEditForJsonAsync(Three(shade: 1), 200);
        JsonElement otherInput = await client.PostEditForJsonAsync(Three(shade: 9), 200);
        JsonElement single = await client.PostEditForJsonAsync(EditForm.Create(("prompt", "A gift basket with these items"), ("image", TestImages.Png(64, 64, shade: 1))), 200);

        Assert.Equal(3 * 765, first.GetProperty("usage").GetProperty("input_tokens_details").GetProperty("image_tokens").GetInt32());
        Assert.Equal(765, single.GetProperty("usage").GetProperty("input_tokens_details").GetProperty("image_tokens").GetInt32());
        Assert.Equal(Picture(first), Picture(again));
        Assert.NotEqual(Picture(first), Picture(otherInput));
        Assert.NotEqual(Picture(first), Picture(single));
    }

    [Theory]
    [InlineData(1024, 1536, "auto", "1024x1536")]
    [InlineData(1536, 1024, null, "1536x1024")]
    [InlineData(640, 480, "auto", "1024x1024")]
    [InlineData(1024, 1536, "1024x1024", "1024x1024")]
    public async Task Auto_size_keeps_the_first_images_dimensions_when_the_model_can_produce_them(int width, int height, string? size, string expected)
    {
        await using LocalImageServer server = await LocalImageServer.StartAsync();
        using var client = new TestClient(server);
        var parts = new List<(string, object)> { ("prompt", "x"), ("image[]", TestImages.Png(width, height)), ("image[]", Square) };
        if (size is not null)
        {
            parts.Add(("size", size));
        }

        JsonElement response = await client.PostEditForJsonAsync(EditForm.Create([.. parts]), 200);

        Assert.Equal(expected, response.GetProperty("size").GetString());
        PngFile png = PngFile.Read(Convert.FromBase64String(response.GetProperty("data")[0].GetProperty("b64_json").GetString()!));
        Assert.Equal(expected, $"{png.Width}x{png.Height}");
    }

    [Fact]
    public async Task Gpt_models_take_jpeg_and_webp_by_their_bytes_whatever_the_declared_type()
    {
        await using LocalImageServer server = await LocalImageServer.StartAsync();
        using var client = new TestClient(server);

        // Declared as octet-stream and as PNG: the server goes by the bytes, and reads their headers' sizes.
        JsonElement jpegFirst = await client.PostEditForJsonAsync(EditForm.Create(("prompt", "x"), ("model", "gpt-image-1-mini"),
            ("image[]", new Upload(TestImages.Jpeg(1536, 1024), "photo.bin", "application/octet-stream")),
            ("image[]", new Upload(TestImages.WebP(1024, 1536), "sketch.png", "image/png"))), 200);
        JsonElement webpFirst = await client.PostEditForJsonAsync(EditForm.Create(("prompt", "x"), ("model", "gpt-image-2"),
            ("image", new Upload(TestImages.WebP(1024, 1536), "sketch.webp", "image/webp"))), 200);

        Assert.Equal("1536x1024", jpegFirst.GetProperty("size").GetString());
        Assert.Equal("1024x1536", webpFirst.GetProperty("size").GetString());
    }

    [Fact]
    public async Task Dall_e_2_edit_answers_urls_or_base64_without_gpt_fields()
    {
        await using LocalImageServer server = await LocalImageServer.StartAsync();
        using var client = new TestClient(server);
        byte[] input = TestImages.Png(512, 512, alpha: true);

        JsonElement urls = await client.PostEditForJsonAsync(EditForm.Create(
            ("model", "dall-e-2"), ("prompt", "A sunlit indoor lounge area with a pool"), ("image", input), ("mask", TestImages.Png(512, 512, alpha: true)),
            ("n", "2"), ("size", "256x256"), ("response_format", "url"), ("quality", "standard")), 200);
        JsonElement base64 = await client.PostEditForJsonAsync(EditForm.Create(
            ("model", "dall-e-2"), ("prompt", "A sunlit indoor lounge area with a pool"), ("image", input), ("response_format", "b64_json")), 200);

        Assert.Equal(2, urls.GetProperty("data").GetArrayLength());
        foreach (JsonElement item in urls.GetProperty("data").EnumerateArray())
        {
            using HttpResponseMessage download = await client.Http.GetAsync(new Uri(item.GetProperty("url").GetString()!));
            Assert.Equal("image/png", download.Content.Headers.ContentType?.MediaType);
            PngFile png = PngFile.Read(await download.Content.ReadAsByteArrayAsync());
            Assert.Equal((256, 256), (png.Width, png.Height));
        }

        // With no size, the answer keeps the input's (listed) size.
        PngFile single = PngFile.Read(Convert.FromBase64String(base64.GetProperty("data")[0].GetProperty("b64_json").GetString()!));
        Assert.Equal((512, 512), (single.Width, single.Height));
        Assert.All(new[] { "usage", "background", "size", "output_format", "quality" }, name => Assert.False(base64.TryGetProperty(name, out _), name));
    }

    [Fact]
    public async Task Json_form_takes_image_url_and_file_id_references_without_fetching_them()
    {
        await using LocalImageServer server = await LocalImageServer.StartAsync();
        using var client = new TestClient(server);
        const string Body = """
            {"model":"gpt-image-1.5","prompt":"Replace the background with a snowy mountain scene",
             "images":[{"image_url":"https://example.invalid/source-image.png"},{"file_id":"file-abc123"}],
             "mask":{"file_id":"file-mask123"},"quality":"medium","input_fidelity":"high","moderation":"low",
             "output_format":"webp","output_compression":80,"size":"1024x1536","user":"user-1234"}
            """;

        JsonElement response = await client.PostEditForJsonAsync(Body, 200);
        JsonElement otherFile = await client.PostEditForJsonAsync(Body.Replace("file-abc123", "file-xyz789", StringComparison.Ordinal), 200);

        Assert.Equal("webp", response.GetProperty("output_format").GetString());
        Assert.Equal("medium", response.GetProperty("quality").GetString());
        Assert.Equal(2 * 765, response.GetProperty("usage").GetProperty("input_tokens_details").GetProperty("image_tokens").GetInt32());
        PngFile png = PngFile.Read(Convert.FromBase64String(response.GetProperty("data")[0].GetProperty("b64_json").GetString()!));
        Assert.Equal((1024, 1536), (png.Width, png.Height));
        Assert.NotEqual(Picture(response), Picture(otherFile));
    }

    [Fact]
    public async Task Json_form_decodes_a_data_url_and_checks_it_like_an_upload()
    {
        await using LocalImageServer server = await LocalImageServer.StartAsync();
        using var client = new TestClient(server);
        string DataUrl(byte[] bytes) => "data:image/png;base64," + Convert.ToBase64String(bytes);

        JsonElement response = await client.PostEditForJsonAsync(
            $$"""{"prompt":"x","images":[{"image_url":"{{DataUrl(TestImages.Png(1536, 1024))}}"}],"size":"auto"}""", 200);
        JsonElement gif = await client.PostEditForJsonAsync(
            $$"""{"prompt":"x","images":[{"image_url":"{{DataUrl(TestImages.Gif())}}"}]}""", 400);

        Assert.Equal("1536x1024", response.GetProperty("size").GetString());
        Assert.Equal("images", gif.GetProperty("error").GetProperty("param").GetString());
        Assert.Contains("gif", gif.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task Azure_routes_take_edits_with_the_api_key_header()
    {
        await using LocalImageServer server = await LocalImageServer.StartAsync();
        using var http = new HttpClient { BaseAddress = server.BaseUri };

        async Task<HttpResponseMessage> PostAsync(string path, string? apiKey)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = EditForm.Create(("prompt", "x"), ("image", Square)) };
            request.Headers.Add("api-key", apiKey);
            return await http.SendAsync(request);
        }

        using HttpResponseMessage deployment = await PostAsync("/openai/deployments/my-image-edits/images/edits?api-version=2025-04-01-preview", LocalImageServer.DefaultApiKey);
        using HttpResponseMessage v1 = await PostAsync("/openai/v1/images/edits", LocalImageServer.DefaultApiKey);
        using HttpResponseMessage noVersion = await PostAsync("/openai/deployments/my-image-edits/images/edits", LocalImageServer.DefaultApiKey);
        using HttpResponseMessage wrongKey = await PostAsync("/openai/v1/images/edits", "not-the-key");

        JsonElement answer = await TestClient.ReadJsonAsync(deployment, 200);
        Assert.Single(answer.GetProperty("data").EnumerateArray());
        await TestClient.ReadJsonAsync(v1, 200);
        Assert.Equal("api-version", (await TestClient.ReadJsonAsync(noVersion, 400)).GetProperty("error").GetProperty("param").GetString());
        Assert.Equal("invalid_api_key", (await TestClient.ReadJsonAsync(wrongKey, 401)).GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(
            ["/openai/deployments/my-image-edits/images/edits?api-version=2025-04-01-preview", "/openai/v1/images/edits", "/openai/v1/images/edits"],
            server.Requests.Select(request => request.Path));
    }

    [Fact]
    public async Task Edit_is_recorded_with_its_exact_bytes()
    {
        await using LocalImageServer server = await LocalImageServer.StartAsync();
        using var client = new TestClient(server);
        using MultipartFormDataContent form = EditForm.Create(("prompt", "Add a watercolor effect"), ("image", Square), ("mask", TestImages.Png(1024, 1024, alpha: true)));
        byte[] sent = await form.ReadAsByteArrayAsync();

        using HttpResponseMessage response = await client.PostEditAsync(form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        RecordedRequest recorded = Assert.Single(server.Requests);
        Assert.Equal("POST", recorded.Method);
        Assert.Equal("/v1/images/edits", recorded.Path);
        Assert.StartsWith("multipart/form-data; boundary=", recorded.Headers["content-type"]);
        Assert.Equal(sent, recorded.RawBody);
        Assert.Contains("Add a watercolor effect", recorded.Body);
    }

    [Fact]
    public async Task Generations_are_recorded_with_their_raw_bytes_too()
    {
        await using LocalImageServer server = await LocalImageServer.StartAsync();
        using var client = new TestClient(server);
        const string Body = """{"prompt":"café","size":"256x256"}""";

        await client.PostForJsonAsync(Body, 200);

        RecordedRequest recorded = Assert.Single(server.Requests);
        Assert.Equal(Encoding.UTF8.GetBytes(Body), recorded.RawBody);
        Assert.Equal(Body, recorded.Body);
    }

    [Fact]
    public async Task Missing_or_wrong_key_is_refused_for_edits_and_still_recorded()
    {
        await using LocalImageServer server = await LocalImageServer.StartAsync();
        using var noKey = new TestClient(server, apiKey: null);
        using var wrongKey = new TestClient(server, apiKey: "sk-proj-ZQ93secret");

        JsonElement missing = (await noKey.PostEditForJsonAsync(EditForm.Create(("prompt", "x"), ("image", Square)), 401)).GetProperty("error");
        using HttpResponseMessage wrong = await wrongKey.PostEditAsync(EditForm.Create(("prompt", "x"), ("image", Square)));

        Assert.Equal("invalid_api_key", missing.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.DoesNotContain("ZQ93", await wrong.Content.ReadAsStringAsync());
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal("Bearer sk-proj-ZQ93secret", server.Requests[1].Headers["Authorization"]);
    }

    [Fact]
    public async Task Enqueued_response_and_response_delay_apply_to_edits()
    {
        await using LocalImageServer server = await LocalImageServer.StartAsync(new LocalImageServerOptions { ResponseDelay = TimeSpan.FromMilliseconds(300) });
        using var client = new TestClient(server);
        const string Overloaded = """{"error":{"message":"The server is overloaded","type":"server_error","param":null,"code":null}}""";
        server.EnqueueResponse(503, Overloaded, new Dictionary<string, string> { ["retry-after"] = "2" });
        var stopwatch = Stopwatch.StartNew();

        using HttpResponseMessage scripted = await client.PostEditAsync(EditForm.Create(("prompt", "x"), ("image", Square)));
        TimeSpan elapsed = stopwatch.Elapsed;
        using HttpResponseMessage normal = await client.PostEditAsync(EditForm.Create(("prompt", "x"), ("image", Square)));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, scripted.StatusCode);
        Assert.Equal(Overloaded, await scripted.Content.ReadAsStringAsync());
        Assert.Equal("2", scripted.Headers.GetValues("retry-after").Single());
        Assert.True(elapsed >= TimeSpan.FromMilliseconds(290), $"answered after {elapsed}");
        Assert.Equal(HttpStatusCode.OK, normal.StatusCode);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Body_over_the_size_limit_is_a_413_and_recorded_without_its_body(bool declaredLength)
    {
        await using LocalImageServer server = await LocalImageServer.StartAsync();
        using var client = new TestClient(server);
        var huge = new byte[LocalImageServer.MaxRequestBodyBytes];
        TestImages.Png(1024, 1024).CopyTo(huge, 0);
        HttpContent form = EditForm.Create(("prompt", "x"), ("image", huge));

        // Without a Content-Length the body arrives chunked, and the server only finds out while reading it.
        JsonElement error = (await client.PostEditForJsonAsync(declaredLength ? form : new UnknownLengthContent(form), 413)).GetProperty("error");

        Assert.Equal("request_too_large", error.GetProperty("code").GetString());
        Assert.Contains("64 MB", error.GetProperty("message").GetString());
        RecordedRequest recorded = Assert.Single(server.Requests);
        Assert.Empty(recorded.RawBody);
        Assert.Equal(64L * 1024 * 1024, LocalImageServer.MaxRequestBodyBytes);
    }

    [Fact]
    public async Task Edit_models_are_listed_and_each_takes_an_edit()
    {
        await using LocalImageServer server = await LocalImageServer.StartAsync();
        using var client = new TestClient(server);

        Assert.Equal(
            ["dall-e-2", "gpt-image-1", "gpt-image-1-mini", "gpt-image-1.5", "gpt-image-2", "gpt-image-2-2026-04-21", "chatgpt-image-latest"],
            LocalImageServer.EditModels);
        foreach (string model in LocalImageServer.EditModels)
        {
            JsonElement response = await client.PostEditForJsonAsync(EditForm.Create(("model", model), ("prompt", "x"), ("image", Square)), 200);
            Assert.Single(response.GetProperty("data").EnumerateArray());
        }
    }

    private static string Picture(JsonElement response) => response.GetProperty("data")[0].GetProperty("b64_json").GetString()!;

    /// <summary>Sends another content without declaring its length, so HttpClient uses chunked transfer encoding.</summary>
    private sealed class UnknownLengthContent : HttpContent
    {
        private readonly HttpContent _inner;

        public UnknownLengthContent(HttpContent inner)
        {
            _inner = inner;
            Headers.ContentType = inner.Headers.ContentType;
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => _inner.CopyToAsync(stream);

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
