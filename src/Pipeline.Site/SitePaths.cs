namespace Pipeline.Site;

/// <summary>
/// Where the site's files go, relative to the output root. None collides with the repository files
/// a build writes there (index.json, universe.json, repo-*.json, package/, &lt;release&gt;/package/, SHA256SUMS).
/// </summary>
public static class SitePaths
{
    public const string Index = "index.html";
    public const string Stylesheet = "assets/site.css";
    public const string Script = "assets/search.js";
    public const string SearchIndex = "search-index.json";

    /// <summary>The page a host (GitHub Pages among them) serves for any missing path.</summary>
    public const string NotFound = "404.html";

    /// <summary>The package's page, showing its newest revision.</summary>
    public static string Package(string name) => $"packages/{name}/index.html";

    /// <summary>The list of every version of a package, beside its pages.</summary>
    public static string Versions(string name) => $"packages/{name}/{VersionsFile}";

    public const string VersionsFile = "versions.html";

    /// <summary>The page of an older revision, beside its package's page.</summary>
    public static string Revision(string name, int releaseVersion) => $"packages/{name}/{releaseVersion}.html";

    /// <summary>Repository files the pages link to (written by the build, not by the site).</summary>
    public const string IndexJson = "index.json";
    public const string UniverseJson = "universe.json";
    public const string Checksums = "SHA256SUMS";

    public static string PackageJson(string name) => $"package/{name}.json";
}
