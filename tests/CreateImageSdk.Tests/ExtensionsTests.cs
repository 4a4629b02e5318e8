using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using CreateImageSdk.LocalServer;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Xunit;

// Microsoft.Extensions.AI's image generation is experimental there; these tests use it on purpose.
#pragma warning disable MEAI001

namespace CreateImageSdk.Tests
{
    /// <summary>CreateImageSdk.Extensions: dependency injection and Microsoft.Extensions.AI, against the local server.</summary>
    public class ExtensionsTests
    {
        private const string Key = "sk-di-0123456789abcdef";

        [Fact]
        public async Task AddImageClient_BindsConfiguration_AndSendsThroughTheFactorysHttpClient()
        {
            await using var server = await LocalImageServer.StartAsync(new LocalImageServerOptions { ApiKey = Key });
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ImageClient:ApiKey"] = Key,
                ["ImageClient:BaseUri"] = server.BaseUri.ToString(),
                ["ImageClient:Timeout"] = "00:01:30",
                ["ImageClient:MaxRetries"] = "4",
            }).Build();
            var counter = new CountingHandler();
            var services = new ServiceCollection();
            services.AddImageClient(configuration.GetSection("ImageClient"), o => o.Project = "proj-di").AddHttpMessageHandler(() => counter);
            using var provider = services.BuildServiceProvider();

            var client = provider.GetRequiredService<ImageClient>();
            await client.CreateImage("otter").WithModel(ImageModel.GptImage1).SendAsync();

