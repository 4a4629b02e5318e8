using System;
using System.Buffers.Binary;
using System.IO;
using System.Text;

namespace CreateImageSdk.Cli.Tests
{
    /// <summary>
    /// Real, small image files for the tool to upload (made by the SDK tests' <c>Edits/TestImages.cs</c>, linked into
    /// this project), and the size of a PNG the tool wrote.
    /// </summary>
    internal static class TestImages
    {
        /// <summary>Writes a valid RGBA PNG of one colour to <paramref name="path"/> (creating its folder) and returns the path.</summary>
        public static string Png(string path, int width, int height, byte shade = 0x80)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, CreateImageSdk.Tests.Edits.TestImages.Png(width, height, shade));
            return path;
        }

        /// <summary>Writes a file that starts like a GIF (the signature is all the tool and the SDK read).</summary>
        public static string Gif(string path)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, CreateImageSdk.Tests.Edits.TestImages.Gif());
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
    }
}
