using System;

namespace CreateImageSdk.Http
{
    /// <summary>
    /// Every limit on how much of a response the client reads, in one place, so a misbehaving server or proxy
    /// cannot make it buffer without end. The body limit is the client's (<see cref="ImageClientOptions.MaxResponseBytes"/>);
    /// the others are fixed.
    /// </summary>
    internal sealed class ResponseLimits
    {
        /// <summary>What is kept of an error body: 64 KiB; the rest is not read.</summary>
        public const int MaxErrorBodyBytes = 64 * 1024;

        /// <summary>One server-sent event at most: far above a 4K image in base64, far below what would exhaust memory.</summary>
        public const int MaxEventBytesCap = 128 * 1024 * 1024;

        public ResponseLimits(long maxBodyBytes)
        {
            MaxBodyBytes = maxBodyBytes;
            MaxEventBytes = (int)Math.Min(maxBodyBytes, MaxEventBytesCap);
        }

        /// <summary>A success body, typed or raw.</summary>
        public long MaxBodyBytes { get; }

        /// <summary>One server-sent event of a stream.</summary>
        public int MaxEventBytes { get; }

        /// <summary>A downloaded image: 64 MiB, far above any generated image.</summary>
        public const long MaxDownloadBytes = 64L * 1024 * 1024;

        public static string Describe(long bytes) =>
            bytes % (1024 * 1024) == 0
                ? (bytes / (1024 * 1024)).ToString(System.Globalization.CultureInfo.InvariantCulture) + " MiB"
                : bytes.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture) + " bytes";
    }
}
