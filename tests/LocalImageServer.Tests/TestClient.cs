using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;

namespace CreateImageSdk.LocalServer.Tests;

/// <summary>A plain HttpClient bound to one server, so the tests exercise the wire format and not the SDK.</summary>
internal sealed class TestClient(LocalImageServer server, string? apiKey = LocalImageServer.DefaultApiKey) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = server.BaseUri };

    public HttpClient Http => _http;

    public Task<HttpResponseMessage> PostAsync(string json, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "images/generations")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (apiKey is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        return _http.SendAsync(request, completion);
    }

    public async Task<JsonElement> PostForJsonAsync(string json, int expectedStatus)
    {
        using HttpResponseMessage response = await PostAsync(json);
        string body = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode != expectedStatus)
        {
            throw new InvalidOperationException($"Expected {expectedStatus}, got {(int)response.StatusCode}: {body}");
        }

        using JsonDocument document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    public void Dispose() => _http.Dispose();
}
