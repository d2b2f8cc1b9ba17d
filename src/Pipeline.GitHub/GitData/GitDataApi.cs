using System.Globalization;
using Octokit;
using Pipeline.GitHub.Errors;
using Pipeline.GitHub.Retries;

namespace Pipeline.GitHub.GitData;

/// <summary>
/// Branches, commits and trees of a repository through GitHub's Git Data API, for changes made
/// without a checkout. Each call is retried by the policy; a failure leaves as a
/// <see cref="GitHubReportException"/> naming what was being done.
/// </summary>
public sealed partial class GitDataApi : GitHubConcern
{
    internal GitDataApi(IGitHubClient client, GitHubRetryPolicy retry)
        : base(client, retry)
    {
    }

    public async Task<string> DefaultBranchAsync(RepositorySlug repo, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repo);
        var repository = await Retry.RunAsync($"read repository {repo}", () => Client.Repository.Get(repo.Owner, repo.Name), cancellationToken).ConfigureAwait(false);
        return repository.DefaultBranch;
    }

    /// <summary>The commit the branch points at.</summary>
    public async Task<string> BranchHeadAsync(RepositorySlug repo, string branch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repo);
        var found = await Retry.RunAsync($"read branch {branch} of {repo}", () => Client.Repository.Branch.Get(repo.Owner, repo.Name, branch), cancellationToken).ConfigureAwait(false);
        return found.Commit.Sha;
    }

    /// <summary>
    /// The branch's commit by the branch's exact name (the branches API: git/refs/{ref} would
    /// answer a list of every reference the name is a prefix of), or null when there is none.
    /// </summary>
    public async Task<string?> FindBranchHeadAsync(RepositorySlug repo, string branch, CancellationToken cancellationToken = default)
    {
        try
        {
            return await BranchHeadAsync(repo, branch, cancellationToken).ConfigureAwait(false);
        }
        catch (GitHubReportException e) when (e.StatusCode == 404)
        {
            return null;
        }
    }

    public async Task<CommitTree> CommitAsync(RepositorySlug repo, string sha, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repo);
        var commit = await Retry.RunAsync($"read commit {sha} of {repo}", () => Client.Git.Commit.Get(repo.Owner, repo.Name, sha), cancellationToken).ConfigureAwait(false);
        return new CommitTree(commit.Sha, commit.Tree.Sha, commit.Parents.Select(p => p.Sha).ToArray());
    }

    /// <summary>The names of the folders in <paramref name="path"/> at <paramref name="reference"/>; null when the path does not exist there.</summary>
    public async Task<IReadOnlyList<string>?> FoldersAsync(RepositorySlug repo, string path, string reference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repo);
        IReadOnlyList<RepositoryContent> entries;
        try
        {
            entries = await Retry.RunAsync($"list {path} on {repo}",
                () => Client.Repository.Content.GetAllContentsByRef(repo.Owner, repo.Name, path, reference), cancellationToken).ConfigureAwait(false);
        }
        catch (GitHubReportException e) when (e.StatusCode == 404)
        {
            return null;
        }
        return entries.Where(e => e.Type.Value == ContentType.Dir).Select(e => e.Name).ToArray();
    }

    /// <summary>
    /// The folders in <paramref name="path"/> at <paramref name="reference"/> named by a number at
    /// least <paramref name="from"/> (revision folders already taken); empty when the path does not exist.
    /// </summary>
    public async Task<IReadOnlyList<string>> NumberedFoldersFromAsync(RepositorySlug repo, string path, string reference, int from, CancellationToken cancellationToken = default)
    {
        var folders = await FoldersAsync(repo, path, reference, cancellationToken).ConfigureAwait(false) ?? [];
        return folders.Where(n => int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= from).ToArray();
    }

    /// <summary>Uploads each file as a blob and makes a tree of them on top of <paramref name="baseTree"/>; returns the new tree's sha.</summary>
    public async Task<string> CreateTreeAsync(RepositorySlug repo, string baseTree, IReadOnlyList<TreeFile> files, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repo);
        ArgumentNullException.ThrowIfNull(files);
        var tree = new NewTree { BaseTree = baseTree };
        foreach (var file in files)
        {
            var blob = await Retry.RunAsync($"upload {file.Name} to {repo}",
                () => Client.Git.Blob.Create(repo.Owner, repo.Name, new NewBlob { Content = Convert.ToBase64String(file.Content.Span), Encoding = EncodingType.Base64 }),
                cancellationToken).ConfigureAwait(false);
            tree.Tree.Add(new NewTreeItem { Path = file.Path, Mode = "100644", Type = TreeType.Blob, Sha = blob.Sha });
        }
        var created = await Retry.RunAsync($"create a tree on {repo}", () => Client.Git.Tree.Create(repo.Owner, repo.Name, tree), cancellationToken).ConfigureAwait(false);
        return created.Sha;
    }

    /// <summary>Makes a commit of <paramref name="treeSha"/> with one parent; returns its sha.</summary>
    public async Task<string> CreateCommitAsync(RepositorySlug repo, string message, string treeSha, string parentSha, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repo);
        var commit = await Retry.RunAsync($"create a commit on {repo}",
            () => Client.Git.Commit.Create(repo.Owner, repo.Name, new NewCommit(message, treeSha, parentSha)), cancellationToken).ConfigureAwait(false);
        return commit.Sha;
    }

    public Task CreateBranchAsync(RepositorySlug repo, string branch, string sha, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repo);
        return Retry.RunAsync($"create branch {branch} on {repo}",
            () => Client.Git.Reference.Create(repo.Owner, repo.Name, new NewReference($"refs/heads/{branch}", sha)), cancellationToken);
    }

    /// <summary>Points the branch at <paramref name="sha"/>, forced: whatever it held is dropped.</summary>
    public Task MoveBranchAsync(RepositorySlug repo, string branch, string sha, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repo);
        return Retry.RunAsync($"move branch {branch} on {repo}",
            () => Client.Git.Reference.Update(repo.Owner, repo.Name, $"heads/{branch}", new ReferenceUpdate(sha, force: true)), cancellationToken);
    }
}
