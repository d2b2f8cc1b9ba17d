using Pipeline.Diagnostics.Runs;
using Pipeline.Testing.Git;

namespace Pipeline.Action.Tests;

public sealed class PublishModeTests
{
    [Fact]
    public async Task WithoutATokenTheActionSaysAsANoticeThatNoReleaseIsMade()
    {
        var repository = new GitRepository().Package("hello", 0, "1.0.0");
        var sha = repository.Commit("hello 0");
        await using var run = await ActionRun.StartAsync(repository);
        run.With("mode", "publish").With("token", null).Set("GITHUB_SHA", sha).Set("GITHUB_EVENT_NAME", "push")
            .With("output", Path.Combine(run.RunnerTemp, "site"));

        var status = await run.RunAsync();

        status.Should().Be(ExitCodes.Success, run.Log);
        run.Log.Should().Contain("::notice title=Release::no token or repository, so no GitHub release is made\n");
        run.Outputs()["release-tag"].Should().BeEmpty();
    }
}
