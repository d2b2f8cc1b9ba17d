namespace Pipeline.GitHub.GitData;

/// <summary>A file to put in a new tree.</summary>
/// <param name="Path">Where the file goes in the repository.</param>
/// <param name="Name">What messages call it (e.g. its name inside the revision folder).</param>
public sealed record TreeFile(string Path, string Name, ReadOnlyMemory<byte> Content);
