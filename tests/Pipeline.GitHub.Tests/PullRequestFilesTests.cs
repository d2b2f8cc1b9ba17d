using Pipeline.GitHub.PullRequests;
using Pipeline.Testing.FakeGitHub;

namespace Pipeline.GitHub.Tests;

public sealed class PullRequestFilesTests
{
    [Fact]
    public async Task ListsEveryPageIncludingRenames()
    {
        await using var gh = await TestGitHub.StartAsync();
        var files = Enumerable.Range(0, 230).Select(i => new FakePullRequestFile($"packages/A/a/{i}/config.json", "modified")).ToList();
        files[3] = new FakePullRequestFile("packages/B/b/0/package.json", "added");
        files[150] = new FakePullRequestFile("packages/C/c/1/package.json", "renamed", "packages/C/c/0/package.json");
        files[229] = new FakePullRequestFile("packages/D/d/0/resource.json", "removed");
        gh.State.SetPullRequestFiles(12, files);

        var list = await new PullRequestFiles(gh.Client, gh.Retry).ListAsync(gh.Repo, 12);

        list.Truncated.Should().BeFalse();
        list.Files.Should().HaveCount(230);
        list.Files[3].Should().Be(new PullRequestFile("packages/B/b/0/package.json", PullRequestFileStatus.Added, null));
        list.Files[150].Should().Be(new PullRequestFile("packages/C/c/1/package.json", PullRequestFileStatus.Renamed, "packages/C/c/0/package.json"));
        list.Files[229].Status.Should().Be(PullRequestFileStatus.Removed);
        gh.Server.RequestsTo("GET", "/repos/acme/universe/pulls/12/files").Should().HaveCount(3);
    }

    [Fact]
    public async Task MoreThanGitHubsCapIsReportedAsTruncated()
    {
        await using var gh = await TestGitHub.StartAsync();
        gh.State.SetPullRequestFiles(13, Enumerable.Range(0, 3100).Select(i => new FakePullRequestFile($"f{i}", "added")));

        var list = await new PullRequestFiles(gh.Client, gh.Retry).ListAsync(gh.Repo, 13);

        list.Files.Should().HaveCount(PullRequestFiles.GitHubFileLimit);
        list.Truncated.Should().BeTrue();
    }
}
