using Pipeline.Changes.ChangeSets;
using Pipeline.Diagnostics.Paths;
using Pipeline.GitHub.PullRequests;

namespace Pipeline.Action;

/// <summary>GitHub's file list of a pull request as the change rules read it.</summary>
internal static class PullRequestFileChanges
{
    /// <summary>
    /// GitHub lists repository paths; the change rules know the universe's ("repo/packages/…" is
    /// "packages/…", and a file beside the universe folder is "../…", outside packages).
    /// </summary>
    public static ChangedFile ToChange(PullRequestFile file, RepositoryPaths paths)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(paths);
        return new ChangedFile(paths.ToUniverse(file.Path), KindOf(file.Status), file.PreviousPath is { } previous ? paths.ToUniverse(previous) : null);
    }

    /// <summary>
    /// A copy adds a file. A mode change ("changed"), "unchanged" and any status GitHub adds later
    /// count as modified: the file is looked at.
    /// </summary>
    public static ChangeStatus KindOf(PullRequestFileStatus status) => status switch
    {
        PullRequestFileStatus.Added or PullRequestFileStatus.Copied => ChangeStatus.Added,
        PullRequestFileStatus.Removed => ChangeStatus.Deleted,
        PullRequestFileStatus.Renamed => ChangeStatus.Renamed,
        _ => ChangeStatus.Modified,
    };
}
