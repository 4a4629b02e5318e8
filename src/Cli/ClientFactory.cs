using System;
using System.Threading.Tasks;
using CreateImageSdk.LocalServer;

namespace CreateImageSdk.Cli
{
    /// <summary>The client: the real service when <c>OPENAI_API_KEY</c> (or <c>OPENAI_BASE_URL</c>) is set, else the bundled local server.</summary>
    internal sealed class ClientFactory : IAsyncDisposable
    {
        private LocalImageServer? _local;

        public ImageClient Client { get; private set; } = null!;

        public static async Task<ClientFactory> CreateAsync(Action<string> say)
        {
            var factory = new ClientFactory();
            if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("OPENAI_API_KEY")) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("OPENAI_BASE_URL")))
            {
                factory._local = await LocalImageServer.StartAsync();
                say("No OPENAI_API_KEY set: using the local placeholder server at " + factory._local.BaseUri + " (its images are generated patterns, not AI).");
                factory.Client = new ImageClient(new ImageClientOptions { ApiKey = LocalImageServer.DefaultApiKey, BaseUri = factory._local.BaseUri });
            }
            else
            {
                factory.Client = new ImageClient();
            }

            return factory;
        }

        public async ValueTask DisposeAsync()
        {
            Client?.Dispose();
            if (_local != null) await _local.DisposeAsync();
        }
    }
}
