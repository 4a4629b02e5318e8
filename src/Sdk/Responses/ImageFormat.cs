namespace CreateImageSdk.Responses
{
    /// <summary>An image format told from a file's first bytes (its signature), and a PNG's dimensions from its header.</summary>
    internal sealed class ImageFormat
    {
        private ImageFormat(string mediaType, string defaultFileName, int? width = null, int? height = null)
        {
            MediaType = mediaType;
            DefaultFileName = defaultFileName;
            Width = width;
            Height = height;
        }

        public string MediaType { get; }

        public string DefaultFileName { get; }

        public int? Width { get; }

        public int? Height { get; }

        /// <summary>PNG, JPEG or WebP; null for anything else.</summary>
        public static ImageFormat? Detect(byte[] header, int length)
        {
            if (StartsWith(header, length, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A))
            {
                // The IHDR chunk comes first: width and height are big-endian at bytes 16 and 20.
                int? width = null, height = null;
                if (length >= 24 && header[12] == (byte)'I' && header[13] == (byte)'H' && header[14] == (byte)'D' && header[15] == (byte)'R')
                {
                    width = BigEndian(header, 16);
                    height = BigEndian(header, 20);
                }

                return new ImageFormat("image/png", "image.png", width, height);
            }

            if (StartsWith(header, length, 0xFF, 0xD8, 0xFF)) return new ImageFormat("image/jpeg", "image.jpg");
            if (length >= 12 && StartsWith(header, length, (byte)'R', (byte)'I', (byte)'F', (byte)'F') &&
                header[8] == (byte)'W' && header[9] == (byte)'E' && header[10] == (byte)'B' && header[11] == (byte)'P')
            {
                return new ImageFormat("image/webp", "image.webp");
            }

            return null;
        }

        /// <summary>What an unsupported file looks like, in words, for the error message.</summary>
        public static string Describe(byte[] header, int length)
        {
            if (length == 0) return "empty";
            if (StartsWith(header, length, (byte)'G', (byte)'I', (byte)'F', (byte)'8')) return "a GIF image";
            if (StartsWith(header, length, (byte)'B', (byte)'M')) return "a BMP image";
            if (StartsWith(header, length, 0x49, 0x49, 0x2A, 0x00) || StartsWith(header, length, 0x4D, 0x4D, 0x00, 0x2A)) return "a TIFF image";
            if (length >= 12 && header[4] == (byte)'f' && header[5] == (byte)'t' && header[6] == (byte)'y' && header[7] == (byte)'p') return "an HEIC/AVIF or video file";
            if (StartsWith(header, length, (byte)'%', (byte)'P', (byte)'D', (byte)'F')) return "a PDF document";
            return "not an image this SDK recognises";
        }

        private static bool StartsWith(byte[] header, int length, params byte[] signature)
        {
            if (length < signature.Length) return false;
            for (var i = 0; i < signature.Length; i++)
            {
                if (header[i] != signature[i]) return false;
            }

            return true;
        }

        private static int BigEndian(byte[] bytes, int offset) =>
            (bytes[offset] << 24) | (bytes[offset + 1] << 16) | (bytes[offset + 2] << 8) | bytes[offset + 3];
    }
}
