namespace Pipeline.Packages.Reading;

public sealed record TreeReaderOptions
{
    /// <summary>Files larger than this are reported and not read: package files are small metadata.</summary>
    public long MaxFileBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>
    /// Read file contents while scanning (the default), or leave them deferred for
    /// <see cref="PackageRevision.Load"/> so a caller can hold one package at a time in memory.
    /// </summary>
    public bool LoadContent { get; init; } = true;

    /// <summary>When set, only these package names are read (pull requests validate what they change).</summary>
    public IReadOnlySet<string>? OnlyPackages { get; init; }

    /// <summary>
    /// When set, only these package folders (<c>(letter, name)</c> as in <c>packages/&lt;letter&gt;/&lt;name&gt;</c>)
    /// are read, straight from their paths, with no listing of the rest of the tree: a pull request's
    /// cost then follows what it touches, not the size of the tree. Folders that do not exist are
    /// skipped (a pull request may delete a package). Layout checks of letter folders are not made.
    /// </summary>
    public IReadOnlyList<(string Letter, string Name)>? OnlyPackageFolders { get; init; }
}
