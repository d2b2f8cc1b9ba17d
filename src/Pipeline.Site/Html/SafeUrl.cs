namespace Pipeline.Site.Html;

/// <summary>Which URLs from package text may become links.</summary>
internal static class SafeUrl
{
    public static bool IsWebAddress(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>http(s), mailto, or a relative reference (no scheme at all): never javascript:, data:, vbscript: ….</summary>
    public static bool IsAllowedInMarkdown(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return false;
        var trimmed = url.Trim();
        var colon = trimmed.IndexOf(':');
        var firstDelimiter = trimmed.IndexOfAny(['/', '?', '#']);
        var hasScheme = colon >= 0 && (firstDelimiter < 0 || colon < firstDelimiter);
        if (!hasScheme) return !trimmed.Any(char.IsControl);
        return IsWebAddress(trimmed) || trimmed.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase);
    }
}
