using System;
using System.Threading.Tasks;
using CreateImageSdk.LocalServer;
using Xunit;

namespace CreateImageSdk.Tests
{
    /// <summary>A fresh local image server on a random loopback port, and a client pointed at it.</summary>
    public sealed class ServerFixture : IAsyncLifetime
    {
        public const string ApiKey = "sk-test-0123456789-secret";

        public LocalImageServer Server { get; private set; } = null!;

        public ImageClient Client { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Server = await LocalImageServer.StartAsync(new LocalImageServerOptions { ApiKey = ApiKey });
            Client = NewClient();
        }

        public ImageClient NewClient(string apiKey = ApiKey, TimeSpan? timeout = null) =>
            new ImageClient(new ImageClientOptions { ApiKey = apiKey, BaseUri = Server.BaseUri, Organization = "org-123", Project = "proj-456", Timeout = timeout });

        public async Task DisposeAsync()
        {
            Client.Dispose();
            await Server.DisposeAsync();
        }
    }
}
