using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;

namespace CreateImageSdk
{
    /// <summary>
    /// The account's rate limits as one answer's <c>x-ratelimit-*</c> headers told them: how many requests (and tokens)
    /// the current window allows, how many are left, and how long until the limit is whole again. Null members were not
    /// sent. OpenAI documents these headers for its API in general; the recorded image answers in this repository carry
    /// none, so a client must also work without them (see README, "Pacing").
    /// </summary>
    public sealed record ImageRateLimit
    {
        /// <summary><c>x-ratelimit-limit-requests</c>: the requests (for the image endpoints, images) allowed per window.</summary>
        public long? LimitRequests { get; init; }

        /// <summary><c>x-ratelimit-remaining-requests</c>: how many are left now.</summary>
        public long? RemainingRequests { get; init; }

        /// <summary><c>x-ratelimit-reset-requests</c>: how long until the request limit is whole again.</summary>
        public TimeSpan? ResetRequests { get; init; }

        /// <summary><c>x-ratelimit-limit-tokens</c>: the tokens allowed per window.</summary>
        public long? LimitTokens { get; init; }

        /// <summary><c>x-ratelimit-remaining-tokens</c>: how many tokens are left now.</summary>
        public long? RemainingTokens { get; init; }

        /// <summary><c>x-ratelimit-reset-tokens</c>: how long until the token limit is whole again.</summary>
        public TimeSpan? ResetTokens { get; init; }

        /// <summary>
        /// Reads the headers of an answer (as <see cref="RawResponse.Headers"/> holds them); null when none of the six
        /// is present or readable.
        /// </summary>
        /// <param name="headers">Header values by name (case-insensitive lookups are the caller's dictionary's).</param>
        /// <returns>The limits, or null.</returns>
        public static ImageRateLimit? FromHeaders(IReadOnlyDictionary<string, IReadOnlyList<string>> headers)
        {
            if (headers is null) throw new ArgumentNullException(nameof(headers));
            return From(name => headers.TryGetValue(name, out var values) ? values.FirstOrDefault() : null);
        }

        internal static ImageRateLimit? From(HttpResponseMessage response) =>
            From(name => response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null);

        private static ImageRateLimit? From(Func<string, string?> header)
        {
            var limit = new ImageRateLimit
            {
                LimitRequests = Count(header("x-ratelimit-limit-requests")),
                RemainingRequests = Count(header("x-ratelimit-remaining-requests")),
                ResetRequests = Duration(header("x-ratelimit-reset-requests")),
                LimitTokens = Count(header("x-ratelimit-limit-tokens")),
                RemainingTokens = Count(header("x-ratelimit-remaining-tokens")),
                ResetTokens = Duration(header("x-ratelimit-reset-tokens")),
            };
            return limit.LimitRequests is null && limit.RemainingRequests is null && limit.ResetRequests is null
                   && limit.LimitTokens is null && limit.RemainingTokens is null && limit.ResetTokens is null ? null : limit;
        }

        private static long? Count(string? text) =>
            long.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

        /// <summary>
        /// A duration as the service writes it: Go's form (<c>6m0s</c>, <c>1.5s</c>, <c>20ms</c>, <c>1h2m3s</c>), or plain
        /// seconds; null when it is neither.
        /// </summary>
        internal static TimeSpan? Duration(string? text)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            var s = text!.Trim();
            if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var plain)) return plain >= 0 ? TimeSpan.FromSeconds(plain) : null;
            double total = 0;
            var i = 0;
            while (i < s.Length)
            {
                var start = i;
                while (i < s.Length && (char.IsDigit(s[i]) || s[i] == '.')) i++;
                if (start == i || !double.TryParse(s.Substring(start, i - start), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return null;
                var unitStart = i;
                while (i < s.Length && char.IsLetter(s[i])) i++;
                switch (s.Substring(unitStart, i - unitStart))
                {
                    case "h": total += number * 3600; break;
                    case "m": total += number * 60; break;
                    case "s": total += number; break;
                    case "ms": total += number / 1000; break;
                    case "us": case "µs": total += number / 1_000_000; break;
                    case "ns": total += number / 1_000_000_000; break;
                    default: return null;
                }
            }

            return TimeSpan.FromSeconds(total);
        }

        /// <inheritdoc/>
        public override string ToString()
        {
            var parts = new List<string>();
            if (RemainingRequests != null || LimitRequests != null) parts.Add("requests " + (RemainingRequests?.ToString(CultureInfo.InvariantCulture) ?? "?") + "/" + (LimitRequests?.ToString(CultureInfo.InvariantCulture) ?? "?"));
            if (ResetRequests is { } r) parts.Add("whole in " + r.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s");
            if (RemainingTokens != null || LimitTokens != null) parts.Add("tokens " + (RemainingTokens?.ToString(CultureInfo.InvariantCulture) ?? "?") + "/" + (LimitTokens?.ToString(CultureInfo.InvariantCulture) ?? "?"));
            if (ResetTokens is { } t) parts.Add("whole in " + t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s");
            return "ImageRateLimit { " + string.Join(", ", parts) + " }";
        }
    }
}
