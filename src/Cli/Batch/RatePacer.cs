using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace CreateImageSdk.Cli.Batch
{
    /// <summary>
    /// Paces a live batch by the rate-limit headers the service sends (<c>x-ratelimit-limit-requests</c>,
    /// <c>-remaining-requests</c>, <c>-reset-requests</c>), so requests wait before the limit instead of meeting 429s.
    /// It keeps its own copy of the service's bucket: the limit, the refill rate (what is used over the time to be whole
    /// again) and what is left, taken from each answer minus the requests sent after it, plus the refill since. Until the
    /// first answer says what the limit is, one request is in flight; without the headers it does not pace at all (the
    /// 429 handling of <see cref="BatchRunner"/> still applies). What is counted is images (<c>n</c> of each request), as the
    /// image endpoints' limit is images per minute; for one image per row it is the same as requests.
    /// </summary>
    internal sealed class RatePacer
    {
        // A little below the service's rate, so clock differences do not tip a request over the limit.
        private const double Margin = 0.97;

        private readonly object _gate = new object();
        private readonly TaskCompletionSource<bool> _firstAnswer = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _firstClaimed;
        private bool _known;
        private double _limit;
        private double _perSecond;
        private double _tokens;
        private long _stamp;
        private long _sent;

        /// <summary>Whether the headers were seen and requests are being paced.</summary>
        public bool IsPacing
        {
            get
            {
                lock (_gate) return _known;
            }
        }

        /// <summary>Waits until <paramref name="images"/> fit under the limit, and takes them; returns the request's sequence number.</summary>
        public async Task<long> WaitAsync(int images, CancellationToken cancellationToken)
        {
            if (Interlocked.Exchange(ref _firstClaimed, 1) == 0) return Interlocked.Increment(ref _sent);
            await _firstAnswer.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            while (true)
            {
                TimeSpan wait;
                lock (_gate)
                {
                    if (!_known) return ++_sent;
                    Refill();
                    if (_tokens >= images)
                    {
                        _tokens -= images;
                        return ++_sent;
                    }

                    wait = TimeSpan.FromSeconds(Math.Min(60, (images - _tokens) / _perSecond));
                }

                await Task.Delay(wait < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : wait, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>What an answer said of the limit (null: nothing); <paramref name="sequence"/> is the request's, from <see cref="WaitAsync"/>.</summary>
        public void Observe(ImageRateLimit? rateLimit, long sequence)
        {
            lock (_gate)
            {
                if (rateLimit is { LimitRequests: { } limit, RemainingRequests: { } remaining } && limit > 0)
                {
                    if (rateLimit.ResetRequests is { } reset && reset > TimeSpan.Zero && limit > remaining) _perSecond = Margin * (limit - remaining) / reset.TotalSeconds;
                    else if (!_known) _perSecond = Margin * limit / 60.0; // a full bucket says nothing of the rate: assume the limit is per minute
                    _limit = limit;
                    // What was left when this request was counted, minus the requests sent after it (counted after it).
                    _tokens = Math.Min(_limit, remaining - (_sent - sequence));
                    _stamp = Stopwatch.GetTimestamp();
                    _known = true;
                }
            }

            _firstAnswer.TrySetResult(true);
        }

        private void Refill()
        {
            var now = Stopwatch.GetTimestamp();
            _tokens = Math.Min(_limit, _tokens + ((now - _stamp) / (double)Stopwatch.Frequency * _perSecond));
            _stamp = now;
        }
    }
}
