using LibGit2Sharp;
using Pipeline.Changes.ChangeSets;

namespace Pipeline.Changes.Git;

/// <summary>
/// What a pull request changes, from Git: the merge base of the base and head commits, the
/// diff of their trees with rename detection, and the base branch's view of the touched packages.
/// A shallow clone, or a base or merge base that is not in the clone, is a result, not an error.
/// </summary>
public static class GitChangeReader
{
    static GitChangeReader()
    {
        // The action's container runs as root over a workspace owned by the runner's uid; libgit2
        // (like git's safe.directory) would refuse to open it. The workspace is the job's own
        // checkout, so ownership proves nothing here.
        GlobalSettings.SetOwnerValidation(false);
    }

    /// <param name="root">The repository root (the folder holding packages/), or a folder inside a Git work tree.</param>
    /// <param name="baseRef">The base: a branch (<c>main</c>, <c>origin/main</c>, <c>refs/remotes/origin/main</c>) or a commit sha.</param>
    /// <param name="headRef">The head, HEAD by default; null for the working tree (HEAD with what is staged, changed or untracked on disk).</param>
    public static GitChangeResult Read(string root, string baseRef, string? headRef = "HEAD")
    {
        var fullRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        var gitDirectory = Repository.Discover(fullRoot);
        if (gitDirectory is null)
        {
            return new GitChangeResult.Unavailable(GitUnavailableReason.NotARepository,
                $"{root} is not in a Git repository, so the changes cannot be read from Git; using the pull request's file list instead");
        }
        using var repository = new Repository(gitDirectory);
        if (repository.Info.IsShallow || File.Exists(Path.Combine(repository.Info.Path, "shallow")))
        {
            return new GitChangeResult.Unavailable(GitUnavailableReason.ShallowClone,
                "the checkout is a shallow clone, so the merge base with the base branch is not in it; using the pull request's file list instead " +
                "(check out with `fetch-depth: 0` to compare with Git)");
        }
        if (Resolve(repository, baseRef) is not { } baseCommit)
        {
            return new GitChangeResult.Unavailable(GitUnavailableReason.BaseNotFound,
                $"the base `{baseRef}` is not in the clone (neither a branch, a remote branch nor a commit); using the pull request's file list instead " +
                "(fetch the base branch, or check out with `fetch-depth: 0`)");
        }
        if (Resolve(repository, headRef ?? "HEAD") is not { } headCommit)
        {
            return new GitChangeResult.Unavailable(GitUnavailableReason.HeadNotFound,
                $"the head `{headRef ?? "HEAD"}` is not in the clone; using the pull request's file list instead");
        }
        if (repository.ObjectDatabase.FindMergeBase(baseCommit, headCommit) is not { } mergeBase)
        {
            return new GitChangeResult.Unavailable(GitUnavailableReason.NoMergeBase,
                $"`{baseRef}` ({Short(baseCommit)}) and `{headRef}` ({Short(headCommit)}) have no common ancestor in the clone; using the pull request's file list instead");
        }

        var prefix = Prefix(repository, fullRoot);
        var compare = new CompareOptions { Similarity = SimilarityOptions.Renames, IncludeUnmodified = false };
        // The working tree: what the head commit holds plus what is staged, changed or new (not
        // ignored) on disk, as a contributor sees the tree before committing.
        using var diff = headRef is null
            ? repository.Diff.Compare<TreeChanges>(mergeBase.Tree, DiffTargets.Index | DiffTargets.WorkingDirectory, null, null, compare)
            : repository.Diff.Compare<TreeChanges>(mergeBase.Tree, headCommit.Tree, compare);
        var changes = ChangeSet.FromFiles(ChangedFiles(diff, prefix), ChangeSource.Git);
        var baseView = GitBaseView.Read(baseCommit, prefix, changes.Packages);
        return new GitChangeResult.Found(changes, baseView, baseCommit.Sha, headCommit.Sha, mergeBase.Sha);
    }

    private static List<ChangedFile> ChangedFiles(TreeChanges diff, string prefix)
    {
        var files = new List<ChangedFile>();
        foreach (var change in diff)
        {
            var status = change.Status switch
            {
                ChangeKind.Added or ChangeKind.Copied or ChangeKind.Untracked => ChangeStatus.Added,
                ChangeKind.Deleted => ChangeStatus.Deleted,
                ChangeKind.Renamed => ChangeStatus.Renamed,
                ChangeKind.Modified or ChangeKind.TypeChanged => ChangeStatus.Modified,
                _ => (ChangeStatus?)null,
            };
            if (status is null) continue;
            files.Add(new ChangedFile(Relative(prefix, change.Path), status.Value,
                status == ChangeStatus.Renamed ? Relative(prefix, change.OldPath) : null));
        }
        return files;
    }

    private static Commit? Resolve(Repository repository, string reference)
    {
        // Actions checkouts usually have only the remote-tracking branch of the base.
        foreach (var candidate in new[] { reference, $"origin/{reference}", $"refs/remotes/origin/{reference}" })
        {
            try
            {
                if (repository.Lookup(candidate) is { } found && found.Peel<Commit>() is { } commit) return commit;
            }
            catch (LibGit2SharpException)
            {
                // An invalid or ambiguous spec: try the next form.
            }
        }
        return null;
    }

    /// <summary>Where the root sits in the work tree ("" at its top, "repo/" for a Universe checkout's repo folder).</summary>
    private static string Prefix(Repository repository, string fullRoot)
    {
        var workTree = repository.Info.WorkingDirectory is { } w ? Path.GetFullPath(w) : fullRoot;
        var relative = Path.GetRelativePath(workTree, fullRoot).Replace(Path.DirectorySeparatorChar, '/');
        return relative is "." ? "" : relative + "/";
    }

    /// <summary>A Git path relative to the root; a path outside it starts with "../", as it is from the root.</summary>
    private static string Relative(string prefix, string gitPath)
    {
        // Git separates with '/' only; a backslash is part of a name (see ChangeSet).
        if (prefix.Length == 0) return gitPath;
        return gitPath.StartsWith(prefix, StringComparison.Ordinal) ? gitPath[prefix.Length..] : Path.GetRelativePath(prefix, gitPath).Replace(Path.DirectorySeparatorChar, '/');
    }

    private static string Short(Commit commit) => commit.Sha[..7];
}
