using System.Text;
using Pipeline.Diagnostics.Reports;
using Pipeline.GitHub;
using Pipeline.GitHub.Retries;
using Pipeline.Testing.FakeGitHub;

namespace Pipeline.Bumping.Tests.GitHub;

/// <summary>
/// A fake GitHub holding the universe <c>acme/universe</c> with kafka revisions 0 and 1 on main,
/// a client for it, and bump plans made by hand (the planner is tested on its own).
/// </summary>
internal sealed class BumpUniverse : IAsyncDisposable
{
    public const string Token = "ghp_bump_token";
    public const string Login = "octo";

    private BumpUniverse(FakeGitHubServer server, RetryOptions? retry)
    {
        Server = server;
        GitHub = GitHubApi.Connect(server.BaseUrl.ToString(), Token, new GitHubRetryPolicy(retry));
        State.SeedBranch("main", new Dictionary<string, string>
        {
            ["universe.yaml"] = "name: acme\n",
            ["universe-baseline.json"] = "{\"entries\":[]}\n",
            ["packages/K/kafka/0/package.json"] = "{\"name\":\"kafka\",\"version\":\"1.1.0\"}",
            ["packages/K/kafka/0/config.json"] = "{\"old\":true}",
            ["packages/K/kafka/1/package.json"] = "{\"name\":\"kafka\",\"version\":\"1.2.0\"}",
            ["packages/K/kafka/1/config.json"] = "{\"type\":\"object\"}",
            ["packages/K/kafka/1/resource.json"] = "{\"assets\":{}}",
            ["packages/Z/zookeeper/0/package.json"] = "{\"name\":\"zookeeper\"}",
        });
    }

    public FakeGitHubServer Server { get; }

    public GitHubApi GitHub { get; }

    public RepositorySlug Universe { get; } = new("acme", "universe");

    public FakeRepository State => Server.Repository(Universe.Owner, Universe.Name);

    public static ValidationReport Passed { get; } = new("universe", 1, 1, []);

    /// <param name="installationToken">True: the token is the workflow's GITHUB_TOKEN, which acts as no user.</param>
    /// <param name="forkNotReadyReads">How many reads of a new fork's branches answer 404 first.</param>
    /// <param name="retry">How calls are retried and forks waited for; a zero <see cref="RetryOptions.ForkReadyDelay"/> waits without sleeping.</param>
    public static async Task<BumpUniverse> StartAsync(bool installationToken = false, int forkNotReadyReads = 0, RetryOptions? retry = null) =>
        new(await FakeGitHubServer.StartAsync(new FakeGitHubOptions { Token = Token, Login = Login, InstallationToken = installationToken, ForkNotReadyReads = forkNotReadyReads }), retry);

    public static BumpPlan Plan(string version = "1.3.0", string resource = "{\"assets\":{\"uris\":{\"kafka\":\"https://example.org/kafka-1.3.0.tgz\"}}}") => new(
        "kafka", "K", 1, "1.2.0", 2, version,
        [
            new BumpedFile("package.json", Encoding.UTF8.GetBytes($"{{\"name\":\"kafka\",\"version\":\"{version}\"}}")),
            new BumpedFile("config.json", Encoding.UTF8.GetBytes("{\"type\":\"object\"}")),
            new BumpedFile("resource.json", Encoding.UTF8.GetBytes(resource)),
        ],
        [$"version 1.2.0 → {version}", "asset kafka now https://example.org/kafka-1.3.0.tgz"],
        [new AssetUpdate("/assets/uris/kafka", "https://example.org/kafka-1.2.0.tgz", "https://example.org/kafka-1.3.0.tgz", new string('a', 64), 1_234_567)])
    {
        SourceRepository = "acme/kafka",
        ReleaseUrl = "https://github.com/acme/kafka/releases/tag/v1.3.0",
    };

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
