using System.Globalization;

namespace Pipeline.Publishing;

/// <summary>Release tags: <c>universe-YYYY-MM-DD-&lt;first 12 hex digits of the content digest&gt;</c>.</summary>
public static class ReleaseTags
{
    public const int DigestLength = 12;

    public static string For(DateTimeOffset date, string digest) =>
        $"universe-{date.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}-{digest[..DigestLength]}";

    /// <summary>The digest part of one of our tags, or null for any other tag.</summary>
    public static string? DigestOf(string tag)
    {
        var dash = tag.LastIndexOf('-');
        if (!tag.StartsWith("universe-", StringComparison.Ordinal) || dash < 0 || tag.Length - dash - 1 != DigestLength) return null;
        return tag[(dash + 1)..];
    }
}
