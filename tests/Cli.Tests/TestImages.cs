using System;
using System.Buffers.Binary;
using System.IO;
using System.IO.Compression;
using System.Text;

namespace CreateImageSdk.Cli.Tests
{
    /// <summary>Real, small image files for the tool to upload, and the size of a PNG it wrote.</summary>
    internal static class TestImages
    {
        /// <summary>Writes a valid RGBA PNG of one colour to <paramref name="path"/> and returns the path.</summary>
        public static string Png(string path, int width, int height, byte shade = 0x80)
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
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            File.WriteAllBytes(path, output.ToArray());
            return path;
        }

        /// <summary>Writes a file that starts like a GIF (the signature is all the tool and the SDK read).</summary>
        public static string Gif(string path)
        {
            var bytes = new byte[600];
            new Random(600).NextBytes(bytes);
            Encoding.ASCII.GetBytes("GIF89a").CopyTo(bytes, 0);
            File.WriteAllBytes(path, bytes);
            return path;
        }

        /// <summary>The width and height in a PNG file's header; fails when the file is not a PNG.</summary>
        public static (int Width, int Height) PngSize(string path)
        {
            var bytes = File.ReadAllBytes(path);
            if (bytes.Length < 24 || bytes[0] != 0x89 || bytes[1] != (byte)'P' || Encoding.ASCII.GetString(bytes, 12, 4) != "IHDR")
            {
                throw new InvalidDataException(path + " is not a PNG file.");
            }

            return (BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
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
