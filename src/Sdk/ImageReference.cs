using System;

namespace CreateImageSdk
{
    // The generated record (schemas/image-common.schema.json) holds the wire shape; these factories make the only two
    // shapes the service accepts, exactly one of image_url and file_id, so a reference cannot be half-made.
    public sealed partial record ImageReference
    {
        /// <summary>An image the service downloads from an <c>https</c> URL.</summary>
        /// <param name="url">An absolute <c>https</c> (or <c>http</c>) URL.</param>
        /// <returns>The reference.</returns>
        /// <exception cref="ArgumentException"><paramref name="url"/> is not an absolute http or https URL.</exception>
        public static ImageReference FromUrl(Uri url)
        {
            if (url is null) throw new ArgumentNullException(nameof(url));
            if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            {
                throw new ArgumentException("An image URL must be an absolute http or https URL; '" + url + "' is not. For bytes, use ImageReference.FromImage.", nameof(url));
            }

            return new ImageReference { ImageUrl = url.AbsoluteUri };
        }

        /// <summary>A file uploaded with the Files API, by its id (<c>file-…</c>).</summary>
        /// <param name="fileId">The file's id.</param>
        /// <returns>The reference.</returns>
        /// <exception cref="ArgumentException"><paramref name="fileId"/> is empty or white space.</exception>
        public static ImageReference FromFileId(string fileId)
        {
            if (fileId is null) throw new ArgumentNullException(nameof(fileId));
            if (string.IsNullOrWhiteSpace(fileId)) throw new ArgumentException("A file id is needed, such as file-abc123.", nameof(fileId));
            return new ImageReference { FileId = fileId };
        }

        /// <summary>
        /// An image sent inside the JSON as a base64 data URL. Its format is read from its bytes (PNG, JPEG or WebP);
        /// for large images an upload (<c>EditImage</c>) is leaner: base64 makes the body a third larger.
        /// </summary>
        /// <param name="bytes">The image file's bytes.</param>
        /// <returns>The reference.</returns>
        /// <exception cref="ArgumentException">The bytes are not a PNG, JPEG or WebP image.</exception>
        public static ImageReference FromImage(byte[] bytes)
        {
            var image = ImageInput.FromBytes(bytes);
            return new ImageReference { ImageUrl = "data:" + image.MediaType + ";base64," + Convert.ToBase64String(bytes) };
        }
    }
}
