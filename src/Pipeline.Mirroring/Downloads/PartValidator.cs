using System.Globalization;
using System.Net.Http.Headers;

namespace Pipeline.Mirroring.Downloads;

/// <summary>
/// What identifies the file a <c>.part</c> was cut from: the server's strong ETag, else its
/// Last-Modified date, kept in <c>&lt;part&gt;.validator</c> beside it. A resumed request sends it
/// as <c>If-Range</c>, so a server whose file changed answers 200 with the new file instead of
/// the rest of another one.
/// </summary>
public sealed record PartValidator(string Value)
{
    public const string Suffix = ".validator";

    /// <summary>The response's strong ETag, else its Last-Modified; null when it has neither (a weak ETag cannot be used in If-Range).</summary>
    public static PartValidator? Of(HttpResponseMessage response)
    {
        if (response.Headers.ETag is { IsWeak: false } etag) return new PartValidator(etag.ToString());
        return response.Content.Headers.LastModified is { } modified ? new PartValidator(modified.ToString("R", CultureInfo.InvariantCulture)) : null;
    }

    public static PartValidator? Read(string part)
    {
        try
        {
            var path = part + Suffix;
            return File.Exists(path) && new FileInfo(path).Length <= 1024 && File.ReadAllText(path).Trim() is { Length: > 0 } value && IsUsable(value)
                ? new PartValidator(value)
                : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Writes (or, for null, removes) the validator of <paramref name="part"/>.</summary>
    public static void Write(string part, PartValidator? validator)
    {
        if (validator is null) Delete(part);
        else File.WriteAllText(part + Suffix, validator.Value);
    }

    public static void Delete(string part)
    {
        try
        {
            File.Delete(part + Suffix);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A stale validator only makes the next resume start over.
        }
    }

    private static bool IsUsable(string value) =>
        value is ['"', .., '"'] && value.Length >= 2
        || DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _);

    /// <summary>Adds <c>If-Range</c>: an ETag as an entity tag, anything else as the date it is.</summary>
    public void AddTo(HttpRequestMessage request) =>
        request.Headers.IfRange = Value.StartsWith('"')
            ? new RangeConditionHeaderValue(new EntityTagHeaderValue(Value))
            : new RangeConditionHeaderValue(DateTimeOffset.Parse(Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal));
}
