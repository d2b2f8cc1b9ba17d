using System.Globalization;
using System.Net;
using Octokit;

namespace Pipeline.GitHub.Retries;

/// <summary>How long to wait before retrying a failed call, or null when retrying cannot help.</summary>
internal static class RetryDelay
{
    public static TimeSpan? For(Exception error, int attempt, DateTimeOffset now, RetryOptions options)
    {
        switch (error)
        {
            case RateLimitExceededException rate:
                return UntilReset(rate.Reset, now, options);
            case SecondaryRateLimitExceededException secondary:
                return RetryAfter(secondary, now) ?? options.SecondaryRateLimitWait;
            case ApiException api when api.StatusCode == (HttpStatusCode)429:
                return RetryAfter(api, now) ?? ResetFromHeaders(api, now, options) ?? options.SecondaryRateLimitWait;
            case ApiException api when api.StatusCode == HttpStatusCode.Forbidden:
                // A 403 is a permission problem unless GitHub says it is a limit.
                return RetryAfter(api, now) ?? ResetFromHeaders(api, now, options);
            case ApiException api when (int)api.StatusCode >= 500:
                return Backoff(attempt, options);
            case ApiException:
                return null;
            // No answer at all (connection reset, HttpClient timeout): transient like a 5xx.
            case HttpRequestException or TaskCanceledException:
                return Backoff(attempt, options);
            default:
                return null;
        }
    }

    private static TimeSpan Backoff(int attempt, RetryOptions options)
    {
        var factor = Math.Pow(2, Math.Min(attempt - 1, 20));
        var wait = TimeSpan.FromTicks((long)Math.Min(options.InitialBackoff.Ticks * factor, options.MaxBackoff.Ticks));
        return wait;
    }

    private static TimeSpan UntilReset(DateTimeOffset reset, DateTimeOffset now, RetryOptions options)
    {
        var wait = reset - now + options.ResetSlack;
        return wait < TimeSpan.Zero ? options.ResetSlack : wait;
    }

    private static TimeSpan? ResetFromHeaders(ApiException api, DateTimeOffset now, RetryOptions options)
    {
        if (Header(api, "x-ratelimit-remaining") != "0") return null;
        return long.TryParse(Header(api, "x-ratelimit-reset"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var epoch)
            ? UntilReset(DateTimeOffset.FromUnixTimeSeconds(epoch), now, options)
            : null;
    }

    /// <summary><c>retry-after</c> is either seconds or an HTTP date.</summary>
    private static TimeSpan? RetryAfter(ApiException api, DateTimeOffset now)
    {
        var value = Header(api, "retry-after");
        if (value is null) return null;
        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
            return TimeSpan.FromSeconds(Math.Max(seconds, 0));
        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? (at > now ? at - now : TimeSpan.Zero)
            : null;
    }

    private static string? Header(ApiException api, string name)
    {
        var headers = api.HttpResponse?.Headers;
        if (headers is null) return null;
        foreach (var (key, value) in headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase)) return value;
        }
        return null;
    }
}
