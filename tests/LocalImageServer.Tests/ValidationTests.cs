using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace CreateImageSdk.LocalServer.Tests;

public sealed class ValidationTests
{
    [Theory]
    [InlineData("""{"prompt":"x","model":"dall-e-3","n":2}""", "n")]
    [InlineData("""{"prompt":"x","model":"dall-e-2","size":"1792x1024"}""", "size")]
    [InlineData("""{"prompt":"x","model":"gpt-image-2","size":"1000x1000"}""", "size")]
    [InlineData("""{"prompt":"x","model":"gpt-image-2","size":"3840x1024"}""", "size")]
    [InlineData("""{"prompt":"x","model":"gpt-image-1","background":"transparent","output_format":"jpeg"}""", "background")]
    [InlineData("""{"prompt":"x","model":"gpt-image-1","response_format":"url"}""", "response_format")]
    [InlineData("""{"prompt":"x","model":"gpt-image-1","output_compression":50}""", "output_compression")]
    [InlineData("""{"prompt":"x","model":"gpt-image-1","partial_images":2}""", "partial_images")]
    [InlineData("""{"prompt":"x","model":"dall-e-2","quality":"hd"}""", "quality")]
    [InlineData("""{"prompt":"x","model":"dall-e-2","style":"vivid"}""", "style")]
    [InlineData("""{"prompt":"x","model":"dall-e-3","background":"opaque"}""", "background")]
    [InlineData("""{"prompt":"x","n":"2"}""", "n")]
    [InlineData("""{"prompt":"x","n":11}""", "n")]
    [InlineData("""{"prompt":"","model":"dall-e-2"}""", "prompt")]
    [InlineData("""{"model":"dall-e-2"}""", "prompt")]
    [InlineData("""{"prompt":"x","model":"dall-e-4"}""", "model")]
    public async Task First_violation_is_a_400_naming_the_parameter(string body, string param)
    {
        await using LocalImageServer server = await LocalImageServer.StartAsync();
        using var client = new TestClient(server);

        JsonElement error = (await client.PostForJsonAsync(body, 400)).GetProperty("error");

        Assert.Equal(param, error.GetProperty("param").GetString());
        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("code").GetString()));
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Too_long_prompt_message_names_the_limit()
    {
        await using LocalImageServer server = await LocalImageServer.StartAsync();
        using var client = new TestClient(server);

        JsonElement error = (await client.PostForJsonAsync($$"""{"prompt":"{{new string('a', 1001)}}"}""", 400)).GetProperty("error");

        Assert.Equal("prompt", error.GetProperty("param").GetString());
        Assert.Contains("1000", error.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("""{"prompt":"x","colour":"red"}""", "Unrecognized request argument supplied: colour")]
    [InlineData("""{"prompt":"x",""", "could not parse the JSON body")]
    [InlineData("""["prompt"]""", "expected an object")]
    public async Task Body_problems_are_400s(string body, string messagePart)
    {
        await using LocalImageServer server = await LocalImageServer.StartAsync();
        using var client = new TestClient(server);

        JsonElement error = (await client.PostForJsonAsync(body, 400)).GetProperty("error");

        Assert.Contains(messagePart, error.GetProperty("message").GetString());
    }
}
