using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace CreateImageSdk.LocalServer.Tests;

public sealed class AuthenticationTests
{
    private const string Body = """{"prompt":"An isolated stop sign.","model":"gpt-image-1"}""";

    [Fact]
    public async Task Missing_key_is_refused_like_the_recorded_401()
    {
        await using LocalImageServer server = await LocalImageServer.StartAsync();
        using var client = new TestClient(server, apiKey: null);

        JsonElement error = (await client.PostForJsonAsync(Body, 401)).GetProperty("error");

        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.Null, error.GetProperty("param").ValueKind);
        Assert.Equal("invalid_api_key", error.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Wrong_key_is_refused_without_echoing_it_and_still_recorded()
    {
        await using LocalImageServer server = await LocalImageServer.StartAsync();
        using var client = new TestClient(server, apiKey: "sk-proj-ZQ93secret");

        using HttpResponseMessage response = await client.PostAsync(Body);
        string body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("\"code\":\"invalid_api_key\"", body);
        Assert.DoesNotContain("ZQ93", body);
        Assert.DoesNotContain("sk-proj", body);
        RecordedRequest recorded = Assert.Single(server.Requests);
        Assert.Equal("POST", recorded.Method);
        Assert.Equal("/v1/images/generations", recorded.Path);
        Assert.Equal("Bearer sk-proj-ZQ93secret", recorded.Headers["AUTHORIZATION"]);
        Assert.Equal(Body, recorded.Body);
    }

    [Fact]
    public async Task Null_api_key_accepts_requests_without_authorization()
    {
        await using LocalImageServer server = await LocalImageServer.StartAsync(new LocalImageServerOptions { ApiKey = null });
        using var client = new TestClient(server, apiKey: null);

        JsonElement response = await client.PostForJsonAsync("""{"prompt":"a cat","size":"256x256"}""", 200);

        Assert.Single(response.GetProperty("data").EnumerateArray());
    }
}
