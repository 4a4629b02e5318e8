using System;
using System.Buffers.Binary;
using System.IO;
using System.IO.Compression;

namespace CreateImageSdk.LocalServer;

/// <summary>A minimal PNG writer: 8-bit RGB or RGBA, no interlacing, one IDAT chunk.</summary>
internal static class PngEncoder
{
    private static ReadOnlySpan<byte> Signature => [137, 80, 78, 71, 13, 10, 26, 10];

    public static byte[] Encode(PlaceholderImage image)
    {
        int channels = image.HasAlpha ? 4 : 3;
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            // Byte 0 stays 0 (filter "None"): the placeholder art compresses well enough without
            // filters, and skipping them keeps large sizes fast.
            var row = new byte[1 + (image.Width * channels)];
            for (int y = 0; y < image.Height; y++)
            {
                image.FillRow(y, row.AsSpan(1));
                zlib.Write(row);
            }
        }

        using var png = new MemoryStream((int)compressed.Length + 64);
        png.Write(Signature);

        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, image.Width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], image.Height);
        header[8] = 8;                             // bit depth
        header[9] = (byte)(image.HasAlpha ? 6 : 2); // colour type: RGBA or RGB
        header[10] = 0;                            // compression: deflate
        header[11] = 0;                            // filter method 0
        header[12] = 0;                            // no interlace
        WriteChunk(png, "IHDR"u8, header);
        WriteChunk(png, "IDAT"u8, compressed.GetBuffer().AsSpan(0, (int)compressed.Length));
        WriteChunk(png, "IEND"u8, []);
        return png.ToArray();
    }

    private static void WriteChunk(Stream output, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        output.Write(number);
        output.Write(type);
        output.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32.Compute(type, data));
        output.Write(number);
    }
}
