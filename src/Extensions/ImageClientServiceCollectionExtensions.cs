using System;
using System.Net.Http;
using CreateImageSdk;
using CreateImageSdk.Extensions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection
{
    /// <summary>
    /// Registers <see cref="ImageClient"/>s: settings from code and/or configuration, validated at start-up, and
    /// the <see cref="HttpClient"/> from <see cref="IHttpClientFactory"/>.
    /// </summary>
    public static class ImageClientServiceCollectionExtensions
    {
        /// <summary>The name of the default client's <see cref="HttpClient"/> and options.</summary>
        public const string DefaultName = "CreateImageSdk.ImageClient";

        /// <summary>Registers the <see cref="ImageClient"/> (a singleton) with settings from the environment, as <c>new ImageClient()</c>.</summary>
        /// <param name="services">The service collection.</param>
        /// <returns>The builder of the client's <see cref="HttpClient"/>: add handlers here (and see <see cref="DisableImageClientRetries"/>).</returns>
        public static IHttpClientBuilder AddImageClient(this IServiceCollection services) => Register(services, null, null, null);

        /// <summary>Registers the <see cref="ImageClient"/> (a singleton) with settings from code.</summary>
        /// <param name="services">The service collection.</param>
        /// <param name="configure">Sets the options; unset values fall back to the environment, as with <c>new ImageClient()</c>.</param>
        /// <returns>The builder of the client's <see cref="HttpClient"/>: add handlers here (and see <see cref="DisableImageClientRetries"/>).</returns>
        public static IHttpClientBuilder AddImageClient(this IServiceCollection services, Action<ImageClientOptions> configure) =>
            Register(services, null, null, configure ?? throw new ArgumentNullException(nameof(configure)));

        /// <summary>Registers the <see cref="ImageClient"/> (a singleton) with settings from a configuration section, then from code.</summary>
        /// <param name="services">The service collection.</param>
        /// <param name="configuration">
        /// A section such as <c>ImageClient</c>: <c>ApiKey</c>, <c>BaseUri</c>, <c>Organization</c>, <c>Project</c>,
        /// <c>Timeout</c> (<c>00:10:00</c>), <c>MaxRetries</c>, <c>MaxRetryDelay</c>, <c>RetryTimeouts</c>,
        /// <c>AllowInsecureHttp</c>, <c>MaxResponseBytes</c>, and <c>Azure</c> with <c>Deployment</c> and <c>ApiVersion</c>.
        /// </param>
        /// <param name="configure">Runs after the section is bound.</param>
        /// <returns>The builder of the client's <see cref="HttpClient"/>.</returns>
        public static IHttpClientBuilder AddImageClient(this IServiceCollection services, IConfiguration configuration, Action<ImageClientOptions>? configure = null) =>
            Register(services, null, configuration ?? throw new ArgumentNullException(nameof(configuration)), configure);

        /// <summary>Registers a keyed <see cref="ImageClient"/>, for several clients side by side (OpenAI and Azure, say).</summary>
        /// <param name="services">The service collection.</param>
        /// <param name="key">The service key; resolve with <c>[FromKeyedServices(key)]</c> or <c>GetRequiredKeyedService&lt;ImageClient&gt;(key)</c>.</param>
        /// <param name="configuration">A configuration section, or null.</param>
        /// <param name="configure">Runs after the section is bound.</param>
        /// <returns>The builder of this client's <see cref="HttpClient"/>.</returns>
        public static IHttpClientBuilder AddKeyedImageClient(this IServiceCollection services, string key, IConfiguration? configuration = null, Action<ImageClientOptions>? configure = null)
        {
            if (string.IsNullOrEmpty(key)) throw new ArgumentException("A key is required.", nameof(key));
            return Register(services, key, configuration, configure);
        }

        /// <summary>
        /// Turns the SDK's own retries off for this client: do this when a resilience handler on the
        /// <see cref="HttpClient"/> (for example <c>AddStandardResilienceHandler()</c>) retries instead, so a failure is
        /// not retried twice over.
        /// </summary>
        /// <param name="builder">The builder <c>AddImageClient</c> returned.</param>
        /// <returns>The same builder.</returns>
        public static IHttpClientBuilder DisableImageClientRetries(this IHttpClientBuilder builder)
        {
            if (builder is null) throw new ArgumentNullException(nameof(builder));
            builder.Services.Configure<ImageClientOptions>(builder.Name, options => options.MaxRetries = 0);
            return builder;
        }

        private static IHttpClientBuilder Register(IServiceCollection services, string? key, IConfiguration? configuration, Action<ImageClientOptions>? configure)
        {
            if (services is null) throw new ArgumentNullException(nameof(services));
            var name = key is null ? DefaultName : DefaultName + ":" + key;

            var options = services.AddOptions<ImageClientOptions>(name);
            if (configuration != null) options.Bind(configuration);
            if (configure != null) options.Configure(configure);
            options.ValidateOnStart();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ImageClientOptions>>(new ImageClientOptionsValidator(name)));

            Func<IServiceProvider, ImageClient> create = provider =>
            {
                var settings = provider.GetRequiredService<IOptionsMonitor<ImageClientOptions>>().Get(name);
                var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(name);
                return new ImageClient(WithHttpClient(settings, http));
            };
            if (key is null) services.TryAddSingleton(create);
            else services.AddKeyedSingleton(key, (provider, _) => create(provider));

            return services.AddHttpClient(name)
                // The SDK's timeout applies per attempt; the HttpClient's own would cut in first.
                .ConfigureHttpClient(http => http.Timeout = System.Threading.Timeout.InfiniteTimeSpan)
                // Outermost, so each of the SDK's attempts is one log entry, whatever handlers the caller adds inside.
                .AddHttpMessageHandler(provider => new ImageClientLoggingHandler(
                    (provider.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger("CreateImageSdk.ImageClient")))
                // As the client the SDK creates itself: no redirects (credentials stay with the host), compressed answers.
                .ConfigurePrimaryHttpMessageHandler(ImageClient.CreateHttpMessageHandler);
        }

        // A copy: the registered options are shared and stay as configured.
        private static ImageClientOptions WithHttpClient(ImageClientOptions settings, HttpClient http)
        {
            var copy = settings.Clone();
            copy.HttpClient = http;
            return copy;
        }

    }
}
