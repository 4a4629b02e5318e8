using System;
using System.Security.Cryptography;
using System.Text;

namespace CreateImageSdk.LocalServer;

/// <summary>
/// A deterministic stand-in for a generated image: a vertical gradient crossed by diagonal stripes,
/// with colours and stripe width taken from a hash of the request's seed (the prompt, and for an edit also its
/// inputs) and the image's index.
/// These are not AI images; they only let clients decode, size-check and tell images apart.
/// </summary>
internal sealed class PlaceholderImage
{
    private readonly byte[] _top;
    private readonly byte[] _bottom;
    private readonly byte[] _stripe;
    private readonly int _stripeWidth;

    public PlaceholderImage(string seed, int index, int width, int height, bool transparent)
    {
        // SHA-256 rather than string.GetHashCode, which is randomised per process.
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(seed + "\u001f" + index.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        _top = hash[0..3];
        _bottom = hash[3..6];
        _stripe = hash[6..9];
        _stripeWidth = 8 + (hash[9] % 56);
        Width = width;
        Height = height;
        HasAlpha = transparent;
        RevealedRows = height;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>True for a transparent background: the stripes are opaque, everything else fully transparent.</summary>
    public bool HasAlpha { get; }

    /// <summary>Rows below this one stay flat, so streamed partial images visibly fill in from the top.</summary>
    public int RevealedRows { get; init; }

    public void FillRow(int y, Span<byte> row)
    {
        int channels = HasAlpha ? 4 : 3;
        bool revealed = y < RevealedRows;
        int weight = Height > 1 && revealed ? y * 256 / (Height - 1) : 0;
        Span<byte> background = stackalloc byte[4];
        for (int c = 0; c < 3; c++)
        {
            background[c] = (byte)(((_top[c] * (256 - weight)) + (_bottom[c] * weight)) >> 8);
        }

        background[3] = HasAlpha ? (byte)0 : (byte)255;
        Span<byte> stripe = [_stripe[0], _stripe[1], _stripe[2], 255];

        for (int x = 0, offset = 0; x < Width; x++, offset += channels)
        {
            bool onStripe = revealed && ((x + y) / _stripeWidth % 2) == 0;
            (onStripe ? stripe : background)[..channels].CopyTo(row[offset..]);
        }
    }
}
