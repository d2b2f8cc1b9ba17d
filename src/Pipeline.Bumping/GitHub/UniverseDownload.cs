using System.Globalization;
using System.Text.RegularExpressions;
using Pipeline.GitHub;
using Pipeline.GitHub.Errors;
using Pipeline.GitHub.GitData;

namespace Pipeline.Bumping.GitHub;

/// <summary>
/// Copies what a bump needs of a universe on GitHub into a local folder, without a clone:
/// universe.yaml and universe-baseline.json when present, and the package's folder (the latest
/// revision whole, package.json of every other revision), from the default branch's head.
/// Through the Git Data API: the head commit, one listing per folder down to the package, one
/// recursive listing of the package folder, then one blob per file copied. Every listed path is
/// checked before anything is written; links are refused, not followed; sizes are bounded
/// (<see cref="UniverseDownloadLimits"/>).
/// </summary>
public static partial class UniverseDownload
{
    private static readonly string[] RootFiles = ["universe.yaml", "universe-baseline.json"];

    /// <exception cref="Pipeline.GitHub.Errors.GitHubReportException">GitHub refused or could not be reached.</exception>
    public static Task<UniverseCopy> ReadPackageAsync(GitHubApi github, RepositorySlug universe, string name, string targetRoot, CancellationToken cancellationToken = default) =>
        ReadPackageAsync(github, universe, name, targetRoot, new UniverseDownloadLimits(), cancellationToken);

    /// <exception cref="Pipeline.GitHub.Errors.GitHubReportException">
    /// GitHub refused or could not be reached, or listed something refused: a path that climbs out,
    /// a link, a listing or a file beyond <paramref name="limits"/>.
    /// </exception>
    public static async Task<UniverseCopy> ReadPackageAsync(
        GitHubApi github, RepositorySlug universe, string name, string targetRoot, UniverseDownloadLimits limits, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(github);
        ArgumentNullException.ThrowIfNull(universe);
        ArgumentNullException.ThrowIfNull(limits);
        var git = github.GitData;
        var baseBranch = await git.DefaultBranchAsync(universe, cancellationToken).ConfigureAwait(false);
        var baseSha = await git.BranchHeadAsync(universe, baseBranch, cancellationToken).ConfigureAwait(false);
        var head = await git.CommitAsync(universe, baseSha, cancellationToken).ConfigureAwait(false);
        var copier = new BlobCopier(git, universe, targetRoot, limits);

        var root = await git.TreeAsync(universe, head.TreeSha, recursive: false, limits.MaxEntries, cancellationToken).ConfigureAwait(false);
        foreach (var file in RootFiles)
        {
            if (root.FirstOrDefault(e => e.Path == file) is { } entry) await copier.CopyAsync(entry, file, cancellationToken).ConfigureAwait(false);
        }

        // Package names are lower case and live under their upper-case first letter.
        if (!PackageName().IsMatch(name)) return new UniverseCopy(baseBranch, baseSha, null);
        var letter = char.ToUpperInvariant(name[0]).ToString();
        var folder = root;
        foreach (var segment in new[] { "packages", letter, name })
        {
            if (folder.FirstOrDefault(e => e.Path == segment && e.Kind == GitEntryKind.Folder) is not { } next) return new UniverseCopy(baseBranch, baseSha, null);
            folder = await git.TreeAsync(universe, next.Sha, recursive: segment == name, limits.MaxEntries, cancellationToken).ConfigureAwait(false);
        }

        await CopyPackageAsync(copier, folder, $"packages/{letter}/{name}", cancellationToken).ConfigureAwait(false);
        return new UniverseCopy(baseBranch, baseSha, letter);
    }

    /// <summary>The latest revision whole and package.json of the others, from the package folder's recursive listing.</summary>
    private static async Task CopyPackageAsync(BlobCopier copier, IReadOnlyList<GitTreeEntry> entries, string packageDirectory, CancellationToken cancellationToken)
    {
        foreach (var entry in entries)
        {
            if (RevisionPath.Problem(entry.Path) is { } problem)
                throw new GitHubReportException($"GitHub listed {Quoted(entry.Path)} in {packageDirectory}, which is refused: {problem}");
        }
        var revisions = entries
            .Where(e => e.Kind == GitEntryKind.Folder && !e.Path.Contains('/') && RevisionFolder().IsMatch(e.Path))
            .Select(e => int.Parse(e.Path, NumberStyles.None, CultureInfo.InvariantCulture))
            .ToArray();
        if (revisions.Length == 0) return;
        var latest = revisions.Max().ToString(CultureInfo.InvariantCulture);
        foreach (var entry in entries)
        {
            var slash = entry.Path.IndexOf('/', StringComparison.Ordinal);
            if (slash < 0 || entry.Kind == GitEntryKind.Folder) continue;
            var (revision, inside) = (entry.Path[..slash], entry.Path[(slash + 1)..]);
            if (revision != latest && inside != "package.json") continue;
            if (!RevisionFolder().IsMatch(revision)) continue;
            await copier.CopyAsync(entry, $"{packageDirectory}/{entry.Path}", cancellationToken).ConfigureAwait(false);
        }
    }

    internal static string Quoted(string path) => Pipeline.Diagnostics.Reports.TerminalText.Escape(path.Length > 200 ? path[..200] + "…" : path);

    [GeneratedRegex("^[a-z][a-z0-9-]*[a-z0-9]$")]
    private static partial Regex PackageName();

    [GeneratedRegex("^(0|[1-9][0-9]{0,8})$")]
    private static partial Regex RevisionFolder();
}
