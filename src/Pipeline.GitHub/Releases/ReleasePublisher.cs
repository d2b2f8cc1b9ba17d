using Octokit;
using Pipeline.GitHub.Errors;
using Pipeline.GitHub.Retries;

namespace Pipeline.GitHub.Releases;

/// <summary>
/// Publishes a release idempotently: a re-run never duplicates, and a failed run leaves a draft
/// (not a half-filled public release) that the next run completes.
/// </summary>
public sealed class ReleasePublisher : GitHubConcern
{
    internal ReleasePublisher(IGitHubClient client, GitHubRetryPolicy retry)
        : base(client, retry)
    {
    }

    public async Task<LatestRelease?> GetLatestAsync(RepositorySlug repo, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repo);
        try
        {
            var latest = await Retry.RunAsync($"read the latest release of {repo}",
                () => Client.Repository.Release.GetLatest(repo.Owner, repo.Name), cancellationToken).ConfigureAwait(false);
            return new LatestRelease(latest.Id, latest.TagName, latest.Name, latest.Body, latest.HtmlUrl);
        }
        catch (GitHubReportException error) when (error.StatusCode == 404)
        {
            return null;
        }
    }

    public async Task<ReleaseOutcome> PublishAsync(RepositorySlug repo, ReleaseRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repo);
        ArgumentNullException.ThrowIfNull(request);

        var published = await FindPublishedAsync(repo, request.Tag, cancellationToken).ConfigureAwait(false);
        if (published is not null)
        {
            var sync = await SyncAssetsAsync(repo, published, request.Assets, cancellationToken).ConfigureAwait(false);
            var action = sync.Uploaded.Count == 0 ? ReleaseAction.Unchanged : ReleaseAction.RepairedPublished;
            return new ReleaseOutcome(action, published.Id, published.HtmlUrl, sync.Uploaded, sync.Replaced);
        }

        var draft = await FindDraftAsync(repo, request.Tag, cancellationToken).ConfigureAwait(false);
        var wasDraft = draft is not null;
        draft ??= await Retry.RunAsync($"create draft release {request.Tag} on {repo}", () => Client.Repository.Release.Create(repo.Owner, repo.Name,
            new NewRelease(request.Tag)
            {
                Name = request.Name,
                Body = request.Body,
                Draft = true,
                TargetCommitish = request.TargetCommitish,
            }), cancellationToken).ConfigureAwait(false);

        var result = await SyncAssetsAsync(repo, draft, request.Assets, cancellationToken).ConfigureAwait(false);

        // Publishing last is what makes a failed run harmless: users never see a release without its files.
        var final = await Retry.RunAsync($"publish release {request.Tag} on {repo}", () => Client.Repository.Release.Edit(repo.Owner, repo.Name, draft.Id,
            new ReleaseUpdate { Draft = false, Name = request.Name, Body = request.Body, TagName = request.Tag }), cancellationToken).ConfigureAwait(false);
        return new ReleaseOutcome(wasDraft ? ReleaseAction.CompletedDraft : ReleaseAction.Created, final.Id, final.HtmlUrl, result.Uploaded, result.Replaced);
    }

    private async Task<Release?> FindPublishedAsync(RepositorySlug repo, string tag, CancellationToken cancellationToken)
    {
        try
        {
            return await Retry.RunAsync($"read release {tag} of {repo}",
                () => Client.Repository.Release.Get(repo.Owner, repo.Name, tag), cancellationToken).ConfigureAwait(false);
        }
        catch (GitHubReportException error) when (error.StatusCode == 404)
        {
            return null;
        }
    }

    /// <summary>Drafts cannot be looked up by tag on GitHub, so list them; the newest one wins.</summary>
    private async Task<Release?> FindDraftAsync(RepositorySlug repo, string tag, CancellationToken cancellationToken)
    {
        var all = await Retry.RunAsync($"list releases of {repo}",
            () => Client.Repository.Release.GetAll(repo.Owner, repo.Name, new ApiOptions { PageSize = 100 }), cancellationToken).ConfigureAwait(false);
        return all.Where(r => r.Draft && r.TagName == tag).OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).FirstOrDefault();
    }

    /// <summary>Uploads what the release lacks; replaces assets of the wrong size or left half-uploaded.</summary>
    private async Task<(List<string> Uploaded, List<string> Replaced)> SyncAssetsAsync(
        RepositorySlug repo, Release release, IReadOnlyList<ReleaseFile> files, CancellationToken cancellationToken)
    {
        var existing = await ListAssetsAsync(repo, release.Id, cancellationToken).ConfigureAwait(false);
        var uploaded = new List<string>();
        var replaced = new List<string>();
        foreach (var file in files)
        {
            var present = existing.FirstOrDefault(a => a.Name == file.Name);
            if (present is not null && present.State == "uploaded" && present.Size == file.Size) continue;
            if (present is not null)
            {
                await DeleteAssetAsync(repo, present, cancellationToken).ConfigureAwait(false);
                replaced.Add(file.Name);
            }
            if (await UploadAsync(repo, release, file, cancellationToken).ConfigureAwait(false) && present is null) replaced.Add(file.Name);
            uploaded.Add(file.Name);
        }
        return (uploaded, replaced);
    }

    /// <returns>True when an asset of the same name had to be deleted first (GitHub said already_exists).</returns>
    private async Task<bool> UploadAsync(RepositorySlug repo, Release release, ReleaseFile file, CancellationToken cancellationToken)
    {
        try
        {
            await SendAsync(repo, release, file, cancellationToken).ConfigureAwait(false);
            return false;
        }
        catch (GitHubReportException error) when (error.StatusCode == 422 && error.HasValidationError("already_exists"))
        {
            // Another run, or a retried upload whose answer was lost, got there first: replace it once.
            var assets = await ListAssetsAsync(repo, release.Id, cancellationToken).ConfigureAwait(false);
            foreach (var stale in assets.Where(a => a.Name == file.Name))
                await DeleteAssetAsync(repo, stale, cancellationToken).ConfigureAwait(false);
            await SendAsync(repo, release, file, cancellationToken).ConfigureAwait(false);
            return true;
        }
    }

    private Task<ReleaseAsset> SendAsync(RepositorySlug repo, Release release, ReleaseFile file, CancellationToken cancellationToken) =>
        Retry.RunAsync($"upload {file.Name} to release {release.TagName} of {repo}", async () =>
        {
            await using var content = file.OpenRead();
            return await Client.Repository.Release.UploadAsset(release, new ReleaseAssetUpload(file.Name, file.ContentType, content, null), cancellationToken)
                .ConfigureAwait(false);
        }, cancellationToken);

    private Task<IReadOnlyList<ReleaseAsset>> ListAssetsAsync(RepositorySlug repo, long releaseId, CancellationToken cancellationToken) =>
        Retry.RunAsync($"list assets of release {releaseId} of {repo}",
            () => Client.Repository.Release.GetAllAssets(repo.Owner, repo.Name, releaseId, new ApiOptions { PageSize = 100 }), cancellationToken);

    private Task DeleteAssetAsync(RepositorySlug repo, ReleaseAsset asset, CancellationToken cancellationToken) =>
        Retry.RunAsync($"delete asset {asset.Name} of {repo}",
            () => Client.Repository.Release.DeleteAsset(repo.Owner, repo.Name, asset.Id), cancellationToken);
}
