namespace Pipeline.Repositories.Configuration;

/// <summary>
/// One configured repository: a unique name, where it lives (a folder, or an http(s) or file URL
/// of an index.json or a DC/OS repository JSON) and its priority — the higher the number, the
/// earlier a package name resolves there.
/// </summary>
public sealed record RepositoryEntry(string Name, string Location, int Priority);
