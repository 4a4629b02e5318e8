using System.IO;
using CreateImageSdk.Http;

namespace CreateImageSdk.Responses
{
    /// <summary>
    /// A read-only view of a response stream that fails once more than <see cref="Limit"/> bytes arrive, so a
    /// misbehaving server or proxy cannot make the serializer buffer without end.
    /// </summary>
    internal sealed class LimitedReadStream : ReadOnlyStreamView
    {
        private readonly string _what;

        /// <param name="inner">The stream to read.</param>
        /// <param name="limit">One of the <see cref="ResponseLimits"/>.</param>
        /// <param name="what">What is read, for the message ("The response body").</param>
        public LimitedReadStream(Stream inner, long limit, string what) : base(inner)
        {
            Limit = limit;
            _what = what;
        }

        public long Limit { get; }

        protected override void OnRead(long bytesRead)
        {
            if (bytesRead > Limit) throw new ResponseTooLargeException(_what, Limit);
        }
    }
}
