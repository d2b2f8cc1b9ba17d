using Pipeline.Changes.ChangeSets;
using Pipeline.Diagnostics.Paths;
using Pipeline.GitHub.PullRequests;

namespace Pipeline.Action.Tests;

public sealed class PullRequestFileChangesTests
{
    [Theory]
    [InlineData(PullRequestFileStatus.Added, ChangeStatus.Added)]
    [InlineData(PullRequestFileStatus.Copied, ChangeStatus.Added)]
    [InlineData(PullRequestFileStatus.Removed, ChangeStatus.Deleted)]
    [InlineData(PullRequestFileStatus.Modified, ChangeStatus.Modified)]
    [InlineData(PullRequestFileStatus.Changed, ChangeStatus.Modified)]
    [InlineData(PullRequestFileStatus.Unchanged, ChangeStatus.Modified)]
    [InlineData(PullRequestFileStatus.Renamed, ChangeStatus.Renamed)]
    public void EachGitHubStatusIsAChangeKind(PullRequestFileStatus status, ChangeStatus expected) =>
        PullRequestFileChanges.KindOf(status).Should().Be(expected);

    [Fact]
    public void RepositoryPathsBecomeUniversePaths()
    {
        var paths = RepositoryPaths.FromPrefix("repo");
        var file = new PullRequestFile("repo/packages/K/kafka/1/package.json", PullRequestFileStatus.Renamed, "repo/packages/K/kafka/0/package.json");

        PullRequestFileChanges.ToChange(file, paths).Should().Be(
            new ChangedFile("packages/K/kafka/1/package.json", ChangeStatus.Renamed, "packages/K/kafka/0/package.json"));
    }
}
