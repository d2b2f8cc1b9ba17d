using System.Diagnostics;
using System.Globalization;
using Pipeline.Action.Tests.Container;
using Pipeline.Testing.Containers;
using Pipeline.Testing.Git;
using Xunit.Abstractions;

namespace Pipeline.Action.Tests;

/// <summary>
/// The action's real container: the repository's Dockerfile built with podman on local stand-ins
/// for its base images, then run exactly as GitHub runs a docker action's step, against a real Git
/// checkout and the fake GitHub API. It catches what no in-process test can: a Dockerfile that does
/// not build, an image missing what the program loads, paths and permissions inside the container.
/// The first run builds the stand-ins (debootstrap, minutes); later runs reuse them.
/// </summary>
public sealed class ContainerTests(ITestOutputHelper log)
{
    // Bounded but generous: a first run builds the stand-ins (debootstrap, minutes) and the image
    // (a ReadyToRun publish on two cores), possibly while other test projects load the machine or
    // another run holds the cache.
    private static readonly TimeSpan TimeLimit = TimeSpan.FromMinutes(20);

    [ContainerFact]
    public async Task TheContainerReportsOnAPullRequestAsGitHubRunsIt()
    {
        using var time = new CancellationTokenSource(TimeLimit);
        var clock = Stopwatch.StartNew();
        // Held to the end, so no other run rebuilds or prunes the image meanwhile.
        using var cache = await ContainerCache.TakeAsync(time.Token);
        var podman = await ImageReadyAsync(cache, time.Token);
        log.WriteLine($"images ready after {clock.Elapsed.TotalSeconds:0} s");

        var repository = new GitRepository();
        repository.Package("hello", 0, "1.0.0");
        var baseSha = repository.Commit("hello 0");
        repository.Branch("feature");
        repository.Package("hello", 1, "1.0.0"); // the released version again: UNI404
        var headSha = repository.Commit("hello 1");
        // The runner's checkout belongs to its own user, not to the container's root.
        await ContainerProcess.RunCheckedAsync("chown", ["-R", "1001:1001", repository.Root], log, time.Token);
        await using var run = await ActionRun.StartAsync(repository);
        run.PullRequestEvent(5, baseSha, headSha);

        var first = await RunStepAsync(podman, run, time.Token);

        first.ExitCode.Should().Be(1, first.Output);
        var comment = run.GitHub.Comments(5).Should().ContainSingle().Subject;
        comment.Body.Should().Contain("<!-- universe-pipeline:report -->").And.Contain("UNI404");
        var check = run.GitHub.CheckRuns().Should().ContainSingle().Subject;
        check.HeadSha.Should().Be(headSha);
        check.Conclusion.Should().Be("failure");
        var outputs = run.Outputs();
        outputs["valid"].Should().Be("false");
        var errors = int.Parse(outputs["errors"], CultureInfo.InvariantCulture);
        var warnings = int.Parse(outputs["warnings"], CultureInfo.InvariantCulture);
        errors.Should().BeGreaterThan(0);
        check.Annotations.Should().HaveCount(errors + warnings, "every problem is annotated on the check run")
            .And.Contain(a => a.Title != null && a.Title.Contains("UNI404"));
        run.GitHub.Labels(5).Should().Contain("update");
        outputs["changed-packages"].Should().Contain("\"hello\"");
        var report = InWorkspace(outputs["report"], repository);
        File.Exists(report).Should().BeTrue($"the report {outputs["report"]} is written into the workspace");
        File.Exists(Path.ChangeExtension(report, ".sarif")).Should().BeTrue();
        File.ReadAllText(run.SummaryPath).Should().Contain("UNI404");

        // The author fixes the version and pushes; the runner checks the new head out.
        await ContainerProcess.RunCheckedAsync("chown", ["-R", "0:0", repository.Root], log, time.Token);
        repository.Package("hello", 1, "1.1.0");
        var fixedSha = repository.Commit("hello 1: a new version");
        await ContainerProcess.RunCheckedAsync("chown", ["-R", "1001:1001", repository.Root], log, time.Token);
        run.PullRequestEvent(5, baseSha, fixedSha);

        var second = await RunStepAsync(podman, run, time.Token);

        second.ExitCode.Should().Be(0, second.Output);
        var edited = run.GitHub.Comments(5).Should().ContainSingle("a re-run edits the sticky comment").Subject;
        edited.Id.Should().Be(comment.Id);
        edited.Body.Should().NotContain("UNI404");
        run.Server.RequestsTo("PATCH", $"/repos/{ActionRun.Owner}/{ActionRun.Name}/issues/comments/").Should().NotBeEmpty();
        run.GitHub.CheckRuns().Should().HaveCount(2).And.Contain(c => c.HeadSha == fixedSha && c.Conclusion != "failure");
        run.Outputs()["valid"].Should().Be("true");
        log.WriteLine($"done after {clock.Elapsed.TotalSeconds:0} s");
    }

