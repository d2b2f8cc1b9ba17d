namespace Pipeline.Site.Html;

/// <summary>The base address links of the 404 page start with, from site.baseUrl.</summary>
internal static class SiteBase
{
    public const string Default = "/";

    /// <summary>
    /// An http(s) URL or a path from the host's root, ending with '/'; <see cref="Default"/> when
    /// absent or anything else (validation reports a bad site.baseUrl). "//host" is a path to
    /// another host, so it is refused like any other address that is not a plain path.
    /// </summary>
    public static string Normalise(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return Default;
        var text = value.Trim();
        var isPath = text.StartsWith('/') && !text.StartsWith("//", StringComparison.Ordinal) && !text.Any(c => c is '\\' || char.IsWhiteSpace(c) || char.IsControl(c));
        if (!isPath && !SafeUrl.IsWebAddress(text)) return Default;
        return text.EndsWith('/') ? text : text + "/";
    }
}
