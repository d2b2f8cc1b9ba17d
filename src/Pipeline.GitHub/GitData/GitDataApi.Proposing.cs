using System.Text.RegularExpressions;

namespace Pipeline.GitHub.GitData;

/// <summary>A change proposed on a branch the tool owns: one commit on top of a base commit.</summary>
public sealed partial class GitDataApi
{
    /// <summary>
    /// <c>{prefix}/{name}-{version}</c> with what Git refuses in a branch name ("..", a trailing
    /// ".", "~", "^", ":", spaces, …) turned into '-'.
    /// </summary>
    public static string BranchName(string prefix, string name, string version)
    {
        var safe = BranchUnsafe().Replace($"{name}-{version}", "-").Replace("..", "-", StringComparison.Ordinal).TrimEnd('.');
        return $"{prefix}/{safe}";
    }

    /// <summary>
    /// Makes <paramref name="branch"/> of <paramref name="repo"/> hold <paramref name="files"/> as one
    /// commit on <paramref name="baseCommit"/> (which may be a commit of the repository's fork
    /// network). The branch belongs to the caller: whatever it held is replaced (forced), unless it
    /// already is exactly that tree on that base, when nothing is written.
    /// </summary>
    public async Task<BranchUpdate> ProposeAsync(RepositorySlug repo, string branch, CommitTree baseCommit, IReadOnlyList<TreeFile> files, string message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(baseCommit);
        var treeSha = await CreateTreeAsync(repo, baseCommit.TreeSha, files, cancellationToken).ConfigureAwait(false);
        var existing = await FindBranchHeadAsync(repo, branch, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            var current = await CommitAsync(repo, existing, cancellationToken).ConfigureAwait(false);
            if (current.TreeSha == treeSha && current.Parents is [var parent] && parent == baseCommit.Sha) return new BranchUpdate(existing, false, false);
        }
        var head = await CreateCommitAsync(repo, message, treeSha, baseCommit.Sha, cancellationToken).ConfigureAwait(false);
        if (existing is null) await CreateBranchAsync(repo, branch, head, cancellationToken).ConfigureAwait(false);
        else await MoveBranchAsync(repo, branch, head, cancellationToken).ConfigureAwait(false);
        return new BranchUpdate(head, existing is null, true);
    }

    [GeneratedRegex("[^A-Za-z0-9._-]+")]
    private static partial Regex BranchUnsafe();
}
