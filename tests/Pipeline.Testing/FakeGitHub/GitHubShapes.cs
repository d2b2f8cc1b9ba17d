namespace Pipeline.Testing.FakeGitHub;

/// <summary>The JSON objects GitHub answers with, trimmed to the fields clients read.</summary>
internal static class GitHubShapes
{
    public static object User(Uri api, string login) => new
    {
        login,
        id = 1000,
        node_id = "MDA6RW50aXR5MQ==",
        type = login.EndsWith("[bot]", StringComparison.Ordinal) ? "Bot" : "User",
        site_admin = false,
        url = $"{Root(api)}/users/{login}",
        html_url = $"{Root(api)}/{login}",
    };

    public static object Comment(Uri api, FakeRepository repo, FakeIssueComment c) => new
    {
        id = c.Id,
        node_id = "MDEyOklzc3VlQ29tbWVudDE=",
        url = $"{Repo(api, repo)}/issues/comments/{c.Id}",
        html_url = $"{Root(api)}/{repo.Owner}/{repo.Name}/issues/{c.IssueNumber}#issuecomment-{c.Id}",
        issue_url = $"{Repo(api, repo)}/issues/{c.IssueNumber}",
        body = c.Body,
        user = User(api, c.User),
        created_at = GitHubResults.Timestamp(c.CreatedAt),
        updated_at = GitHubResults.Timestamp(c.UpdatedAt),
        author_association = "MEMBER",
    };

    public static object Label(Uri api, FakeRepository repo, string name) => new
    {
        id = (long)(uint)StringComparer.OrdinalIgnoreCase.GetHashCode(name),
        node_id = "MDU6TGFiZWwx",
        url = $"{Repo(api, repo)}/labels/{Uri.EscapeDataString(name)}",
        name,
        color = "ededed",
        @default = false,
        description = (string?)null,
    };

    public static object CheckRun(Uri api, FakeRepository repo, FakeCheckRun r) => new
    {
        id = r.Id,
        head_sha = r.HeadSha,
        node_id = "MDg6Q2hlY2tSdW4x",
        external_id = "",
        url = $"{Repo(api, repo)}/check-runs/{r.Id}",
        html_url = $"{Root(api)}/{repo.Owner}/{repo.Name}/runs/{r.Id}",
        details_url = $"{Root(api)}/{repo.Owner}/{repo.Name}/runs/{r.Id}",
        status = r.Status,
        conclusion = r.Conclusion,
        name = r.Name,
        output = new
        {
            title = r.Title,
            summary = r.Summary,
            text = (string?)null,
            annotations_count = r.Annotations.Count,
            annotations_url = $"{Repo(api, repo)}/check-runs/{r.Id}/annotations",
        },
        pull_requests = Array.Empty<object>(),
    };

    public static object PullRequestFile(Uri api, FakeRepository repo, FakePullRequestFile f) => new
    {
        sha = "0000000000000000000000000000000000000001",
        filename = f.Filename,
        status = f.Status,
        additions = f.Status == "removed" ? 0 : 1,
        deletions = f.Status == "added" ? 0 : 1,
        changes = f.Status is "added" or "removed" ? 1 : 2,
        blob_url = $"{Root(api)}/{repo.Owner}/{repo.Name}/blob/main/{f.Filename}",
        raw_url = $"{Root(api)}/{repo.Owner}/{repo.Name}/raw/main/{f.Filename}",
        contents_url = $"{Repo(api, repo)}/contents/{f.Filename}?ref=main",
        previous_filename = f.PreviousFilename,
    };

    public static object Release(Uri api, FakeRepository repo, FakeRelease r, IReadOnlyList<FakeReleaseAsset> assets) => new
    {
        url = $"{Repo(api, repo)}/releases/{r.Id}",
        assets_url = $"{Repo(api, repo)}/releases/{r.Id}/assets",
        // The same URI template GitHub sends; the fake takes uploads on its own host.
        upload_url = $"{Repo(api, repo)}/releases/{r.Id}/assets{{?name,label}}",
        html_url = $"{Root(api)}/{repo.Owner}/{repo.Name}/releases/tag/{r.TagName}",
        id = r.Id,
        author = User(api, "octocat"),
        node_id = "MDc6UmVsZWFzZTE=",
        tag_name = r.TagName,
        target_commitish = r.TargetCommitish,
        name = r.Name,
        draft = r.Draft,
        prerelease = r.Prerelease,
        created_at = GitHubResults.Timestamp(r.CreatedAt),
        published_at = r.PublishedAt is { } p ? GitHubResults.Timestamp(p) : null,
        assets = assets.Select(a => Asset(api, repo, r, a)).ToArray(),
        tarball_url = $"{Repo(api, repo)}/tarball/{r.TagName}",
        zipball_url = $"{Repo(api, repo)}/zipball/{r.TagName}",
        body = r.Body,
    };

    public static object Asset(Uri api, FakeRepository repo, FakeRelease release, FakeReleaseAsset a) => new
    {
        url = $"{Repo(api, repo)}/releases/assets/{a.Id}",
        id = a.Id,
        node_id = "MDEyOlJlbGVhc2VBc3NldDE=",
        name = a.Name,
        label = a.Label,
        uploader = User(api, "octocat"),
        content_type = a.ContentType,
        state = "uploaded",
        size = a.Size,
        download_count = 0,
        created_at = GitHubResults.Timestamp(a.CreatedAt),
        updated_at = GitHubResults.Timestamp(a.CreatedAt),
        browser_download_url = DownloadUrl(api, repo, release, a),
    };

    // GitHub's download URLs live on the web host, named by tag; drafts have no public URL,
    // so the fake names them by release id to keep every asset fetchable in tests.
    public static string DownloadUrl(Uri api, FakeRepository repo, FakeRelease release, FakeReleaseAsset a) =>
        $"{Root(api)}/{repo.Owner}/{repo.Name}/releases/download/{(release.Draft ? $"untagged-{release.Id}" : release.TagName)}/{Uri.EscapeDataString(a.Name)}";

    private static string Root(Uri api) => api.ToString().TrimEnd('/');

    private static string Repo(Uri api, FakeRepository repo) => $"{Root(api)}/repos/{repo.Owner}/{repo.Name}";
}