            Assert.Same(client, provider.GetRequiredService<ImageClient>());
            Assert.Equal((TimeSpan.FromSeconds(90), 4), (client.Timeout, client.MaxRetries));
            Assert.Equal(1, counter.Count);
            Assert.Equal("proj-di", server.Requests[^1].Headers["OpenAI-Project"]);
        }

        [Fact]
        public void BadSettings_FailAtStartUp_WithTheClientsOwnSentence()
        {
            var services = new ServiceCollection();
            services.AddImageClient(o =>
            {
                o.ApiKey = Key;
                o.BaseUri = new Uri("http://images.internal.example/v1/");
            });
            using var provider = services.BuildServiceProvider();

            var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

            Assert.Contains("BaseUri http://images.internal.example uses plain http", ex.Message);
            Assert.Contains("AllowInsecureHttp", ex.Message);
            Assert.DoesNotContain(Key, ex.Message);
        }

        [Fact]
        public async Task KeyedClients_SitSideBySide_AndRetriesCanBeLeftToAResilienceHandler()
        {
            await using var server = await LocalImageServer.StartAsync(new LocalImageServerOptions { ApiKey = Key });
            var services = new ServiceCollection();
            services.AddImageClient(o => { o.ApiKey = Key; o.BaseUri = server.BaseUri; });
            services.AddKeyedImageClient("azure", configure: o =>
            {
                o.ApiKey = Key;
                o.BaseUri = new Uri(server.BaseUri, "/openai/");
                o.Azure = new AzureOpenAIOptions { Deployment = "images" };
            }).DisableImageClientRetries();
            using var provider = services.BuildServiceProvider();

            var openAi = provider.GetRequiredService<ImageClient>();
            var azure = provider.GetRequiredKeyedService<ImageClient>("azure");
            await openAi.CreateImage("otter").WithModel(ImageModel.GptImage1).SendAsync();
            await azure.CreateImage("otter").WithModel(ImageModel.GptImage1).SendAsync();

            Assert.NotSame(openAi, azure);
            Assert.Equal((2, 0), (openAi.MaxRetries, azure.MaxRetries));
            Assert.Equal(new[] { "/v1/images/generations", "/openai/deployments/images/images/generations?api-version=" + AzureOpenAIOptions.DefaultApiVersion },
                server.Requests.Select(r => r.Path));
        }

        [Fact]
        public async Task ImageGenerator_ThroughMeaiMiddleware_MapsOptions_AndReturnsDataContentWithUsage()
        {
            await using var server = await LocalImageServer.StartAsync(new LocalImageServerOptions { ApiKey = Key });
            using var client = new ImageClient(new ImageClientOptions { ApiKey = Key, BaseUri = server.BaseUri });
            using var loggerFactory = LoggerFactory.Create(_ => { });
            using var generator = client.AsImageGenerator(ImageModel.GptImage1)
                .AsBuilder()
                .UseLogging(loggerFactory)
                .UseOpenTelemetry()
                .Build();

            var response = await generator.GenerateAsync(new ImageGenerationRequest("A cute baby sea otter"), new ImageGenerationOptions
            {
                Count = 2,
                ImageSize = new System.Drawing.Size(1000, 1000),     // gpt-image-1 has no 1000x1000: the nearest it lists
                MediaType = "image/webp",
                ResponseFormat = ImageGenerationResponseFormat.Data,  // gpt-image models always return data: left out
                AdditionalProperties = new AdditionalPropertiesDictionary { ["quality"] = "low" },
            });

            var sent = server.Requests[^1].Body;
            Assert.Equal("{\"prompt\":\"A cute baby sea otter\",\"model\":\"gpt-image-1\",\"n\":2,\"quality\":\"low\",\"output_format\":\"webp\",\"size\":\"1024x1024\"}", sent);
            Assert.Equal(2, response.Contents.Count);
            var image = Assert.IsType<DataContent>(response.Contents[0]);
            Assert.Equal("image/webp", image.MediaType);
            Assert.Equal((1024, 1024), PngInfo.Read(image.Data.ToArray())); // the local server draws PNG bytes for every format
            Assert.IsType<ImagesResponse>(response.RawRepresentation);
            Assert.True(response.Usage!.InputTokenCount > 0 && response.Usage.OutputTokenCount > 0);
            Assert.Same(client, generator.GetService<ImageClient>());
            Assert.Equal("gpt-image-1", generator.GetService<ImageGeneratorMetadata>()!.DefaultModelId);
        }

        [Fact]
        public async Task ImageGenerator_UrlsAndRawRepresentations()
        {
            await using var server = await LocalImageServer.StartAsync(new LocalImageServerOptions { ApiKey = Key });
            using var client = new ImageClient(new ImageClientOptions { ApiKey = Key, BaseUri = server.BaseUri });
            var generator = client.AsImageGenerator();

            var urls = await generator.GenerateAsync(new ImageGenerationRequest("otter"), new ImageGenerationOptions { ModelId = "dall-e-2", ResponseFormat = ImageGenerationResponseFormat.Uri });
            Assert.IsType<UriContent>(Assert.Single(urls.Contents));

            var raw = await generator.GenerateAsync(new ImageGenerationRequest("otter"), new ImageGenerationOptions
            {
                RawRepresentationFactory = _ => client.CreateImage("ignored").UsingDallE3().WithStyle(ImageStyle.Natural),
            });
            Assert.Single(raw.Contents);
            Assert.Contains("\"prompt\":\"otter\",\"model\":\"dall-e-3\"", server.Requests[^1].Body);
            Assert.Contains("\"style\":\"natural\"", server.Requests[^1].Body);

            // Names the request does not have go to a compatible server as additional members, after the known ones.
            await using (var compatible = await Faults.FaultServer.StartAsync(Faults.Fault.Ok()))
            {
                using var flux = new ImageClient(new ImageClientOptions { BaseUri = compatible.BaseUri });
                await flux.AsImageGenerator(ImageModel.Custom("flux-dev")).GenerateAsync(new ImageGenerationRequest("otter"), new ImageGenerationOptions
                {
                    AdditionalProperties = new AdditionalPropertiesDictionary { ["seed"] = 42, ["quality"] = "high", ["negative_prompt"] = "blurry" },
                });
                var body = Assert.Single(compatible.Bodies);
                Assert.StartsWith("{\"prompt\":\"otter\",\"model\":\"flux-dev\",\"quality\":\"high\",", body);
                Assert.Contains("\"seed\":42", body);
                Assert.Contains("\"negative_prompt\":\"blurry\"", body);
            }

            var ex = await Assert.ThrowsAsync<ArgumentException>(() => generator.GenerateAsync(new ImageGenerationRequest("otter"), new ImageGenerationOptions
            {
                AdditionalProperties = new AdditionalPropertiesDictionary { ["quality"] = "ultra" },
            }));
            Assert.Contains("'quality' = 'ultra'", ex.Message);
        }

        [Fact]
        public async Task EveryAttempt_IsLogged_WithStatusModelAndRequestId_AndNeverTheKey()
        {
            await using var server = await Faults.FaultServer.StartAsync(
                Faults.Fault.Error(503, ("retry-after-ms", "10"), ("x-request-id", "req_first")), Faults.Fault.Status(200, Faults.Fault.OkBody, "application/json", ("x-request-id", "req_second")));
            var logs = new CapturingLoggerProvider();
            var services = new ServiceCollection();
            services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
            services.AddImageClient(o => { o.ApiKey = Faults.FaultTests.Key; o.BaseUri = server.BaseUri; });
            using var provider = services.BuildServiceProvider();

            await provider.GetRequiredService<ImageClient>().CreateImage("otter").WithModel(ImageModel.DallE3).SendAsync();

            var entries = logs.Entries.Where(e => e.Category == "CreateImageSdk.ImageClient").ToList();
            Assert.Equal(new[] { "ImageRequestSending", "ImageRequestError", "ImageRequestSending", "ImageRequestAnswered" }, entries.Select(e => e.EventName));
            Assert.Contains("attempt 1", entries[1].Message);
            Assert.Contains("(model dall-e-3) answered 503", entries[1].Message);
            Assert.Contains("req_first", entries[1].Message);
            Assert.Equal(LogLevel.Warning, entries[1].Level);
            Assert.Contains("attempt 2", entries[3].Message);
            Assert.Contains("req_second", entries[3].Message);
            Assert.All(logs.Entries, e => Assert.DoesNotContain(Faults.FaultTests.Key.Substring(8, 12), e.Message));
        }

        private sealed class CapturingLoggerProvider : ILoggerProvider
        {
            public System.Collections.Concurrent.ConcurrentQueue<(string Category, string? EventName, LogLevel Level, string Message)> Entries { get; } = new();

            public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

            public void Dispose()
            {
            }

            private sealed class Logger : ILogger
            {
                private readonly CapturingLoggerProvider _owner;
                private readonly string _category;

                public Logger(CapturingLoggerProvider owner, string category) => (_owner, _category) = (owner, category);

                public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

                public bool IsEnabled(LogLevel logLevel) => true;

                public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                    _owner.Entries.Enqueue((_category, eventId.Name, logLevel, formatter(state, exception) + (exception is null ? string.Empty : " " + exception)));
            }
        }

        private sealed class CountingHandler : DelegatingHandler
        {
            private int _count;

            public int Count => Volatile.Read(ref _count);

            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                Interlocked.Increment(ref _count);
                return base.SendAsync(request, cancellationToken);
            }
        }
    }
}
