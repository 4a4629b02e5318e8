using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;

namespace CreateImageSdk.Http
{
    /// <summary>
    /// Which failed attempts are tried again and after how long. Statuses and headers follow what OpenAI's own
    /// libraries do: 408, 409, 429 and 5xx gateway/overload statuses, <c>x-should-retry</c> as an override,
    /// <c>retry-after-ms</c> then <c>Retry-After</c> for the delay, exponential backoff with jitter otherwise.
    /// </summary>
    internal sealed class RetryPolicy
    {
        private static readonly TimeSpan InitialBackoff = TimeSpan.FromSeconds(0.5);
        private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(8);

        [ThreadStatic]
        private static Random? t_random;

        public RetryPolicy(int maxRetries, TimeSpan maxRetryDelay, bool retryTimeouts)
        {
            MaxRetries = maxRetries;
            MaxRetryDelay = maxRetryDelay;
            RetryTimeouts = retryTimeouts;
        }

        public int MaxRetries { get; }

        public TimeSpan MaxRetryDelay { get; }

        public bool RetryTimeouts { get; }

        /// <summary>Whether another attempt may follow attempt number <paramref name="attempt"/> (1-based).</summary>
        public bool HasRetryLeft(int attempt) => attempt <= MaxRetries;

        /// <summary>
        /// For an answer with an error status: the delay before the next attempt, or null with the reason not to
        /// retry (null reason when the status is simply not retryable or no retry is left).
        /// </summary>
        public TimeSpan? Decide(HttpResponseMessage response, int attempt, out string? notRetriedBecause)
        {
            notRetriedBecause = null;
            if (!ShouldRetry(response) || !HasRetryLeft(attempt)) return null;
            var requested = ServerDelay(response);
            if (requested > MaxRetryDelay)
            {
                notRetriedBecause = "the server asked to wait " + Seconds(requested.Value) + ", longer than ImageClientOptions.MaxRetryDelay (" + Seconds(MaxRetryDelay) + ").";
                return null;
            }

            return requested ?? Backoff(attempt);
        }

        /// <summary>About 0.5 s after the first attempt, doubling up to 8 s, each less up to a quarter at random so clients spread out.</summary>
        public static TimeSpan Backoff(int attempt)
        {
            var exponent = Math.Min(attempt - 1, 10);
            var ticks = Math.Min(InitialBackoff.Ticks * (1L << exponent), MaxBackoff.Ticks);
            var random = t_random ??= new Random(Guid.NewGuid().GetHashCode());
            return TimeSpan.FromTicks((long)(ticks * (1 - 0.25 * random.NextDouble())));
        }

        /// <summary>The wait the server asked for: <c>retry-after-ms</c>, else <c>Retry-After</c> in seconds or as a date.</summary>
        public static TimeSpan? ServerDelay(HttpResponseMessage response)
        {
            if (response.Headers.TryGetValues("retry-after-ms", out var values) &&
                double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds) &&
                milliseconds >= 0 && !double.IsInfinity(milliseconds))
            {
                return TimeSpan.FromMilliseconds(Math.Min(milliseconds, TimeSpan.MaxValue.TotalMilliseconds / 2));
            }

            var header = response.Headers.RetryAfter;
            if (header?.Delta is { } delta) return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
            if (header?.Date is { } date) return date > DateTimeOffset.UtcNow ? date - DateTimeOffset.UtcNow : TimeSpan.Zero;
            return null;
        }

        private static bool ShouldRetry(HttpResponseMessage response)
        {
            if (response.Headers.TryGetValues("x-should-retry", out var values))
            {
                var value = values.FirstOrDefault()?.Trim();
                if (string.Equals(value, "true", StringComparison.OrdinalIgnoreCase)) return true;
                if (string.Equals(value, "false", StringComparison.OrdinalIgnoreCase)) return false;
            }

            switch ((int)response.StatusCode)
            {
                case 408:
                case 409:
                case 429:
                case 500:
                case 502:
                case 503:
                case 504:
                    return true;
                default:
                    return false;
            }
        }

        internal static string Seconds(TimeSpan value) =>
            value.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";
    }
}
