namespace Pipeline.Mirroring.Mirror;

/// <summary>Where a downloaded file lives in a mirror: <c>assets/&lt;package&gt;/&lt;version&gt;/&lt;file&gt;</c>, every part made safe as one path segment.</summary>
public static class AssetPaths
{
    public const string Folder = "assets";

    /// <summary>The '/'-separated path relative to the mirror's root, also the URL path under the base URL.</summary>
    public static string Relative(string package, string version, string file) => $"{Folder}/{Segment(package)}/{Segment(version)}/{Segment(file)}";

    /// <summary>The last segment of the URL's path, unescaped; "download" when it has none.</summary>
    public static string FileName(Uri url)
    {
        var last = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        return last is null ? "download" : Uri.UnescapeDataString(last);
    }

    /// <summary>A path <see cref="Relative"/> could have made (a manifest is a file anyone can edit: its paths are not trusted to stay in the target).</summary>
    public static bool IsPlain(string relative) =>
        relative.Split('/') is [Folder, var package, var version, var file] && Segment(package) == package && Segment(version) == version && Segment(file) == file;

    /// <summary>Letters, digits, '.', '_', '-' and '+' kept, anything else '_'; never empty, "." or "..".</summary>
    public static string Segment(string text)
    {
        var chars = text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '+' ? c : '_').ToArray();
        var segment = new string(chars).Trim('.');
        return segment.Length == 0 ? "_" : segment;
    }
}
