using System.Globalization;
using Octokit;
using Pipeline.GitHub.Errors;

namespace Pipeline.GitHub.GitData;

/// <summary>Reading trees and blobs, bounded: a listing or a file larger than asked for is refused, not read on.</summary>
public sealed partial class GitDataApi
{
    /// <summary>
    /// The entries of tree <paramref name="treeSha"/> (all below it when <paramref name="recursive"/>).
    /// Refused when GitHub says it cut the listing, or when it has more than <paramref name="maxEntries"/>.
    /// </summary>
    public async Task<IReadOnlyList<GitTreeEntry>> TreeAsync(RepositorySlug repo, string treeSha, bool recursive, int maxEntries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repo);
        var operation = $"list tree {treeSha} of {repo}";
        var tree = await Retry.RunAsync(operation,
            () => recursive ? Client.Git.Tree.GetRecursive(repo.Owner, repo.Name, treeSha) : Client.Git.Tree.Get(repo.Owner, repo.Name, treeSha),
            cancellationToken).ConfigureAwait(false);
        var items = tree.Tree ?? [];
        if (tree.Truncated)
            throw new GitHubReportException($"GitHub cut its listing of tree {treeSha} of {repo} short (too many entries); refusing to work from part of it");
        if (items.Count > maxEntries)
            throw new GitHubReportException(string.Create(CultureInfo.InvariantCulture, $"Tree {treeSha} of {repo} lists {items.Count:N0} entries, more than the {maxEntries:N0} allowed here; refusing to read it"));
        return items.Select(i => new GitTreeEntry(i.Path ?? "", KindOf(i), i.Sha ?? "", i.Type.StringValue == "blob" ? i.Size : null)).ToArray();
    }

    /// <summary>The bytes of blob <paramref name="sha"/>; refused when it is larger than <paramref name="maxBytes"/>.</summary>
    public async Task<byte[]> BlobAsync(RepositorySlug repo, string sha, string path, long maxBytes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repo);
        var blob = await Retry.RunAsync($"read {path} ({sha}) of {repo}", () => Client.Git.Blob.Get(repo.Owner, repo.Name, sha), cancellationToken).ConfigureAwait(false);
        if (blob.Size > maxBytes) throw TooLarge(repo, path, blob.Size, maxBytes);
        byte[] content;
        try
        {
            content = blob.Encoding.StringValue == "utf-8"
                ? System.Text.Encoding.UTF8.GetBytes(blob.Content ?? "")
                : Convert.FromBase64String(blob.Content ?? "");
        }
        catch (FormatException)
        {
            throw new GitHubReportException($"GitHub answered {path} ({sha}) of {repo} with content that is not Base64");
        }
        // The stated size may lie; the bytes decide.
        if (content.Length > maxBytes) throw TooLarge(repo, path, content.Length, maxBytes);
        return content;
    }

    internal static GitHubReportException TooLarge(RepositorySlug repo, string path, long size, long maxBytes) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{path} of {repo} is {size:N0} bytes, more than the {maxBytes:N0} allowed here; refusing to read it"));

    private static GitEntryKind KindOf(TreeItem item) => (item.Type.StringValue, item.Mode) switch
    {
        ("tree", _) => GitEntryKind.Folder,
        ("blob", "120000") => GitEntryKind.SymbolicLink,
        ("blob", "100644" or "100755") => GitEntryKind.File,
        _ => GitEntryKind.Other,
    };
}
