using System;

namespace CreateImageSdk.Http
{
    /// <summary>
    /// Every limit on how much of a response the client reads, in one place, so a misbehaving server or proxy
    /// cannot make it buffer without end.
    /// </summary>
    internal static class ResponseLimits
    {
        /// <summary>A success body (typed or raw): 512 MiB, far above ten 4K images in base64.</summary>
        public const long MaxBodyBytes = 512L * 1024 * 1024;

        /// <summary>What is kept of an error body: 64 KiB; the rest is not read.</summary>
        public const int MaxErrorBodyBytes = 64 * 1024;

        /// <summary>One server-sent event: far above a 4K image in base64, far below what would exhaust memory.</summary>
        public const int MaxEventBytes = 128 * 1024 * 1024;

        /// <summary>A downloaded image: 64 MiB, far above any generated image.</summary>
        public const long MaxDownloadBytes = 64L * 1024 * 1024;

        public static string Describe(long bytes) => (bytes / (1024 * 1024)).ToString(System.Globalization.CultureInfo.InvariantCulture) + " MiB";
    }
}
