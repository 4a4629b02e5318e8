using System;
using System.Globalization;

namespace CreateImageSdk
{
    /// <summary>
    /// The base of the errors a request meets after it passed validation: the server answered with an error
    /// (<see cref="ImageApiException"/>), answered with a body that cannot be read (<see cref="ImageResponseFormatException"/>),
    /// or no usable answer arrived (<see cref="ImageTransportException"/>). Timeouts are <see cref="TimeoutException"/>
    /// and the caller's cancellation is <see cref="OperationCanceledException"/>.
    /// </summary>
    public abstract class ImageClientException : Exception
    {
        private protected ImageClientException(string message, Exception? inner)
            : base(message, inner)
        {
        }

        /// <summary>How many attempts were made, retries included (1 when the first attempt failed for good).</summary>
        public int Attempts { get; internal set; } = 1;

        /// <summary>Why the client did not retry although it could have (for example a <c>Retry-After</c> above the limit); null otherwise.</summary>
        public string? NotRetriedBecause { get; internal set; }

        /// <summary>The message, with the number of attempts and why retrying stopped, when that applies.</summary>
        public override string Message
        {
            get
            {
                var message = base.Message;
                if (Attempts > 1) message += " (" + Attempts.ToString(CultureInfo.InvariantCulture) + " attempts)";
                if (NotRetriedBecause != null) message += " Not retried: " + NotRetriedBecause;
                return message;
            }
        }
    }
}
