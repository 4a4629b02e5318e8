using System;

namespace CreateImageSdk.LocalServer;

/// <summary>The CRC-32 (ISO-HDLC polynomial) that every PNG chunk ends with.</summary>
internal static class Crc32
{
    private static readonly uint[] Table = CreateTable();

    /// <summary>The checksum of <paramref name="first"/> followed by <paramref name="second"/>, as PNG chunks need it over type and data.</summary>
    public static uint Compute(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second) => ~Update(Update(0xFFFFFFFFu, first), second);

    private static uint Update(uint crc, ReadOnlySpan<byte> data)
    {
        foreach (byte b in data)
        {
            crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc;
    }

    private static uint[] CreateTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < table.Length; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
