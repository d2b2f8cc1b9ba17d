namespace Pipeline.Repositories.Sources;

/// <summary>What a configured location points at, as far as can be told without fetching it.</summary>
public enum SourceKind
{
    /// <summary>A universe tree on disk.</summary>
    LocalTree,

    /// <summary>A file fetched over http(s) or read from disk: our index.json or a DC/OS repository JSON.</summary>
    RepositoryFile,
}
