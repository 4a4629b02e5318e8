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

    public Task<HttpResponseMessage> PostAsync(string json, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead) =>
        SendAsync("images/generations", new StringContent(json, Encoding.UTF8, "application/json"), completion);

    public async Task<JsonElement> PostForJsonAsync(string json, int expectedStatus)
    {
        using HttpResponseMessage response = await PostAsync(json);
        return await ReadJsonAsync(response, expectedStatus);
    }

    /// <summary>Posts an edit: a <see cref="MultipartFormDataContent"/>, or JSON content for the JSON form.</summary>
    public Task<HttpResponseMessage> PostEditAsync(HttpContent content, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead) =>
        SendAsync("images/edits", content, completion);

    public async Task<JsonElement> PostEditForJsonAsync(HttpContent content, int expectedStatus)
    {
        using HttpResponseMessage response = await PostEditAsync(content);
        return await ReadJsonAsync(response, expectedStatus);
    }

    public Task<JsonElement> PostEditForJsonAsync(string json, int expectedStatus) =>
        PostEditForJsonAsync(new StringContent(json, Encoding.UTF8, "application/json"), expectedStatus);

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, int expectedStatus)
    {
        string body = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode != expectedStatus)
        {
            throw new InvalidOperationException($"Expected {expectedStatus}, got {(int)response.StatusCode}: {body}");
        }

        using JsonDocument document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    private Task<HttpResponseMessage> SendAsync(string path, HttpContent content, HttpCompletionOption completion)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        if (apiKey is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        return _http.SendAsync(request, completion);
    }

    public void Dispose() => _http.Dispose();
}
