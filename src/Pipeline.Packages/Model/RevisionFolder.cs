namespace Pipeline.Packages.Model;

/// <summary>
/// Where a revision's files live: the tree root and the revision folder relative to it. File
/// paths are made from these when asked for rather than stored per file, because a tree of
/// 100,000 revisions holds half a million files and their path strings would dominate memory.
/// </summary>
public sealed class RevisionFolder
{
    public RevisionFolder(string root, string relativeDirectory)
    {
        Root = root;
        RelativeDirectory = relativeDirectory;
    }

    /// <summary>The tree root, a full path.</summary>
    public string Root { get; }

    /// <summary>The folder relative to the root, '/' separated.</summary>
    public string RelativeDirectory { get; }

    public string FullDirectory => Path.Combine(Root, RelativeDirectory);

    public string RelativePath(string fileName) => RelativeDirectory.Length == 0 ? fileName : $"{RelativeDirectory}/{fileName}";

    public string FullPath(string fileName) => Path.Combine(Root, RelativeDirectory, fileName);
}
