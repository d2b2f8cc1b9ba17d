namespace Pipeline.Site;

/// <summary>
/// A release that carries the repository files (publish mode's GitHub release): its name, the
/// address of its page, the address its files are downloaded from (ending with '/'), and the
/// names of its files, where a DC/OS file may be its gzip copy (universe.json.gz).
/// </summary>
public sealed record SiteRelease(string Name, string PageUrl, string DownloadUrl, IReadOnlyList<string> Files);
