using Pipeline.Action.Inputs;
using Pipeline.Diagnostics.Runs;

namespace Pipeline.Action.Tests;

/// <summary>The <c>labels</c> input: names GitHub would refuse are an input problem up front, not a failed request later.</summary>
public sealed class LabelInputTests
{
    [Fact]
    public void ALabelNameLongerThanGitHubAllowsIsAnInputProblem()
    {
        var tooLong = new string('x', PullRequestLabelNames.MaxLength + 1);

        var names = PullRequestLabelNames.Parse($"new, {tooLong}, broken", out var problem);

        names.Should().Be(PullRequestLabelNames.Default);
        problem.Should().Contain("input `labels`").And.Contain("longer than the 50 characters");
    }

    [Fact]
    public void ALabelNameOfFiftyCharactersIsKept()
    {
        var fifty = new string('x', PullRequestLabelNames.MaxLength);

        var names = PullRequestLabelNames.Parse($"new, {fifty}, broken", out var problem);

        problem.Should().BeNull();
        names!.Update.Should().Be(fifty);
    }

    [RecordedEventFact]
    public async Task WithALongLabelNameTheDefaultsArePostedAndTheStepSaysWhy()
    {
        var repository = new Pipeline.Testing.Git.GitRepository();
        repository.Package("hello", 0, "1.0.0");
        var baseSha = repository.Commit("hello 0");
        repository.Branch("feature");
        repository.Package("hello", 1, "1.1.0");
        var headSha = repository.Commit("hello 1");
        await using var run = await ActionRun.StartAsync(repository);
        run.PullRequestEvent(3, baseSha, headSha).With("labels", $"new, {new string('u', 51)}, broken");

        (await run.RunAsync()).Should().Be(ExitCodes.Success, run.Log);

        run.Log.Should().Contain("::warning title=Action input::input `labels`").And.NotContain("Could not update the labels");
        run.GitHub.Labels(3).Should().Equal("update");
    }
}
