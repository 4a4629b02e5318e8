using System;

namespace CreateImageSdk.Http
{
    /// <summary>A body went over one of the <see cref="ResponseLimits"/>; turned into the SDK's exceptions where the status is known.</summary>
    internal sealed class ResponseTooLargeException : Exception
    {
        public ResponseTooLargeException(string what, long limit)
            : base(what + " is larger than " + ResponseLimits.Describe(limit) + ", the most this client reads.")
        {
        }
    }
}