    [ContainerFact]
    public async Task TheImageValidatesTheExamplePackages()
    {
        using var time = new CancellationTokenSource(TimeLimit);
        using var cache = await ContainerCache.TakeAsync(time.Token);
        var podman = await ImageReadyAsync(cache, time.Token);
        var root = ActionImage.RepositoryRoot();

        var result = await podman.RunAsync(
            ["run", "--rm", "-v", $"{Path.Combine(root, "packages")}:/universe/packages:ro", "--workdir", "/universe", ActionImage.Name, "validate", "packages"],
            time.Token);

        result.ExitCode.Should().Be(0, result.Output);
        result.Output.Should().Contain("valid:").And.Contain("0 errors");
    }

    [ContainerFact]
    public async Task TheImageCarriesItsVersionAndLabels()
    {
        using var time = new CancellationTokenSource(TimeLimit);
        using var cache = await ContainerCache.TakeAsync(time.Token);
        var podman = await ImageReadyAsync(cache, time.Token);

        var version = await podman.RunAsync(["run", "--rm", ActionImage.Name, "--version"], time.Token);
        var labels = await podman.RunCheckedAsync(["image", "inspect", "--format", "{{json .Labels}}", ActionImage.Name], time.Token);

        version.ExitCode.Should().Be(0, version.Output);
        var lines = version.Output.Split('\n', StringSplitOptions.TrimEntries);
        lines.Should().Contain($"universe {ActionImage.Version}")
            .And.Contain($"commit {ActionImage.Revision}")
            .And.Contain("flavour container");
        labels.Should().Contain($"\"org.opencontainers.image.version\":\"{ActionImage.Version}\"")
            .And.Contain($"\"org.opencontainers.image.revision\":\"{ActionImage.Revision}\"")
            .And.Contain("\"org.opencontainers.image.licenses\":\"MIT\"");
    }

    private async Task<Podman> ImageReadyAsync(ContainerCache cache, CancellationToken cancellationToken)
    {
        var podman = Podman.Configure(cache, log);
        await new StandInImages(podman, cache, log).EnsureAsync(cancellationToken);
        await ActionImage.BuildAsync(podman, log, cancellationToken);
        return podman;
    }

    // ActionRun keeps the summary, the outputs and the event files in one folder of its own.
    private Task<ContainerProcess.Result> RunStepAsync(Podman podman, ActionRun run, CancellationToken cancellationToken) =>
        ContainerStep.RunAsync(podman, ActionImage.Name, run.Repository.Root, Path.GetDirectoryName(run.SummaryPath)!, run.Variables, log, cancellationToken);

    /// <summary>A path the container wrote (under /github/workspace, or relative to it) as the host sees it.</summary>
    private static string InWorkspace(string path, GitRepository repository) =>
        path.StartsWith(ContainerStep.Workspace + "/", StringComparison.Ordinal)
            ? Path.Combine(repository.Root, path[(ContainerStep.Workspace.Length + 1)..])
            : Path.Combine(repository.Root, path);
}
