using System;
using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace CreateImageSdk.LocalServer;

/// <summary>
/// An images-per-window limit as the service describes its limits: a bucket of <see cref="Limit"/> images that refills
/// continuously (the whole limit per window), each request taking its <c>n</c>. Every answer carries
/// <c>x-ratelimit-limit-requests</c>, <c>x-ratelimit-remaining-requests</c> and <c>x-ratelimit-reset-requests</c>
/// (counting images, since the image endpoints' limit is images per minute); a request that does not fit is answered
/// 429 <c>rate_limit_exceeded</c> and takes nothing.
/// </summary>
public sealed class ImageRateLimiter
{
    private readonly object _gate = new();
    private readonly double _perSecond;
    private double _tokens;
    private long _refilledAt = Stopwatch.GetTimestamp();
    private long _admitted;
    private long _refused;
    private long _answered;
    private TimeSpan? _first;
    private TimeSpan? _last;
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    /// <param name="limit">Images per window.</param>
    /// <param name="window">The window (one minute on the service; shorter in tests).</param>
    public ImageRateLimiter(int limit, TimeSpan window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        Limit = limit;
        Window = window;
        _perSecond = limit / window.TotalSeconds;
        _tokens = limit;
    }

    /// <summary>Images per window.</summary>
    public int Limit { get; }

    /// <summary>The window the limit is counted over.</summary>
    public TimeSpan Window { get; }

    /// <summary>What the limiter has seen so far.</summary>
    public RateLimitStats Stats
    {
        get
        {
            lock (_gate)
            {
                return new RateLimitStats(Limit, Window, _admitted, _answered, _refused, _first, _last);
            }
        }
    }

    /// <summary>Takes <paramref name="images"/> from the bucket and writes the headers; returns the 429 error when they do not fit.</summary>
    internal ApiError? Take(int images, IHeaderDictionary headers)
    {
        double remaining;
        ApiError? refused = null;
        lock (_gate)
        {
            long now = Stopwatch.GetTimestamp();
            _tokens = Math.Min(Limit, _tokens + (Stopwatch.GetElapsedTime(_refilledAt, now).TotalSeconds * _perSecond));
            _refilledAt = now;
            _answered++;
            if (_tokens + 1e-9 >= images)
            {
                _tokens -= images;
                _admitted += images;
                _first ??= _clock.Elapsed;
                _last = _clock.Elapsed;
            }
            else
            {
                _refused++;
                double wait = (images - _tokens) / _perSecond;
                refused = new ApiError(429,
                    string.Create(CultureInfo.InvariantCulture, $"Rate limit reached for images per min (IPM): Limit {Limit}, Used {Limit - (int)Math.Floor(_tokens)}, Requested {images}. Please try again in {Go(TimeSpan.FromSeconds(wait))}."),
                    "requests", null, "rate_limit_exceeded");
            }

            remaining = _tokens;
        }

        headers["x-ratelimit-limit-requests"] = Limit.ToString(CultureInfo.InvariantCulture);
        headers["x-ratelimit-remaining-requests"] = ((long)Math.Floor(remaining)).ToString(CultureInfo.InvariantCulture);
        headers["x-ratelimit-reset-requests"] = Go(TimeSpan.FromSeconds((Limit - remaining) / _perSecond));
        return refused;
    }

    /// <summary>A duration the way the service writes one: <c>20ms</c>, <c>1.5s</c>, <c>6m0s</c>.</summary>
    internal static string Go(TimeSpan duration)
    {
        if (duration < TimeSpan.FromSeconds(1)) return ((long)Math.Ceiling(duration.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture) + "ms";
        if (duration < TimeSpan.FromMinutes(1)) return duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "s";
        return ((int)duration.TotalMinutes).ToString(CultureInfo.InvariantCulture) + "m" + (duration.TotalSeconds % 60).ToString("0.###", CultureInfo.InvariantCulture) + "s";
    }
}

/// <summary>What an <see cref="ImageRateLimiter"/> saw: images admitted, requests answered and refused, and when the first and last image were admitted.</summary>
/// <param name="Limit">Images per window.</param>
/// <param name="Window">The window.</param>
/// <param name="AdmittedImages">Images let through.</param>
/// <param name="Requests">Requests the limiter answered (valid ones).</param>
/// <param name="RefusedRequests">Requests answered 429.</param>
/// <param name="FirstAdmitted">When the first image was admitted, from the limiter's start.</param>
/// <param name="LastAdmitted">When the last image was admitted.</param>
public sealed record RateLimitStats(int Limit, TimeSpan Window, long AdmittedImages, long Requests, long RefusedRequests, TimeSpan? FirstAdmitted, TimeSpan? LastAdmitted)
{
    /// <summary>
    /// The share of the limit used between the first and the last admission: images admitted over the most the bucket
    /// could have let through in that time (its full start plus the refill).
    /// </summary>
    public double Utilization =>
        FirstAdmitted is { } first && LastAdmitted is { } last
            ? AdmittedImages / (Limit + ((last - first).TotalSeconds * Limit / Window.TotalSeconds))
            : 0;
}
