namespace Pipeline.Testing.FakeGitHub.Endpoints;

/// <summary>The JSON objects of GitHub's Git Data, repository, contents and pull request answers, trimmed to what clients read.</summary>
internal static class GitShapes
{
    private static readonly object Signature = new { name = "Universe Promote", email = "promote@example.org", date = "2025-01-01T12:00:00Z" };

    /// <summary>A repository with <c>permissions</c> as the token has them, and <c>parent</c> and <c>source</c> for a fork.</summary>
    public static object Repository(Uri api, FakeRepository repo) => new
    {
        id = 4242,
        node_id = "MDEwOlJlcG9zaXRvcnk0MjQy",
        name = repo.Name,
        full_name = $"{repo.Owner}/{repo.Name}",
        owner = new { login = repo.Owner, id = 1, type = "Organization", url = $"{Root(api)}/users/{repo.Owner}" },
        @private = false,
        html_url = $"{Root(api)}/{repo.Owner}/{repo.Name}",
        url = Repo(api, repo),
        default_branch = repo.DefaultBranch,
        fork = repo.ForkedFrom is not null,
        permissions = new { admin = false, maintain = false, push = repo.Writable, triage = repo.Writable, pull = true },
        parent = repo.ForkedFrom is { } parent ? Repository(api, parent) : null,
        source = repo.ForkedFrom is not null ? Repository(api, repo.Source) : null,
    };

    public static object Branch(Uri api, FakeRepository repo, string name, string sha) => new
    {
        name,
        commit = new { sha, url = $"{Repo(api, repo)}/commits/{sha}" },
        @protected = false,
        protection_url = $"{Repo(api, repo)}/branches/{name}/protection",
    };

    public static object Blob(Uri api, FakeRepository repo, string sha) => new { sha, url = $"{Repo(api, repo)}/git/blobs/{sha}" };

    public static object Tree(Uri api, FakeRepository repo, string sha, IReadOnlyDictionary<string, string> entries) => new
    {
        sha,
        url = $"{Repo(api, repo)}/git/trees/{sha}",
        tree = entries.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => new
        {
            path = e.Key,
            mode = "100644",
            type = "blob",
            sha = e.Value,
            url = $"{Repo(api, repo)}/git/blobs/{e.Value}",
        }).ToArray(),
        truncated = false,
    };

    public static object Listing(Uri api, FakeRepository repo, string sha, IReadOnlyList<FakeTreeEntry> entries) => new
    {
        sha,
        url = $"{Repo(api, repo)}/git/trees/{sha}",
        tree = entries.Select(e => e.Size is { } size
            ? (object)new { path = e.Path, mode = e.Mode, type = e.Type, sha = e.Sha, size, url = $"{Repo(api, repo)}/git/blobs/{e.Sha}" }
            : new { path = e.Path, mode = e.Mode, type = e.Type, sha = e.Sha, url = $"{Repo(api, repo)}/git/trees/{e.Sha}" }).ToArray(),
        truncated = false,
    };

    /// <summary>A blob as <c>GET git/blobs/{sha}</c> answers it: Base64 in lines of 60 characters, as GitHub sends it.</summary>
    public static object BlobContent(Uri api, FakeRepository repo, string sha, byte[] content) => new
    {
        sha,
        node_id = "MDQ6QmxvYjE=",
        size = content.Length,
        url = $"{Repo(api, repo)}/git/blobs/{sha}",
        content = string.Concat(Convert.ToBase64String(content).Chunk(60).Select(line => new string(line) + "\n")),
        encoding = "base64",
    };

    public static object Commit(Uri api, FakeRepository repo, FakeCommit c) => new
    {
        sha = c.Sha,
        node_id = "MDY6Q29tbWl0MQ==",
        url = $"{Repo(api, repo)}/git/commits/{c.Sha}",
        html_url = $"{Root(api)}/{repo.Owner}/{repo.Name}/commit/{c.Sha}",
        author = Signature,
        committer = Signature,
        message = c.Message,
        tree = new { sha = c.TreeSha, url = $"{Repo(api, repo)}/git/trees/{c.TreeSha}" },
        parents = c.Parents.Select(p => new { sha = p, url = $"{Repo(api, repo)}/git/commits/{p}", html_url = $"{Root(api)}/{repo.Owner}/{repo.Name}/commit/{p}" }).ToArray(),
        verification = new { verified = false, reason = "unsigned", signature = (string?)null, payload = (string?)null },
    };

    public static object Reference(Uri api, FakeRepository repo, string name, string sha) => new
    {
        @ref = name,
        node_id = "MDM6UmVmcmVmcy9oZWFkcy9tYWlu",
        url = $"{Repo(api, repo)}/git/{name}",
        @object = new { type = "commit", sha, url = $"{Repo(api, repo)}/git/commits/{sha}" },
    };

    public static object Content(Uri api, FakeRepository repo, string path, string type, string sha, int size, string branch) => new
    {
        type,
        size,
        name = path[(path.LastIndexOf('/') + 1)..],
        path,
        sha,
        url = $"{Repo(api, repo)}/contents/{path}?ref={branch}",
        git_url = $"{Repo(api, repo)}/git/{(type == "dir" ? "trees" : "blobs")}/{sha}",
        html_url = $"{Root(api)}/{repo.Owner}/{repo.Name}/{(type == "dir" ? "tree" : "blob")}/{branch}/{path}",
        download_url = type == "dir" ? null : $"{Root(api)}/{repo.Owner}/{repo.Name}/raw/{branch}/{path}",
    };

    /// <param name="headRepo">The repository the head branch is in: <paramref name="repo"/>, or a fork of it.</param>
    public static object PullRequest(Uri api, FakeRepository repo, FakeOpenedPullRequest p, FakeRepository headRepo) => new
    {
        id = p.Id,
        node_id = "MDExOlB1bGxSZXF1ZXN0MQ==",
        number = p.Number,
        state = p.State,
        title = p.Title,
        body = p.Body,
        url = $"{Repo(api, repo)}/pulls/{p.Number}",
        html_url = $"{Root(api)}/{repo.Owner}/{repo.Name}/pull/{p.Number}",
        user = new { login = "universe-bot", id = 2, type = "Bot" },
        head = new { label = $"{headRepo.Owner}:{p.Head}", @ref = p.Head, sha = headRepo.BranchHead(p.Head) ?? "", user = new { login = headRepo.Owner, id = 1 }, repo = Repository(api, headRepo) },
        @base = new { label = $"{repo.Owner}:{p.Base}", @ref = p.Base, sha = repo.BranchHead(p.Base) ?? "", user = new { login = repo.Owner, id = 1 }, repo = Repository(api, repo) },
        draft = false,
        merged = false,
        created_at = GitHubResults.Timestamp(p.CreatedAt),
        updated_at = GitHubResults.Timestamp(p.UpdatedAt),
    };

    private static string Root(Uri api) => api.ToString().TrimEnd('/');

    private static string Repo(Uri api, FakeRepository repo) => $"{Root(api)}/repos/{repo.Owner}/{repo.Name}";
}
