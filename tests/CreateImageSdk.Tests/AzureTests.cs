using System;
using System.Threading;
using System.Threading.Tasks;
using CreateImageSdk.LocalServer;
using CreateImageSdk.Tests.Faults;
using Xunit;

namespace CreateImageSdk.Tests
{
    /// <summary>Azure OpenAI through the local server's emulation of both Azure routes and the api-key header.</summary>
    public class AzureTests
    {
        private const string Key = "azure-key-0123456789abcdef";

        [Fact]
        public async Task DeploymentRoute_SendsTheKeyAsApiKey_WithTheApiVersion_AndChecksTheDeploymentsModel()
        {
            await using var server = await LocalImageServer.StartAsync(new LocalImageServerOptions { ApiKey = Key });
            using var client = new ImageClient(new ImageClientOptions
            {
                ApiKey = Key,
                BaseUri = new Uri(server.BaseUri, "/openai/"),
                Azure = new AzureOpenAIOptions { Deployment = "my-image-deployment", ApiVersion = "2025-04-01-preview" },
            });

            var response = await client.CreateImage("otter").UsingGptImage1().WithSize(GptImage1Size.Size1024x1024).SendAsync();

            Assert.Single(response.Data);
            var sent = server.Requests[^1];
            Assert.Equal("/openai/deployments/my-image-deployment/images/generations?api-version=2025-04-01-preview", sent.Path);
            Assert.Equal(Key, sent.Headers["api-key"]);
            Assert.False(sent.Headers.ContainsKey("Authorization"));

            // The deployment runs gpt-image-1, so its rules still apply before anything is sent.
            var before = server.Requests.Count;
            await Assert.ThrowsAsync<ImageRequestValidationException>(() => client.CreateImage("otter").WithModel(ImageModel.GptImage1).WithStyle(ImageStyle.Vivid).SendAsync());
            Assert.Equal(before, server.Requests.Count);
        }

        [Fact]
        public async Task Edits_GoToTheDeploymentsEditRoute_AsMultipart()
        {
            await using var server = await LocalImageServer.StartAsync(new LocalImageServerOptions { ApiKey = Key });
            using var client = new ImageClient(new ImageClientOptions
            {
                ApiKey = Key,
                BaseUri = new Uri(server.BaseUri, "/openai/"),
                Azure = new AzureOpenAIOptions { Deployment = "my-image-deployment", ApiVersion = "2025-04-01-preview" },
            });

            var response = await client.EditImage("beret", ImageInput.FromBytes(Edits.TestImages.Png(64, 64))).UsingGptImage1().SendAsync();

            Assert.Single(response.Data);
            var sent = server.Requests[^1];
            Assert.Equal("/openai/deployments/my-image-deployment/images/edits?api-version=2025-04-01-preview", sent.Path);
            Assert.StartsWith("multipart/form-data; boundary=", sent.Headers["Content-Type"]);
            Assert.Equal(Key, sent.Headers["api-key"]);
        }

        [Fact]
        public async Task V1Route_UsesTheBaseUriAsItIs()
        {
            await using var server = await LocalImageServer.StartAsync(new LocalImageServerOptions { ApiKey = Key });
            using var client = new ImageClient(new ImageClientOptions { ApiKey = Key, BaseUri = new Uri(server.BaseUri, "/openai/v1/"), Azure = new AzureOpenAIOptions() });

            await client.CreateImage("otter").WithModel(ImageModel.GptImage1).SendAsync();

            Assert.Equal("/openai/v1/images/generations", server.Requests[^1].Path);
            Assert.Equal(Key, server.Requests[^1].Headers["api-key"]);
        }

        [Fact]
        public async Task WrongAzureKey_IsA401_AndMissingApiVersionIsRefusedByTheServer()
        {
            await using var server = await LocalImageServer.StartAsync(new LocalImageServerOptions { ApiKey = Key });
            using var client = new ImageClient(new ImageClientOptions { ApiKey = "wrong-key-0123456789", BaseUri = new Uri(server.BaseUri, "/openai/v1/"), Azure = new AzureOpenAIOptions() });

            var ex = await Assert.ThrowsAsync<ImageApiException>(() => client.CreateImage("otter").WithModel(ImageModel.GptImage1).SendAsync());
            Assert.Equal(401, ex.StatusCode);

            // A hand-made URL without api-version: the emulation answers as Azure does.
            using var raw = new ImageClient(new ImageClientOptions { ApiKey = Key, BaseUri = new Uri(server.BaseUri, "/openai/deployments/d/"), Azure = new AzureOpenAIOptions() });
            var answer = await raw.CreateImage("otter").WithModel(ImageModel.GptImage1).SendRawAsync();
            Assert.Equal(400, answer.StatusCode);
            Assert.Contains("api-version", answer.Body);
        }

        [Fact]
        public async Task TokenProvider_IsAskedForEveryAttempt_AndSentAsBearer()
        {
            await using var server = await FaultServer.StartAsync(Fault.Error(503, ("retry-after-ms", "10")), Fault.Ok());
            var calls = 0;
            using var client = new ImageClient(new ImageClientOptions
            {
                BaseUri = server.BaseUri,
                Azure = new AzureOpenAIOptions(),
                TokenProvider = ct => new ValueTask<string>("entra-token-" + Interlocked.Increment(ref calls)),
            });

            await client.CreateImage("otter").SendAsync();

            Assert.Equal(2, calls);
            Assert.Equal(2, server.Attempts);
        }

        [Fact]
        public async Task TokenProviderTokens_ReachTheServer()
        {
            await using var server = await LocalImageServer.StartAsync(new LocalImageServerOptions { ApiKey = "entra-token" });
            using var client = new ImageClient(new ImageClientOptions { BaseUri = new Uri(server.BaseUri, "/openai/v1/"), Azure = new AzureOpenAIOptions(), TokenProvider = _ => new ValueTask<string>("entra-token") });

            await client.CreateImage("otter").WithModel(ImageModel.GptImage1).SendAsync();

            Assert.Equal("Bearer entra-token", server.Requests[^1].Headers["Authorization"]);
            Assert.False(server.Requests[^1].Headers.ContainsKey("api-key"));
        }
    }
}
