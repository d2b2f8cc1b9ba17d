namespace Pipeline.GitHub.GitData;

/// <summary>A commit as far as making the next one needs: its tree and its parents.</summary>
public sealed record CommitTree(string Sha, string TreeSha, IReadOnlyList<string> Parents);
