using System;
using System.Threading.Tasks;
using CreateImageSdk.LocalServer;
using Xunit;

namespace CreateImageSdk.Tests
{
    /// <summary>Process-wide environment variables: these tests run alone, never beside another collection.</summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class EnvironmentCollection
    {
        public const string Name = "environment";
    }

    [Collection(EnvironmentCollection.Name)]
    public class EnvironmentTests
    {
        [Fact]
        public async Task ClientWithoutOptions_TakesKeyAndBaseUrlFromTheEnvironment()
        {
            await using var server = await LocalImageServer.StartAsync(new LocalImageServerOptions { ApiKey = "sk-from-environment" });
            var previousKey = Environment.GetEnvironmentVariable("OPENAI_API_KEY");
            var previousUrl = Environment.GetEnvironmentVariable("OPENAI_BASE_URL");
            try
            {
                Environment.SetEnvironmentVariable("OPENAI_API_KEY", "sk-from-environment");
                Environment.SetEnvironmentVariable("OPENAI_BASE_URL", server.BaseUri.ToString().TrimEnd('/'));
                using var client = new ImageClient();

                Assert.True(client.HasApiKey);
                Assert.Equal(server.BaseUri, client.BaseUri);
                var response = await client.CreateImage("otter").WithModel(ImageModel.GptImage1).SendAsync();
                Assert.Single(response.Data);
                Assert.Equal("Bearer sk-from-environment", server.Requests[^1].Headers["Authorization"]);
                Assert.DoesNotContain("sk-from-environment", client.ToString());

                Environment.SetEnvironmentVariable("OPENAI_BASE_URL", "not a uri");
                var ex = Assert.Throws<ArgumentException>(() => new ImageClient());
                Assert.Contains("OPENAI_BASE_URL", ex.Message);
            }
            finally
            {
                Environment.SetEnvironmentVariable("OPENAI_API_KEY", previousKey);
                Environment.SetEnvironmentVariable("OPENAI_BASE_URL", previousUrl);
            }
        }

        [Fact]
        public async Task OfficialApiWithoutAKey_FailsBeforeSending_SayingHowToSetIt()
        {
            var previousKey = Environment.GetEnvironmentVariable("OPENAI_API_KEY");
            try
            {
                Environment.SetEnvironmentVariable("OPENAI_API_KEY", null);
                using var client = new ImageClient(new ImageClientOptions { BaseUri = ImageClientOptions.DefaultBaseUri });

                Assert.False(client.HasApiKey);
                var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => client.CreateImage("otter").WithModel(ImageModel.GptImage1).SendAsync());
                Assert.Contains("OPENAI_API_KEY", ex.Message);
                Assert.Contains("nothing was sent", ex.Message);

                // Other hosts (local and compatible servers) may be keyless.
                await using var server = await LocalImageServer.StartAsync(new LocalImageServerOptions { ApiKey = null });
                using var keyless = new ImageClient(new ImageClientOptions { BaseUri = server.BaseUri });
                Assert.Single((await keyless.CreateImage("otter").WithModel(ImageModel.GptImage1).SendAsync()).Data);
            }
            finally
            {
                Environment.SetEnvironmentVariable("OPENAI_API_KEY", previousKey);
            }
        }

        [Fact]
        public void KeyFromTheEnvironmentWithANewlineInside_IsRefusedNamingTheVariable()
        {
            var previousKey = Environment.GetEnvironmentVariable("OPENAI_API_KEY");
            try
            {
                Environment.SetEnvironmentVariable("OPENAI_API_KEY", "sk-first-line\nsk-second-line\n");
                var ex = Assert.Throws<ArgumentException>(() => new ImageClient(new ImageClientOptions { BaseUri = new Uri("http://127.0.0.1:1/") }));
                Assert.Equal("OPENAI_API_KEY", ex.ParamName);
                Assert.DoesNotContain("first-line", ex.ToString());

                Environment.SetEnvironmentVariable("OPENAI_API_KEY", "sk-only-line\n");
                using var client = new ImageClient(new ImageClientOptions { BaseUri = new Uri("http://127.0.0.1:1/") });
                Assert.True(client.HasApiKey);
            }
            finally
            {
                Environment.SetEnvironmentVariable("OPENAI_API_KEY", previousKey);
            }
        }

        [Fact]
        public async Task AzureWithoutACredential_FailsBeforeSending_AndABadDeploymentIsRefusedByName()
        {
            var previousKey = Environment.GetEnvironmentVariable("OPENAI_API_KEY");
            try
            {
                Environment.SetEnvironmentVariable("OPENAI_API_KEY", null);
                using var client = new ImageClient(new ImageClientOptions { BaseUri = new Uri("https://res.openai.azure.com/openai/v1/"), Azure = new AzureOpenAIOptions() });
                var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => client.CreateImage("otter").SendAsync());
                Assert.Contains("TokenProvider", ex.Message);

                var bad = Assert.Throws<ArgumentException>(() => new ImageClient(new ImageClientOptions { ApiKey = "k", Azure = new AzureOpenAIOptions { Deployment = "a/b" } }));
                Assert.Equal("Azure.Deployment", bad.ParamName);
            }
            finally
            {
                Environment.SetEnvironmentVariable("OPENAI_API_KEY", previousKey);
            }
        }
    }
}
