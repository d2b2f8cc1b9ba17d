using Pipeline.GitHub.Labels;

namespace Pipeline.GitHub.Tests;

public sealed class PullRequestLabelsTests
{
    [Fact]
    public async Task ApplyingTwiceChangesNothingTheSecondTime()
    {
        await using var gh = await TestGitHub.StartAsync();
        gh.State.AddLabels(5, ["needs fixes", "area/site"]);
        var labels = new PullRequestLabels(gh.Client, gh.Retry);

        var first = await labels.ApplyAsync(gh.Repo, 5, ["new package"], ["needs fixes", "update"]);
        var second = await labels.ApplyAsync(gh.Repo, 5, ["new package"], ["needs fixes", "update"]);

        first.Added.Should().Equal("new package");
        first.Removed.Should().Equal("needs fixes");
        second.Added.Should().BeEmpty();
        second.Removed.Should().BeEmpty();
        gh.State.Labels(5).Should().BeEquivalentTo("area/site", "new package");
        gh.Server.RequestsTo("POST", "/repos/acme/universe/issues/5/labels").Should().HaveCount(1);
        gh.Server.RequestsTo("DELETE", "/repos/acme/universe/issues/5/labels").Should().HaveCount(1);
    }

    [Fact]
    public async Task LabelNamesCompareWithoutCase()
    {
        await using var gh = await TestGitHub.StartAsync();
        gh.State.AddLabels(6, ["New Package"]);

        var change = await new PullRequestLabels(gh.Client, gh.Retry).ApplyAsync(gh.Repo, 6, ["new package"], []);

        change.Added.Should().BeEmpty();
        gh.State.Labels(6).Should().Equal("New Package");
    }

    [Theory]
    [InlineData("area/site")]
    [InlineData("why?")]
    [InlineData("issue #1")]
    [InlineData("100% done")]
    [InlineData("50%2Fwide")]
    public async Task ALabelWithAPathOrQueryCharacterIsRemovedByItsOwnName(string name)
    {
        await using var gh = await TestGitHub.StartAsync();
        gh.State.AddLabels(7, [name, "kept"]);

        var change = await new PullRequestLabels(gh.Client, gh.Retry).ApplyAsync(gh.Repo, 7, [], [name]);

        change.Removed.Should().Equal(name);
        gh.State.Labels(7).Should().Equal("kept");
    }
}
