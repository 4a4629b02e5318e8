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
        /// <remarks>
        /// <para>
        /// A request with <see cref="ImageGenerationRequest.OriginalImages"/> is an edit (<c>POST /v1/images/edits</c>, what
        /// <see cref="ImageClient.EditImage(string, ImageInput[])"/> sends), with the same options mapped the same way. Each
        /// original image is a <see cref="DataContent"/> (its bytes, sent under <see cref="DataContent.Name"/> or a name made
        /// from the media type) or a <see cref="UriContent"/> with a <c>file:</c> URI (read from that file); the format is
        /// read from the bytes (PNG, JPEG or WebP). Other content, such as an <c>http:</c> URI (nothing is downloaded) or text,
        /// is refused with a <see cref="System.NotSupportedException"/> or an <see cref="System.ArgumentException"/> before
        /// anything is sent.
        /// </para>
        /// <para>
        /// Microsoft.Extensions.AI has no mask: give one as <c>AdditionalProperties["mask"]</c> (a PNG the size of the first
        /// image, as a <see cref="DataContent"/>, a <c>file:</c> <see cref="UriContent"/>, a <c>byte[]</c> or an
        /// <see cref="ImageInput"/>). An edit also takes <c>AdditionalProperties["input_fidelity"]</c>, and its
        /// <c>RawRepresentationFactory</c> may return an <see cref="EditImageRequest"/> or a builder of one, whose images are
        /// replaced by the original images.
        /// </para>
        /// </remarks>
        public static IImageGenerator AsImageGenerator(this ImageClient client, ImageModel? model = null) =>
            new ImageClientImageGenerator(client ?? throw new System.ArgumentNullException(nameof(client)), model);
    }
}
