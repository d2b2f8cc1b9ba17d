using System.Globalization;
using Pipeline.GitHub;
using Pipeline.GitHub.Errors;
using Pipeline.GitHub.GitData;

namespace Pipeline.Bumping.GitHub;

/// <summary>
/// Writes listed files of a repository under a local root: files only (a link is refused, never
/// followed or written), sizes checked against the listing before the blob is read and against
/// the bytes after, the total bounded, and every path kept inside the root.
/// </summary>
internal sealed class BlobCopier(GitDataApi git, RepositorySlug repo, string targetRoot, UniverseDownloadLimits limits)
{
    private readonly string _root = Path.GetFullPath(targetRoot);
    private long _written;

    /// <param name="path">Where the file goes, from the root, '/' separated.</param>
    public async Task CopyAsync(GitTreeEntry entry, string path, CancellationToken cancellationToken)
    {
        var shown = UniverseDownload.Quoted(path);
        switch (entry.Kind)
        {
            case GitEntryKind.SymbolicLink:
                throw new GitHubReportException($"{shown} in {repo} is a symbolic link; the bump copies files only and does not follow links: replace the link with the file it points to");
            case GitEntryKind.File:
                break;
            default:
                throw new GitHubReportException($"{shown} in {repo} is not a plain file (a submodule or another kind of entry); the bump copies files only");
        }
        if (entry.Size is { } stated && stated > limits.MaxFileBytes) throw TooLarge(shown, stated);
        var target = Path.GetFullPath(Path.Combine(_root, path));
        if (!target.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new GitHubReportException($"{shown} would be written outside {_root}; refused");
        var content = await git.BlobAsync(repo, entry.Sha, path, limits.MaxFileBytes, cancellationToken).ConfigureAwait(false);
        if (_written + content.Length > limits.MaxTotalBytes)
            throw new GitHubReportException(string.Create(CultureInfo.InvariantCulture, $"Copying {shown} from {repo} would make more than the {limits.MaxTotalBytes:N0} bytes allowed for one package; refused"));
        _written += content.Length;
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await File.WriteAllBytesAsync(target, content, cancellationToken).ConfigureAwait(false);
    }

    private GitHubReportException TooLarge(string shown, long size) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{shown} in {repo} is {size:N0} bytes, more than the {limits.MaxFileBytes:N0} allowed for one file of a package; refused"));
}
