using Pipeline.Testing.FakeGitHub;
using Pipeline.Testing.Git;
using Pipeline.Testing.Trees;

namespace Pipeline.Action.Tests;

/// <summary>
/// The other commands that go through Octokit (GitHub's API), LibGit2Sharp (a real Git
/// repository) or ASP.NET Core, run from the published, trimmed executable
/// (<see cref="PublishedProgram"/>): trimming that removed what their reflection or native library
/// needs fails here, where in-process tests still pass. <see cref="PublishedProgramTests"/> runs
/// `action` on a pull request.
/// </summary>
[Collection(PublishingCollection.Name)]
public sealed class PublishedCommandTests
{
    private const string Token = "ghs_published_token";

    [Fact]
    public async Task PublishMakesAGitHubRelease()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using var server = await FakeGitHubServer.StartAsync(new FakeGitHubOptions { Token = Token });
        using var repository = new GitRepository();
        repository.Package("hello", 0, "1.0.0");
        repository.Commit("hello 0");
        var output = Path.Combine(repository.Root, "..", $"{Guid.NewGuid():N}-site");

        var (status, log) = await PublishedProgram.RunAsync(
            ["publish", repository.Root, "--output", output, "--repository", "acme/universe"], Variables(server), null, timeout.Token);

        status.Should().Be(0, log);
        server.Repository("acme", "universe").Releases().Should().ContainSingle(log);
    }

    [Fact]
    public async Task PromoteOpensAPullRequest()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using var server = await FakeGitHubServer.StartAsync(new FakeGitHubOptions { Token = Token });
        server.Repository("acme", "universe").SeedBranch("main", new Dictionary<string, string>
        {
            ["packages/K/kafka/0/package.json"] = GitRepository.PackageJson("kafka", "1.0.0"),
        });
        using var trees = new PromotionTrees();
        trees.Staging.Package("kafka", 4, "2.0.0");
        trees.Production.Package("kafka", 0, "1.0.0");

        var (status, log) = await PublishedProgram.RunAsync(
            ["promote", "kafka@2.0.0", "--from", trees.Staging.Root, "--to", ".", "--pull-request"], Variables(server), trees.Production.Root, timeout.Token);

        status.Should().Be(0, log);
        log.Should().Contain("pull request #1 opened");
        server.Repository("acme", "universe").FilesAt("promote/kafka-2.0.0").Should().ContainKey("packages/K/kafka/1/package.json");
    }

    [Fact]
    public async Task ServeAnswersARequest()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        using var repository = new GitRepository();
        repository.Package("hello", 0, "1.0.0");
        using var serve = await PublishedProgram.StartAsync(["serve", repository.Root, "--listen", "127.0.0.1:0"], new Dictionary<string, string>(), null);
        try
        {
            // It names its address once it listens: "serving http://127.0.0.1:PORT/ (…)".
            var line = await serve.StandardOutput.ReadLineAsync(timeout.Token);
            line.Should().StartWith("serving ", await ErrorsAsync(serve, line));
            var url = new Uri(line!.Split(' ')[1]);
            using var http = new HttpClient();

            var index = await http.GetStringAsync(new Uri(url, "index.json"), timeout.Token);

            index.Should().Contain("\"hello\"");
        }
        finally
        {
            serve.Kill(entireProcessTree: true);
        }
    }

    private static async Task<string> ErrorsAsync(System.Diagnostics.Process process, string? line)
    {
        if (line is not null) return line;
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await process.StandardError.ReadToEndAsync(wait.Token);
    }

    private static Dictionary<string, string> Variables(FakeGitHubServer server) => new()
    {
        ["GITHUB_TOKEN"] = Token,
        ["GITHUB_API_URL"] = server.BaseUrl.ToString(),
        ["GITHUB_REPOSITORY"] = "acme/universe",
    };
}
