namespace Pipeline.GitHub.GitData;

/// <summary>The kind of a tree entry as Git records it.</summary>
public enum GitEntryKind
{
    File,
    Folder,
    /// <summary>A symbolic link (mode 120000): its blob is the link's target, not a file's content.</summary>
    SymbolicLink,
    /// <summary>A submodule or anything else a plain file copy does not cover (an executable is a file: package files carry no mode).</summary>
    Other,
}

/// <summary>One entry of a tree listing, by its path from the listed tree ('/' separated, as GitHub sent it, unchecked).</summary>
/// <param name="Size">The blob's size in bytes as GitHub states it; null for folders.</param>
public sealed record GitTreeEntry(string Path, GitEntryKind Kind, string Sha, long? Size);
