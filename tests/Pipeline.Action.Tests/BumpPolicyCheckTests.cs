using Pipeline.Changes.Bumps;
using Pipeline.Diagnostics.Runs;
using Pipeline.Testing.Git;

namespace Pipeline.Action.Tests;

/// <summary>A bump pull request through the action against the fake GitHub: its event's author and body decide, under the base's policies.bump.</summary>
public sealed class BumpPolicyCheckTests
{
    /// <summary>main with hello 0 and a policy letting acme/hello's release bot bump it; the feature branch adds hello 1.</summary>
    private static (GitRepository Repository, string Base, string Head) BumpOfHello()
    {
        var repository = new GitRepository();
        repository.Package("hello", 0, "1.0.0").Write("universe.yaml", """
            policies:
              bump:
                - packages: [hello]
                  repositories: [acme/hello]
                  authors: [acme-release-bot]
            """);
        var baseSha = repository.Commit("hello 0, bump policy");
        repository.Branch("feature");
        repository.Package("hello", 1, "1.1.0");
        return (repository, baseSha, repository.Commit("bump hello to 1.1.0"));
    }

    private static readonly string Body = $"Bumps hello to 1.1.0.\n\n{new BumpMetadata("hello", "1.1.0", "acme/hello", "https://github.com/acme/hello/releases/tag/v1.1.0").ToLine()}\n";

    [RecordedEventFact]
    public async Task ABumpByAnAuthorThePolicyDoesNotListFailsWithUNI412InTheComment()
    {
        var (repository, baseSha, headSha) = BumpOfHello();
        await using var run = await ActionRun.StartAsync(repository);
        run.PullRequestEventBy("mallory", Body, 9, baseSha, headSha);

        var status = await run.RunAsync();

        status.Should().Be(ExitCodes.ContentErrors);
        var comment = run.GitHub.Comments(9).Should().ContainSingle().Subject;
        comment.Body.Should().Contain("UNI412").And.Contain("packages/H/hello/1/package.json")
            .And.Contain("only in pull requests by acme-release-bot, and this one is by mallory")
            .And.Contain("refused");
        run.GitHub.CheckRuns().Should().ContainSingle().Which.Annotations
            .Should().Contain(a => a.Path == "packages/H/hello/1/package.json" && a.Level == "failure" && a.Title != null && a.Title.Contains("UNI412"));
    }

    [RecordedEventFact]
    public async Task TheSameBumpByTheListedAuthorPassesAndTheCommentSaysItWasAllowed()
    {
        var (repository, baseSha, headSha) = BumpOfHello();
        await using var run = await ActionRun.StartAsync(repository);
        run.PullRequestEventBy("acme-release-bot", Body, 9, baseSha, headSha);

        var status = await run.RunAsync();

        status.Should().Be(ExitCodes.Success);
        run.GitHub.Comments(9).Should().ContainSingle().Which.Body.Should().NotContain("UNI412")
            .And.Contain("Bump of `hello` 1.1.0 from acme/hello by acme-release-bot: allowed — policies.bump allows acme/hello");
    }

    [RecordedEventFact]
    public async Task WhenTheChangesCannotBeReadTheReportSaysTheBumpWasNotChecked()
    {
        var (origin, baseSha, headSha) = BumpOfHello();
        using var keep = origin;
        await using var run = await ActionRun.StartAsync(origin.ShallowClone("feature"));
        run.PullRequestEventBy("mallory", Body, 9, baseSha, headSha).With("token", null);

        await run.RunAsync();

        var report = Reports.ActionReport.Parse(File.ReadAllText(run.Outputs()["report"]), out _)!;
        report.Scope.Should().Be("whole-tree");
        report.Notes.Should().Contain(n => n.Contains("policies.bump was not checked"));
    }
}
