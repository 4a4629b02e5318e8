using System;
using System.Net;

namespace CreateImageSdk.Security
{
    /// <summary>Where plain http is acceptable: this machine only.</summary>
    internal static class Loopback
    {
        public static bool Is(Uri uri) =>
            uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
    }
}
