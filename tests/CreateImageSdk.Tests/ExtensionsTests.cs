using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CreateImageSdk.LocalServer;
using CreateImageSdk.Tests.Edits;
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

            // An open value: sent when no model's rules refuse it; here the default model's rules do, before sending.
            var ex = await Assert.ThrowsAsync<ImageRequestValidationException>(() => generator.GenerateAsync(new ImageGenerationRequest("otter"), new ImageGenerationOptions
            {
                AdditionalProperties = new AdditionalPropertiesDictionary { ["quality"] = "ultra" },
            }));
            Assert.Contains("quality \"ultra\" is not allowed", ex.Message);
            var blank = await Assert.ThrowsAsync<ArgumentException>(() => generator.GenerateAsync(new ImageGenerationRequest("otter"), new ImageGenerationOptions
            {
                AdditionalProperties = new AdditionalPropertiesDictionary { ["quality"] = " " },
            }));
            Assert.StartsWith("AdditionalProperties 'quality' cannot be sent: quality is empty; give a value.", blank.Message);
            var notNumber = await Assert.ThrowsAsync<ArgumentException>(() => generator.GenerateAsync(new ImageGenerationRequest("otter"), new ImageGenerationOptions
            {
                AdditionalProperties = new AdditionalPropertiesDictionary { ["output_compression"] = "most" },
            }));
            Assert.StartsWith("AdditionalProperties 'output_compression' cannot be sent: output_compression 'most' is not a whole number.", notNumber.Message);
            var prompt = await Assert.ThrowsAsync<ArgumentException>(() => generator.GenerateAsync(new ImageGenerationRequest("otter"), new ImageGenerationOptions
            {
                AdditionalProperties = new AdditionalPropertiesDictionary { ["prompt"] = "fox" },
            }));
            Assert.StartsWith("AdditionalProperties 'prompt' is the request's own prompt, which comes from the ImageGenerationRequest", prompt.Message);
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

        [Fact]
        public async Task ImageGenerator_OriginalImages_AreAnEdit_WithEveryImageAnImageArrayPart_ThroughMeaiMiddleware()
        {
            await using var server = await LocalImageServer.StartAsync(new LocalImageServerOptions { ApiKey = Key });
            using var client = new ImageClient(new ImageClientOptions { ApiKey = Key, BaseUri = server.BaseUri });
            var logs = new CapturingLoggerProvider();
            using var loggerFactory = LoggerFactory.Create(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
            var sourceName = "CreateImageSdk.Tests.MeaiEdit." + Guid.NewGuid().ToString("N");
            var spans = new ConcurrentQueue<Activity>();
            using var listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == sourceName || source.Name == ImageTelemetry.SourceName,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = spans.Enqueue,
            };
            ActivitySource.AddActivityListener(listener);
            using var generator = client.AsImageGenerator(ImageModel.GptImage1)
                .AsBuilder()
                .UseLogging(loggerFactory)
                .UseOpenTelemetry(sourceName: sourceName)
                .Build();
            var first = TestImages.Png(64, 64, 0x10);
            var second = TestImages.Jpeg();

            var response = await generator.GenerateAsync(
                new ImageGenerationRequest("Put both in a basket", new AIContent[] { new DataContent(first, "image/png") { Name = "lotion.png" }, new DataContent(second, "image/jpeg") }),
                new ImageGenerationOptions
                {
                    Count = 2,
                    ImageSize = new System.Drawing.Size(1500, 1000),      // gpt-image-1 edits have no 1500x1000: the nearest they list
                    MediaType = "image/png",
                    AdditionalProperties = new AdditionalPropertiesDictionary { ["quality"] = "low", ["input_fidelity"] = "high" },
                });

            var recorded = Assert.Single(server.Requests);
            Assert.Equal("/v1/images/edits", recorded.Path);
            var parts = await EditWireTests.ReadPartsAsync(recorded.RawBody, recorded.Headers["Content-Type"]);
            Assert.Equal(new[] { "prompt", "image[]", "image[]", "model", "n", "size", "quality", "output_format", "input_fidelity" }, parts.Select(p => p.Name));
            Assert.Equal("Put both in a basket", parts[0].Text);
            Assert.Equal(("lotion.png", "image/png"), (parts[1].FileName, parts[1].ContentType));
            Assert.Equal(first, parts[1].Bytes);
            Assert.Equal(("image.jpg", "image/jpeg"), (parts[2].FileName, parts[2].ContentType)); // no name: made from the media type
            Assert.Equal(second, parts[2].Bytes);
            Assert.Equal(new[] { "gpt-image-1", "2", "1536x1024", "low", "png", "high" }, parts.Skip(3).Select(p => p.Text));

            Assert.Equal(2, response.Contents.Count);
            Assert.All(response.Contents, content =>
            {
                var image = Assert.IsType<DataContent>(content);
                Assert.Equal("image/png", image.MediaType);
                Assert.Equal((1536, 1024), PngInfo.Read(image.Data.ToArray()));
            });
            Assert.IsType<ImagesResponse>(response.RawRepresentation);
            Assert.True(response.Usage!.InputTokenCount > 0 && response.Usage.OutputTokenCount > 0);

            // The middleware saw the edit: Microsoft.Extensions.AI's span with the SDK's own span inside it, and its log entries.
            var outer = Assert.Single(spans, s => s.Source.Name == sourceName);
            var inner = Assert.Single(spans, s => s.Source.Name == ImageTelemetry.SourceName && s.TraceId == outer.TraceId);
            Assert.Equal(outer.SpanId, inner.ParentSpanId);
            Assert.Equal("gpt-image-1", inner.GetTagItem("gen_ai.request.model"));
            Assert.Contains(logs.Entries, e => e.Category.EndsWith("LoggingImageGenerator", StringComparison.Ordinal) && e.Message.Contains("completed"));
        }

        [Fact]
        public async Task ImageGenerator_EditsAFileUri_WithAMask_AndTheNearestSize()
        {
            await using var server = await LocalImageServer.StartAsync(new LocalImageServerOptions { ApiKey = Key });
            using var client = new ImageClient(new ImageClientOptions { ApiKey = Key, BaseUri = server.BaseUri });
            var path = Path.Combine(Path.GetTempPath(), "cis-meai-" + Guid.NewGuid().ToString("N") + ".png");
            var original = TestImages.Png(256, 256);
            var mask = TestImages.Png(256, 256, 0x00);
            File.WriteAllBytes(path, original);
            try
            {
                var response = await client.AsImageGenerator(ImageModel.DallE2).GenerateAsync(
                    new ImageGenerationRequest("Add a beret", new AIContent[] { new UriContent(new Uri(path), "image/png") }),
                    new ImageGenerationOptions
                    {
                        ImageSize = new System.Drawing.Size(300, 300),        // dall-e-2 edits: 256x256, 512x512 or 1024x1024
                        ResponseFormat = ImageGenerationResponseFormat.Data,
                        RawRepresentationFactory = _ => client.EditImage("ignored").WithUser("user-42"),
                        AdditionalProperties = new AdditionalPropertiesDictionary { ["mask"] = new DataContent(mask, "image/png") },
                    });

                var recorded = Assert.Single(server.Requests);
                Assert.Equal("/v1/images/edits", recorded.Path);
                var parts = await EditWireTests.ReadPartsAsync(recorded.RawBody, recorded.Headers["Content-Type"]);
                Assert.Equal(new[] { "prompt", "image", "mask", "model", "size", "response_format", "user" }, parts.Select(p => p.Name));
                Assert.Equal("Add a beret", parts[0].Text);
                Assert.Equal((Path.GetFileName(path), "image/png"), (parts[1].FileName, parts[1].ContentType));
                Assert.Equal(original, parts[1].Bytes);
                Assert.Equal(mask, parts[2].Bytes);
                Assert.Equal(new[] { "dall-e-2", "256x256", "b64_json", "user-42" }, parts.Skip(3).Select(p => p.Text));
                var image = Assert.IsType<DataContent>(Assert.Single(response.Contents));
                Assert.Equal((256, 256), PngInfo.Read(image.Data.ToArray()));
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public async Task ImageGenerator_Edit_RefusesWhatItCannotUpload_BeforeAnythingIsSent()
        {
            await using var server = await LocalImageServer.StartAsync(new LocalImageServerOptions { ApiKey = Key });
            using var client = new ImageClient(new ImageClientOptions { ApiKey = Key, BaseUri = server.BaseUri });
            var generator = client.AsImageGenerator(ImageModel.GptImage1);
            var png = new DataContent(TestImages.Png(64, 64), "image/png");

            // A URL: nothing is downloaded, and the valid image before it is not sent either. The URL's query stays out of the message.
            var http = await Assert.ThrowsAsync<NotSupportedException>(() => generator.GenerateAsync(
                new ImageGenerationRequest("otter", new AIContent[] { png, new UriContent(new Uri("https://images.example/otter.png?sig=secret"), "image/png") })));
            Assert.Equal(
                "OriginalImages[1] is a UriContent with the URI scheme https; CreateImageSdk uploads the images of an edit and does not download them: " +
                "an edit takes each image (PNG, JPEG or WebP) as a DataContent with its bytes or as a UriContent with a file: URI.", http.Message);

            var text = await Assert.ThrowsAsync<NotSupportedException>(() => generator.GenerateAsync(
                new ImageGenerationRequest("otter", new AIContent[] { new TextContent("an otter") })));
            Assert.StartsWith("OriginalImages[0] is a TextContent; an edit takes each image", text.Message);

            // Bytes that are not an image: by their media type, and (labelled as an image) by the bytes themselves.
            var plain = await Assert.ThrowsAsync<ArgumentException>(() => generator.GenerateAsync(
                new ImageGenerationRequest("otter", new AIContent[] { new DataContent(Encoding.UTF8.GetBytes("not an image"), "text/plain") })));
            Assert.StartsWith("OriginalImages[0] is text/plain data, not an image; an edit takes each image (PNG, JPEG or WebP)", plain.Message);

            var gif = await Assert.ThrowsAsync<ArgumentException>(() => generator.GenerateAsync(
                new ImageGenerationRequest("otter", new AIContent[] { png, new DataContent(TestImages.Gif(), "image/gif") })));
            Assert.StartsWith("OriginalImages[1] cannot be uploaded: The image 'image.gif' is a GIF image; the image endpoints take PNG, JPEG or WebP images", gif.Message);
            Assert.DoesNotContain("'bytes'", gif.Message);

            // A mask belongs to an edit: without OriginalImages it is refused rather than sent as a JSON member.
            var mask = await Assert.ThrowsAsync<ArgumentException>(() => generator.GenerateAsync(new ImageGenerationRequest("otter"), new ImageGenerationOptions
            {
                AdditionalProperties = new AdditionalPropertiesDictionary { ["mask"] = png },
            }));
            Assert.StartsWith("AdditionalProperties 'mask' is an edit's mask, but the request has no OriginalImages", mask.Message);

            Assert.Empty(server.Requests);
        }

        [Fact]
        public async Task ImageGenerator_WithoutOriginalImages_StillGenerates()
        {
            await using var server = await LocalImageServer.StartAsync(new LocalImageServerOptions { ApiKey = Key });
            using var client = new ImageClient(new ImageClientOptions { ApiKey = Key, BaseUri = server.BaseUri });
            var generator = client.AsImageGenerator(ImageModel.GptImage1);

            var none = await generator.GenerateAsync(new ImageGenerationRequest("otter"), new ImageGenerationOptions { ImageSize = new System.Drawing.Size(1024, 1536) });
            var empty = await generator.GenerateAsync(new ImageGenerationRequest("otter", Array.Empty<AIContent>()));

            Assert.Equal(new[] { "/v1/images/generations", "/v1/images/generations" }, server.Requests.Select(r => r.Path));
            Assert.Equal("{\"prompt\":\"otter\",\"model\":\"gpt-image-1\",\"size\":\"1024x1536\"}", server.Requests[0].Body);
            Assert.Equal((1024, 1536), PngInfo.Read(Assert.IsType<DataContent>(Assert.Single(none.Contents)).Data.ToArray()));
            Assert.IsType<DataContent>(Assert.Single(empty.Contents));
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
