namespace Pipeline.Build.Dcos;

/// <summary>
/// The names and content types of the DC/OS repository files, as Universe's
/// <c>scripts/gen_universe.py</c> writes them.
/// </summary>
public static class DcosRepositoryFormat
{
    public const string UniverseFileName = "universe.json";
    public const string UniverseContentTypeFileName = "universe.content_type";
    public const string UniverseRepositoryVersion = "v5";

    public const string EmptyFileName = "repo-empty-v3.json";
    public const string EmptyContentTypeFileName = "repo-empty-v3.content_type";
    public const string EmptyRepositoryVersion = "v3";

    /// <summary>Up to 1.9 → v3, up to 1.11 → v4, later → v5, as Universe assigns them.</summary>
    public static IReadOnlyList<DcosRelease> Releases { get; } =
    [
        new("1.8", "v3"),
        new("1.9", "v3"),
        new("1.10", "v4"),
        new("1.11", "v4"),
        new("1.12", "v5"),
        new("1.13", "v5"),
        new("2.0", "v5"),
    ];

    /// <summary>The media type of a repository file, e.g. version "v4".</summary>
    public static string ContentType(string repositoryVersion) =>
        $"application/vnd.dcos.universe.repo+json;charset=utf-8;version={repositoryVersion}";
}
