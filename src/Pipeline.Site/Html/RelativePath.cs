namespace Pipeline.Site.Html;

/// <summary>Links between pages are relative, so the site works under any base path.</summary>
internal static class RelativePath
{
    /// <summary>The prefix that leads from a page back to the site root: "" for index.html, "../../" for packages/x/index.html.</summary>
    public static string ToRoot(string pagePath)
    {
        var depth = pagePath.Count(c => c == '/');
        return depth == 0 ? "" : string.Concat(Enumerable.Repeat("../", depth));
    }
}
