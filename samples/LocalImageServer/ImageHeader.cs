using System;
using System.Buffers.Binary;

namespace CreateImageSdk.LocalServer;

/// <summary>
/// What an uploaded file is, read from its first bytes rather than from the declared content type (which
/// clients often leave at <c>application/octet-stream</c>): the format, and the dimensions when the header
/// holds them. This is no decoder: a file with the right signature and a readable header passes.
/// </summary>
/// <param name="Format"><c>png</c>, <c>jpeg</c>, <c>webp</c> or <c>gif</c>; <see langword="null"/> for anything else.</param>
/// <param name="Width">The width in pixels, when the header could be read.</param>
/// <param name="Height">The height in pixels, when the header could be read.</param>
internal sealed record ImageHeader(string? Format, int? Width, int? Height)
{
    private static ReadOnlySpan<byte> PngSignature => [137, 80, 78, 71, 13, 10, 26, 10];

    public string? Size => Width is { } width && Height is { } height ? FormattableString.Invariant($"{width}x{height}") : null;

    public static ImageHeader Read(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(PngSignature))
        {
            return Png(bytes);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg(bytes);
        }

        if (bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
        {
            return WebP(bytes);
        }

        return bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8) ? new("gif", null, null) : new(null, null, null);
    }

    /// <summary>The IHDR chunk, which the PNG format requires first: length 13, then width and height.</summary>
    private static ImageHeader Png(ReadOnlySpan<byte> bytes)
    {
        bool readable = bytes.Length >= 24
            && BinaryPrimitives.ReadInt32BigEndian(bytes[8..]) == 13
            && bytes[12..16].SequenceEqual("IHDR"u8);
        return readable
            ? new("png", Positive(BinaryPrimitives.ReadInt32BigEndian(bytes[16..])), Positive(BinaryPrimitives.ReadInt32BigEndian(bytes[20..])))
            : new("png", null, null);
    }

    /// <summary>Walks the marker segments up to the frame header (SOFn), which holds height then width.</summary>
    private static ImageHeader Jpeg(ReadOnlySpan<byte> bytes)
    {
        int offset = 2;
        while (offset + 4 <= bytes.Length && bytes[offset] == 0xFF)
        {
            byte marker = bytes[offset + 1];
            if (marker == 0xFF)
            {
                offset++; // fill byte
                continue;
            }

            if (marker is 0x01 or (>= 0xD0 and <= 0xD8))
            {
                offset += 2; // markers without a length
                continue;
            }

            if (marker is 0xD9 or 0xDA)
            {
                break; // end of image or start of scan: no frame header came first
            }

            int length = BinaryPrimitives.ReadUInt16BigEndian(bytes[(offset + 2)..]);
            bool frameHeader = marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;
            if (frameHeader && offset + 9 <= bytes.Length)
            {
                return new("jpeg",
                    Positive(BinaryPrimitives.ReadUInt16BigEndian(bytes[(offset + 7)..])),
                    Positive(BinaryPrimitives.ReadUInt16BigEndian(bytes[(offset + 5)..])));
            }

            if (length < 2)
            {
                break;
            }

            offset += 2 + length;
        }

        return new("jpeg", null, null);
    }

    /// <summary>The first chunk after the RIFF header: VP8X (extended), VP8L (lossless) or "VP8 " (lossy).</summary>
    private static ImageHeader WebP(ReadOnlySpan<byte> bytes)
    {
        ReadOnlySpan<byte> chunk = bytes.Length >= 16 ? bytes[12..16] : [];
        if (chunk.SequenceEqual("VP8X"u8) && bytes.Length >= 30)
        {
            return new("webp", 1 + ReadUInt24(bytes[24..]), 1 + ReadUInt24(bytes[27..]));
        }

        if (chunk.SequenceEqual("VP8L"u8) && bytes.Length >= 25 && bytes[20] == 0x2F)
        {
            uint bits = BinaryPrimitives.ReadUInt32LittleEndian(bytes[21..]);
            return new("webp", (int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1);
        }

        if (chunk.SequenceEqual("VP8 "u8) && bytes.Length >= 30 && bytes[23..26].SequenceEqual((ReadOnlySpan<byte>)[0x9D, 0x01, 0x2A]))
        {
            return new("webp",
                Positive(BinaryPrimitives.ReadUInt16LittleEndian(bytes[26..]) & 0x3FFF),
                Positive(BinaryPrimitives.ReadUInt16LittleEndian(bytes[28..]) & 0x3FFF));
        }

        return new("webp", null, null);
    }

    private static int ReadUInt24(ReadOnlySpan<byte> bytes) => bytes[0] | (bytes[1] << 8) | (bytes[2] << 16);

    private static int? Positive(int value) => value > 0 ? value : null;
}
