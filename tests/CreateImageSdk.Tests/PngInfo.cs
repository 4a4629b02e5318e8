using System;
using System.Buffers.Binary;
using Xunit;

namespace CreateImageSdk.Tests
{
    internal static class PngInfo
    {
        /// <summary>Checks the PNG signature and returns the IHDR width and height.</summary>
        public static (int Width, int Height) Read(ReadOnlyMemory<byte>? png) => Read(png!.Value.ToArray());

        public static (int Width, int Height) Read(ReadOnlyMemory<byte> png) => Read(png.ToArray());

        public static (int Width, int Height) Read(byte[] png)
        {
            Assert.True(png.Length > 33, "too short for a PNG");
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png.AsSpan(0, 8).ToArray());
            Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
            return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
        }
    }
}
