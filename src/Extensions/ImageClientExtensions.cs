using CreateImageSdk.Extensions;
using Microsoft.Extensions.AI;

namespace CreateImageSdk
{
    /// <summary>Microsoft.Extensions.AI for <see cref="ImageClient"/>.</summary>
    public static class ImageClientExtensions
    {
        /// <summary>
        /// The client as Microsoft.Extensions.AI's <see cref="IImageGenerator"/> (experimental there: <c>MEAI001</c>), so it
        /// composes with <c>ImageGeneratorBuilder</c> middleware (logging, OpenTelemetry) and code that swaps providers.
        /// </summary>
        /// <param name="client">The client; it stays the caller's to dispose.</param>
        /// <param name="model">The model when <see cref="ImageGenerationOptions.ModelId"/> does not name one; null for the server's default.</param>
        /// <returns>The generator. <c>Count</c>, <c>ImageSize</c> (the model's nearest size when it does not take the one asked for),
        /// <c>MediaType</c> (output format), <c>ResponseFormat</c>, <c>ModelId</c>, <c>StreamingCount</c>,
        /// <c>RawRepresentationFactory</c> (a <see cref="CreateImageRequest"/> or any <see cref="IRequestBuilder{TRequest}"/> of one) and
        /// <c>AdditionalProperties</c> (wire names such as <c>quality</c>) are mapped; images come back as <see cref="DataContent"/>
        /// or <see cref="UriContent"/>, usage as <see cref="UsageDetails"/>, and <c>RawRepresentation</c> is the <see cref="ImagesResponse"/>.</returns>
        public static IImageGenerator AsImageGenerator(this ImageClient client, ImageModel? model = null) =>
            new ImageClientImageGenerator(client ?? throw new System.ArgumentNullException(nameof(client)), model);
    }
}
