using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
#if NET
using System.Threading;
#endif

namespace CreateImageSdk.Uploads
{
    /// <summary>One uploaded image as a body part: written straight from its file, bytes or stream, never buffered here.</summary>
    internal sealed class ImageContent : HttpContent
    {
        private readonly ImageInput _image;

        public ImageContent(ImageInput image)
        {
            _image = image;
            Headers.ContentType = new MediaTypeHeaderValue(image.MediaType);
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => _image.CopyToAsync(stream, default);

#if NET
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
            _image.CopyToAsync(stream, cancellationToken);
#endif

        protected override bool TryComputeLength(out long length)
        {
            length = _image.Length ?? -1;
            return _image.Length.HasValue;
        }
    }
}
