using System;
using System.Buffers.Binary;
using System.IO;
using System.IO.Compression;
using System.Text;

namespace CreateImageSdk.LocalServer.Tests;

/// <summary>
/// Small input files for edits, written here rather than by the server's encoder: a real PNG, and JPEG and WebP
/// files that carry a valid signature and header (with their dimensions) but no picture data.
/// </summary>
internal static class TestImages
{
    /// <summary>A valid PNG, black (or transparent black with <paramref name="alpha"/>), with one pixel set from <paramref name="shade"/> so files can differ.</summary>
    public static byte[] Png(int width, int height, bool alpha = false, byte shade = 0)
    {
        int channels = alpha ? 4 : 3;
        using var pixels = new MemoryStream();
        using (var zlib = new ZLibStream(pixels, CompressionLevel.Fastest, leaveOpen: true))
        {
            var row = new byte[1 + (width * channels)];
            for (int y = 0; y < height; y++)
            {
                row[1] = y == 0 ? shade : (byte)0;
                zlib.Write(row);
            }
        }

        using var png = new MemoryStream();
        png.Write([137, 80, 78, 71, 13, 10, 26, 10]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        header[9] = (byte)(alpha ? 6 : 2);
        WriteChunk(png, "IHDR", header);
        WriteChunk(png, "IDAT", pixels.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>SOI, a JFIF APP0 segment, a baseline frame header (SOF0) with the dimensions, EOI.</summary>
    public static byte[] Jpeg(int width, int height)
    {
        using var jpeg = new MemoryStream();
        jpeg.Write([0xFF, 0xD8]);
        jpeg.Write([0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
        jpeg.Write([0xFF, 0xC0, 0x00, 0x11, 0x08, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width,
            0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01]);
        jpeg.Write([0xFF, 0xD9]);
        return jpeg.ToArray();
    }

    /// <summary>A RIFF/WEBP container with an extended-format (VP8X) chunk holding the canvas size.</summary>
    public static byte[] WebP(int width, int height)
    {
        var webp = new byte[30];
        Encoding.ASCII.GetBytes("RIFF").CopyTo(webp, 0);
        BinaryPrimitives.WriteInt32LittleEndian(webp.AsSpan(4), webp.Length - 8);
        Encoding.ASCII.GetBytes("WEBPVP8X").CopyTo(webp, 8);
        BinaryPrimitives.WriteInt32LittleEndian(webp.AsSpan(16), 10);
        WriteUInt24(webp.AsSpan(24), width - 1);
        WriteUInt24(webp.AsSpan(27), height - 1);
        return webp;
    }

    /// <summary>The smallest GIF: a format the edits endpoint does not take.</summary>
    public static byte[] Gif() =>
        [.. "GIF89a"u8, 0x01, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x2C, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x00, 0x3B];

    private static void WriteUInt24(Span<byte> target, int value)
    {
        target[0] = (byte)value;
        target[1] = (byte)(value >> 8);
        target[2] = (byte)(value >> 16);
    }

    private static void WriteChunk(Stream output, string type, byte[] data)
    {
        byte[] typeAndData = [.. Encoding.ASCII.GetBytes(type), .. data];
        var number = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        output.Write(number);
        output.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(number, PngFile.BitwiseCrc32(typeAndData));
        output.Write(number);
    }
}
