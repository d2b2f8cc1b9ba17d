using System.Globalization;

namespace Pipeline.Testing.FakeGitHub;

/// <summary>
/// A canned failure the fake answers instead of the real endpoint, shaped like GitHub's own
/// (status, headers, <c>{message, documentation_url, errors}</c> body).
/// </summary>
public sealed record FakeFault(
    int Status,
    string Message,
    IReadOnlyDictionary<string, string> Headers,
    IReadOnlyList<FakeValidationError> Errors)
{
    public const string RateLimitDocs = "https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting";

    /// <summary>The primary rate limit: 403 with <c>x-ratelimit-remaining: 0</c> and the reset time.</summary>
    public static FakeFault RateLimit(DateTimeOffset reset) => new(
        403,
        "API rate limit exceeded for user ID 1000. If you reach out to GitHub Support for help, please include the request ID.",
        new Dictionary<string, string>
        {
            ["x-ratelimit-limit"] = "5000",
            ["x-ratelimit-remaining"] = "0",
            ["x-ratelimit-used"] = "5000",
            ["x-ratelimit-resource"] = "core",
            ["x-ratelimit-reset"] = reset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        },
        []);

    /// <summary>A secondary rate limit answered as 429 with <c>retry-after</c> (seconds).</summary>
    public static FakeFault TooManyRequests(TimeSpan retryAfter) => new(
        429,
        "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
        new Dictionary<string, string> { ["retry-after"] = Seconds(retryAfter) },
        []);

    /// <summary>A secondary rate limit answered as 403 with <c>retry-after</c>, GitHub's other way.</summary>
    public static FakeFault SecondaryRateLimit(TimeSpan retryAfter) => new(
        403,
        "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
        new Dictionary<string, string> { ["retry-after"] = Seconds(retryAfter) },
        []);

    public static FakeFault ServerError(int status = 502) => new(
        status, status == 502 ? "Server Error" : "Service Unavailable", new Dictionary<string, string>(), []);

    public static FakeFault ValidationFailed(params FakeValidationError[] errors) =>
        new(422, "Validation Failed", new Dictionary<string, string>(), errors);

    private static string Seconds(TimeSpan t) => ((long)Math.Ceiling(t.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}

/// <summary>One entry of a 422 body's <c>errors</c> array.</summary>
public sealed record FakeValidationError(string Resource, string Code, string? Field, string? Message = null);
