using Pipeline.Changes.Git;
using Pipeline.Changes;
using Pipeline.Diagnostics.Reports;

namespace Pipeline.Cli.Commands;

/// <summary>
/// <c>validate --base REF</c>: the pull-request check run on a contributor's working tree, so the
/// change and upgrade rules are seen before the pull request is opened. The changes are those of
/// the working tree (commits, staged, changed and new files) since its merge base with REF.
/// </summary>
internal static class ChangedSince
{
    /// <returns>The report, or null after saying why the working tree cannot be compared with <paramref name="baseRef"/>.</returns>
    public static ValidationReport? Validate(string root, string baseRef, CliConsole console)
    {
        switch (GitChangeReader.Read(root, baseRef, headRef: null))
        {
            case GitChangeResult.Found found:
                var result = ChangeValidation.Validate(root, found.Changes, found.Base, []);
                // Said on stderr so that json and sarif on stdout stay machine-readable.
                console.Error.WriteLine($"compared with {baseRef} (merge base {found.MergeBaseSha[..7]}): {found.Changes.Files.Count} changed files");
                foreach (var package in result.Packages) console.Error.WriteLine($"  {TerminalText.Escape(package.Description)}");
                if (result.WholeTree) console.Error.WriteLine("  universe.yaml changes, so the whole tree was validated");
                return result.Report;
            case GitChangeResult.Unavailable unavailable:
                console.Error.WriteLine($"universe validate: cannot compare with {baseRef}: {Why(unavailable.Reason, baseRef)}");
                return null;
            default:
                return null;
        }
    }

    private static string Why(GitUnavailableReason reason, string baseRef) => reason switch
    {
        GitUnavailableReason.NotARepository => "the universe is not in a Git repository",
        GitUnavailableReason.ShallowClone => "the clone is shallow, so the merge base is not in it (git fetch --unshallow)",
        GitUnavailableReason.BaseNotFound => $"`{baseRef}` is neither a branch, a remote branch (origin/{baseRef}) nor a commit here",
        GitUnavailableReason.HeadNotFound => "the repository has no commit yet",
        _ => $"`{baseRef}` and HEAD have no common ancestor",
    };
}
