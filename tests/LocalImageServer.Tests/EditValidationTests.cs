using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace CreateImageSdk.LocalServer.Tests;

public sealed class EditValidationTests
{
    private static readonly byte[] Square = TestImages.Png(1024, 1024);

    [Theory]
    [InlineData("seventeen image[] files", "image", "at most 16")]
    [InlineData("dall-e-2 with two images", "image", "exactly one")]
    [InlineData("dall-e-2 with a non-square png", "image", "square")]
    [InlineData("dall-e-2 with a jpeg", "image", "'png'")]
    [InlineData("dall-e-2 with a png of 4 MB", "image", "smaller than")]
    [InlineData("a gif", "image", "'png', 'webp', 'jpeg'")]
    [InlineData("random bytes declared as a png", "image", "'png', 'webp', 'jpeg'")]
    [InlineData("a png without its IHDR chunk", "image", "IHDR")]
    [InlineData("image and image[] together", "image", "not both")]
    [InlineData("image twice", "image", "image[]")]
    [InlineData("no image", "image", "Missing required parameter")]
    [InlineData("no prompt", "prompt", "Missing required parameter")]
    [InlineData("dall-e-2 prompt over 1000 characters", "prompt", "1000")]
    [InlineData("a mask of other dimensions", "mask", "1024x1024")]
    [InlineData("a jpeg mask", "mask", "'png'")]
    [InlineData("input_fidelity with gpt-image-1-mini", "input_fidelity", "gpt-image-1-mini")]
    [InlineData("input_fidelity with dall-e-2", "input_fidelity", "dall-e-2")]
    [InlineData("input_fidelity medium", "input_fidelity", "'high', 'low'")]
    [InlineData("dall-e-3", "model", "does not support image edits")]
    [InlineData("an unknown model", "model", "'gpt-image-1.5'")]
    [InlineData("stream with dall-e-2", "stream", "GPT image models")]
    [InlineData("stream=yes", "stream", "'true' or 'false'")]
    [InlineData("partial_images without stream", "partial_images", "stream")]
    [InlineData("response_format with a GPT model", "response_format", "dall-e-2")]
    [InlineData("quality auto with dall-e-2", "quality", "'standard'")]
    [InlineData("size 1792x1024", "size", "1792x1024")]
    [InlineData("gpt-image-2 size 1000x1000", "size", "multiples of 16")]
    [InlineData("output_compression with png", "output_compression", "png")]
    [InlineData("transparent jpeg", "background", "jpeg")]
    [InlineData("n=11", "n", "between 1 and 10")]
    [InlineData("n=two", "n", "an integer")]
    [InlineData("prompt twice", "prompt", "only once")]
    public async Task Multipart_refusal_is_a_400_naming_the_field(string scenario, string param, string messagePart)
    {
        await using LocalImageServer server = await LocalImageServer.StartAsync();
        using var client = new TestClient(server);

        JsonElement error = (await client.PostEditForJsonAsync(Multipart(scenario), 400)).GetProperty("error");

        Assert.Equal(param, error.GetProperty("param").GetString());
        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("code").GetString()));
        Assert.Contains(messagePart, error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Refused_image_formats_have_their_own_code_and_name_what_was_detected()
    {
        await using LocalImageServer server = await LocalImageServer.StartAsync();
        using var client = new TestClient(server);

        JsonElement error = (await client.PostEditForJsonAsync(Multipart("a gif"), 400)).GetProperty("error");

        Assert.Equal("invalid_image_format", error.GetProperty("code").GetString());
        Assert.Contains("'image' (\"anim.png\"): unsupported image format (gif)", error.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("""{"model":"dall-e-2","prompt":"x","images":[{"file_id":"file-abc123"}]}""", "model", "multipart/form-data")]
    [InlineData("""{"model":"dall-e-3","prompt":"x","images":[{"file_id":"file-abc123"}]}""", "model", "does not support image edits")]
    [InlineData("""{"prompt":"x","images":[{"image_url":"https://example.com/a.png","file_id":"file-abc123"}]}""", "images", "exactly one")]
    [InlineData("""{"prompt":"x","images":[{}]}""", "images", "exactly one")]
    [InlineData("""{"prompt":"x","images":[{"image_url":"https://example.com/a.png","detail":"high"}]}""", "images", "'detail'")]
    [InlineData("""{"prompt":"x","images":[{"file_id":""}]}""", "images", "non-empty string")]
    [InlineData("""{"prompt":"x","images":[{"image_url":"example.com/a.png"}]}""", "images", "fully qualified")]
    [InlineData("""{"prompt":"x","images":[{"image_url":"data:image/png,not-base64"}]}""", "images", "base64")]
    [InlineData("""{"prompt":"x","images":[]}""", "images", "minimum length 1")]
    [InlineData("""{"prompt":"x","images":{"file_id":"file-abc123"}}""", "images", "an array")]
    [InlineData("""{"prompt":"x"}""", "images", "Missing required parameter")]
    [InlineData("""{"images":[{"file_id":"file-abc123"}]}""", "prompt", "Missing required parameter")]
    [InlineData("""{"prompt":"x","images":[{"file_id":"file-abc123"}],"mask":{"file_id":"f","image_url":"https://example.com/m.png"}}""", "mask", "exactly one")]
    [InlineData("""{"prompt":"x","images":[{"file_id":"file-abc123"}],"model":"gpt-image-1-mini","input_fidelity":"high"}""", "input_fidelity", "gpt-image-1-mini")]
    [InlineData("""{"prompt":"x","images":[{"file_id":"file-abc123"}],"moderation":"strict"}""", "moderation", "'low', 'auto'")]
    [InlineData("""{"prompt":"x","images":[{"file_id":"file-abc123"}],"n":"2"}""", "n", "an integer")]
    [InlineData("""{"prompt":"x","images":[{"file_id":"file-abc123"}],"stream":"true"}""", "stream", "a boolean")]
    public async Task Json_refusal_is_a_400_naming_the_field(string body, string param, string messagePart)
    {
        await using LocalImageServer server = await LocalImageServer.StartAsync();
        using var client = new TestClient(server);

        JsonElement error = (await client.PostEditForJsonAsync(body, 400)).GetProperty("error");

        Assert.Equal(param, error.GetProperty("param").GetString());
        Assert.Contains(messagePart, error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Seventeen_json_references_are_refused()
    {
        await using LocalImageServer server = await LocalImageServer.StartAsync();
        using var client = new TestClient(server);
        string references = string.Join(",", Enumerable.Range(0, 17).Select(i => $$"""{"file_id":"file-{{i}}"}"""));

        JsonElement sixteen = await client.PostEditForJsonAsync($$"""{"prompt":"x","images":[{{references[..references.LastIndexOf(',')]}}]}""", 200);
        JsonElement error = (await client.PostEditForJsonAsync($$"""{"prompt":"x","images":[{{references}}]}""", 400)).GetProperty("error");

        Assert.Equal(16 * 765, sixteen.GetProperty("usage").GetProperty("input_tokens_details").GetProperty("image_tokens").GetInt32());
        Assert.Equal("images", error.GetProperty("param").GetString());
        Assert.Contains("at most 16", error.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("""{"prompt":"x","images":[{"file_id":"f"}],"response_format":"url"}""", "Unrecognized request argument supplied: response_format")]
    [InlineData("""{"prompt":"x",""", "could not parse the JSON body")]
    [InlineData("""[{"prompt":"x"}]""", "expected an object")]
    public async Task Json_body_problems_are_400s(string body, string messagePart)
    {
        await using LocalImageServer server = await LocalImageServer.StartAsync();
        using var client = new TestClient(server);

        JsonElement error = (await client.PostEditForJsonAsync(body, 400)).GetProperty("error");

        Assert.Contains(messagePart, error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Unknown_multipart_field_is_refused_like_an_unknown_json_argument()
    {
        await using LocalImageServer server = await LocalImageServer.StartAsync();
        using var client = new TestClient(server);

        // moderation is in the JSON form only.
        JsonElement error = (await client.PostEditForJsonAsync(EditForm.Create(("prompt", "x"), ("image", Square), ("moderation", "low")), 400)).GetProperty("error");

        Assert.Equal("Unrecognized request argument supplied: moderation", error.GetProperty("message").GetString());
        Assert.Equal(JsonValueKind.Null, error.GetProperty("param").ValueKind);
    }

    [Theory]
    [InlineData("text/plain", "text/plain")]
    [InlineData("application/x-www-form-urlencoded", "application/x-www-form-urlencoded")]
    [InlineData(null, "none was sent")]
    public async Task Body_that_is_neither_multipart_nor_json_is_a_400_naming_its_content_type(string? contentType, string messagePart)
    {
        await using LocalImageServer server = await LocalImageServer.StartAsync();
        using var client = new TestClient(server);
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("prompt=x"));
        if (contentType is not null)
        {
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        }

        JsonElement error = (await client.PostEditForJsonAsync(content, 400)).GetProperty("error");

        Assert.Contains(messagePart, error.GetProperty("message").GetString());
        Assert.Contains("multipart/form-data or application/json", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Broken_multipart_body_is_a_400()
    {
        await using LocalImageServer server = await LocalImageServer.StartAsync();
        using var client = new TestClient(server);
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes("--other\r\nContent-Disposition: form-data; name=\"prompt\"\r\n\r\nx\r\n--other--\r\n"));
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=expected");

        JsonElement error = (await client.PostEditForJsonAsync(content, 400)).GetProperty("error");

        Assert.Equal("invalid_multipart", error.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Accepted_variants_pass()
    {
        await using LocalImageServer server = await LocalImageServer.StartAsync();
        using var client = new TestClient(server);

        JsonElement custom = await client.PostEditForJsonAsync(EditForm.Create(("model", "gpt-image-2"), ("prompt", "x"), ("image", Square),
            ("size", "1536x864"), ("input_fidelity", "high"), ("background", "transparent"), ("output_format", "webp"),
            ("output_compression", "50"), ("n", "2"), ("user", "user-1234")), 200);
        JsonElement matchingMask = await client.PostEditForJsonAsync(EditForm.Create(("model", "gpt-image-1"), ("prompt", "x"),
            ("image[]", TestImages.Png(1024, 1536)), ("image[]", Square), ("mask", TestImages.Png(1024, 1536, alpha: true)), ("input_fidelity", "low")), 200);

        Assert.Equal("1536x864", custom.GetProperty("size").GetString());
        Assert.Equal("transparent", custom.GetProperty("background").GetString());
        Assert.Equal(2, custom.GetProperty("data").GetArrayLength());
        PngFile png = PngFile.Read(Convert.FromBase64String(custom.GetProperty("data")[1].GetProperty("b64_json").GetString()!));
        Assert.Equal((1536, 864, 4), (png.Width, png.Height, png.Channels));
        Assert.Equal("1024x1536", matchingMask.GetProperty("size").GetString());
    }

    private static MultipartFormDataContent Multipart(string scenario) => scenario switch
    {
        "seventeen image[] files" => EditForm.Create([("prompt", "x"), .. Enumerable.Repeat<(string, object)>(("image[]", TestImages.Png(16, 16)), 17)]),
        "dall-e-2 with two images" => EditForm.Create(("model", "dall-e-2"), ("prompt", "x"), ("image[]", Square), ("image[]", Square)),
        "dall-e-2 with a non-square png" => EditForm.Create(("model", "dall-e-2"), ("prompt", "x"), ("image", TestImages.Png(1024, 512))),
        "dall-e-2 with a jpeg" => EditForm.Create(("model", "dall-e-2"), ("prompt", "x"), ("image", new Upload(TestImages.Jpeg(512, 512), "a.jpg", "image/jpeg"))),
        "dall-e-2 with a png of 4 MB" => EditForm.Create(("model", "dall-e-2"), ("prompt", "x"), ("image", Padded(Square, 4 * 1024 * 1024))),
        "a gif" => EditForm.Create(("prompt", "x"), ("image", new Upload(TestImages.Gif(), "anim.png"))),
        "random bytes declared as a png" => EditForm.Create(("prompt", "x"), ("image", new Upload([.. Enumerable.Range(0, 64).Select(i => (byte)(i * 37))]))),
        "a png without its IHDR chunk" => EditForm.Create(("prompt", "x"), ("image", Square[..8])),
        "image and image[] together" => EditForm.Create(("prompt", "x"), ("image", Square), ("image[]", Square)),
        "image twice" => EditForm.Create(("prompt", "x"), ("image", Square), ("image", Square)),
        "no image" => EditForm.Create(("prompt", "x"), ("model", "gpt-image-1")),
        "no prompt" => EditForm.Create(("image", Square)),
        "dall-e-2 prompt over 1000 characters" => EditForm.Create(("model", "dall-e-2"), ("prompt", new string('a', 1001)), ("image", Square)),
        "a mask of other dimensions" => EditForm.Create(("prompt", "x"), ("image", Square), ("mask", TestImages.Png(512, 512, alpha: true))),
        "a jpeg mask" => EditForm.Create(("prompt", "x"), ("image", Square), ("mask", new Upload(TestImages.Jpeg(1024, 1024), "mask.png"))),
        "input_fidelity with gpt-image-1-mini" => EditForm.Create(("model", "gpt-image-1-mini"), ("prompt", "x"), ("image", Square), ("input_fidelity", "high")),
        "input_fidelity with dall-e-2" => EditForm.Create(("model", "dall-e-2"), ("prompt", "x"), ("image", Square), ("input_fidelity", "low")),
        "input_fidelity medium" => EditForm.Create(("prompt", "x"), ("image", Square), ("input_fidelity", "medium")),
        "dall-e-3" => EditForm.Create(("model", "dall-e-3"), ("prompt", "x"), ("image", Square)),
        "an unknown model" => EditForm.Create(("model", "gpt-image-9"), ("prompt", "x"), ("image", Square)),
        "stream with dall-e-2" => EditForm.Create(("model", "dall-e-2"), ("prompt", "x"), ("image", Square), ("stream", "true")),
        "stream=yes" => EditForm.Create(("prompt", "x"), ("image", Square), ("stream", "yes")),
        "partial_images without stream" => EditForm.Create(("prompt", "x"), ("image", Square), ("partial_images", "2")),
        "response_format with a GPT model" => EditForm.Create(("prompt", "x"), ("image", Square), ("response_format", "b64_json")),
        "quality auto with dall-e-2" => EditForm.Create(("model", "dall-e-2"), ("prompt", "x"), ("image", Square), ("quality", "auto")),
        "size 1792x1024" => EditForm.Create(("prompt", "x"), ("image", Square), ("size", "1792x1024")),
        "gpt-image-2 size 1000x1000" => EditForm.Create(("model", "gpt-image-2"), ("prompt", "x"), ("image", Square), ("size", "1000x1000")),
        "output_compression with png" => EditForm.Create(("prompt", "x"), ("image", Square), ("output_compression", "80")),
        "transparent jpeg" => EditForm.Create(("prompt", "x"), ("image", Square), ("background", "transparent"), ("output_format", "jpeg")),
        "n=11" => EditForm.Create(("prompt", "x"), ("image", Square), ("n", "11")),
        "n=two" => EditForm.Create(("prompt", "x"), ("image", Square), ("n", "two")),
        "prompt twice" => EditForm.Create(("prompt", "x"), ("prompt", "y"), ("image", Square)),
        _ => throw new ArgumentOutOfRangeException(nameof(scenario), scenario, null),
    };

    /// <summary>A valid PNG followed by padding up to <paramref name="length"/> bytes: the header still reads, only the size is wrong.</summary>
    private static byte[] Padded(byte[] png, int length)
    {
        var padded = new byte[length];
        png.CopyTo(padded, 0);
        return padded;
    }
}
