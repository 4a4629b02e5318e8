using System;
using System.Buffers.Binary;
using System.IO;
using System.IO.Compression;
using System.Text;

namespace CreateImageSdk.Tests.Edits
{
    /// <summary>Real, small image files for upload tests: PNGs of any size, and JPEG/WebP/GIF files by their signatures.</summary>
    internal static class TestImages
    {
        /// <summary>A valid RGBA PNG of one colour (a decoder reads it; the SDK reads its header).</summary>
        public static byte[] Png(int width, int height, byte shade = 0x80)
        {
            using var output = new MemoryStream();
            output.Write(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
            var header = new byte[13];
            BinaryPrimitives.WriteInt32BigEndian(header, width);
            BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
            header[8] = 8; // bit depth
            header[9] = 6; // RGBA
            Chunk(output, "IHDR", header);
            using (var raw = new MemoryStream())
            {
                using (var zlib = new ZLibStream(raw, CompressionLevel.Fastest, leaveOpen: true))
                {
                    var row = new byte[1 + (width * 4)];
                    for (var x = 0; x < width; x++)
                    {
                        row[1 + (x * 4)] = shade;
                        row[2 + (x * 4)] = (byte)(255 - shade);
                        row[3 + (x * 4)] = 0x40;
                        row[4 + (x * 4)] = 0xFF;
                    }

                    for (var y = 0; y < height; y++) zlib.Write(row);
                }

                Chunk(output, "IDAT", raw.ToArray());
            }

            Chunk(output, "IEND", Array.Empty<byte>());
            return output.ToArray();
        }

        public static byte[] Jpeg(int length = 600) => WithSignature(length, 0xFF, 0xD8, 0xFF, 0xE0);

        public static byte[] Webp(int length = 600)
        {
            var bytes = WithSignature(length, (byte)'R', (byte)'I', (byte)'F', (byte)'F');
            Encoding.ASCII.GetBytes("WEBPVP8 ").CopyTo(bytes, 8);
            return bytes;
        }

        public static byte[] Gif(int length = 600) => WithSignature(length, (byte)'G', (byte)'I', (byte)'F', (byte)'8', (byte)'9', (byte)'a');

        private static byte[] WithSignature(int length, params byte[] signature)
        {
            var bytes = new byte[length];
            new Random(length).NextBytes(bytes);
            signature.CopyTo(bytes, 0);
            return bytes;
        }

        private static void Chunk(Stream output, string type, byte[] data)
        {
            Span<byte> length = stackalloc byte[4];
            BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
            output.Write(length);
            var typeBytes = Encoding.ASCII.GetBytes(type);
            output.Write(typeBytes);
            output.Write(data);
            var crc = new byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(crc, Crc(typeBytes, data));
            output.Write(crc);
        }

        private static uint Crc(byte[] type, byte[] data)
        {
            var crc = 0xFFFFFFFFu;
            foreach (var b in type) crc = Step(crc, b);
            foreach (var b in data) crc = Step(crc, b);
            return crc ^ 0xFFFFFFFFu;
        }

        private static uint Step(uint crc, byte b)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            return crc;
        }
    }
}
