using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace CreateImageSdk.LocalServer.Tests;

public sealed class ScriptingTests
{
    [Fact]
    public async Task Enqueued_response_replaces_the_next_answer_only()
    {
        await using LocalImageServer server = await LocalImageServer.StartAsync();
        using var noKey = new TestClient(server, apiKey: null);
        using var client = new TestClient(server);
        const string RateLimited = """{"error":{"message":"Rate limit reached","type":"requests","param":null,"code":"rate_limit_exceeded"}}""";
        server.EnqueueResponse(429, RateLimited, new Dictionary<string, string> { ["retry-after"] = "1" });

        using HttpResponseMessage first = await noKey.PostAsync("""{"prompt":"x"}""");
        using HttpResponseMessage second = await client.PostAsync("""{"prompt":"x","size":"256x256"}""");

        Assert.Equal(HttpStatusCode.TooManyRequests, first.StatusCode);
        Assert.Equal(RateLimited, await first.Content.ReadAsStringAsync());
        Assert.Equal("1", first.Headers.GetValues("retry-after").Single());
        Assert.Equal("application/json", first.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("req_", first.Headers.GetValues("x-request-id").Single());
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Response_delay_lets_clients_cancel_and_disposal_does_not_wait_for_it()
    {
        var stopwatch = Stopwatch.StartNew();
        LocalImageServer server = await LocalImageServer.StartAsync(new LocalImageServerOptions { ResponseDelay = TimeSpan.FromMinutes(5) });
        using var client = new TestClient(server);
        using var cancel = new CancellationTokenSource();

        Task<HttpResponseMessage> pending = client.Http.PostAsync("images/generations", new StringContent("{}"), cancel.Token);

        // Cancel only once the server holds the request, so a busy machine cannot turn this into a race.
        var waited = Stopwatch.StartNew();
        while (server.Requests.Count == 0 && waited.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(10);
        Assert.Single(server.Requests);
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
        await server.DisposeAsync();
        // Disposal cuts off the 5-minute delay; it would otherwise wait for it.
        Assert.True(stopwatch.Elapsed < TimeSpan.FromMinutes(2), $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task Unknown_routes_are_404s_in_the_openai_error_shape()
    {
        await using LocalImageServer server = await LocalImageServer.StartAsync();
        using var client = new TestClient(server);

        using HttpResponseMessage response = await client.Http.GetAsync("models");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Invalid URL (GET /v1/models)", await response.Content.ReadAsStringAsync());
        Assert.Empty(server.Requests);
        Assert.EndsWith("/v1/", server.BaseUri.AbsoluteUri);
        Assert.Equal("127.0.0.1", server.BaseUri.Host);
    }
}
