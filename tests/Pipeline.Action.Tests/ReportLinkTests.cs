using Pipeline.Diagnostics.Runs;
using Pipeline.Testing.Git;

namespace Pipeline.Action.Tests;

/// <summary>
/// A pull request can commit links where the action writes its report (the workspace, when the
/// container cannot reach RUNNER_TEMP): the report is never written through them. Real links in
/// a real checkout.
/// </summary>
public sealed class ReportLinkTests : IDisposable
{
    private readonly string _outside = Path.Combine(Path.GetTempPath(), "action-link-targets", Guid.NewGuid().ToString("N"));

    public ReportLinkTests() => Directory.CreateDirectory(_outside);

    private static (GitRepository Repository, string Base, string Head) PullRequest(Action<GitRepository> addLinks)
    {
        var repository = new GitRepository();
        repository.Write("packages/H/hello/0/package.json", GitRepository.PackageJson("hello", "1.0.0"));
        var baseSha = repository.Commit("hello 0");
        repository.Branch("feature");
        repository.Write("packages/W/world/0/package.json", GitRepository.PackageJson("world", "0.1.0"));
        addLinks(repository);
        var headSha = repository.Commit("world 0, and links");
        return (repository, baseSha, headSha);
    }

    private static ActionRun InTheWorkspace(ActionRun run, string baseSha, string headSha, string? report = null) =>
        run.PullRequestEvent(7, baseSha, headSha).With("mode", "validate").With("token", null).With("report", report)
            .Set("RUNNER_TEMP", Path.Combine(run.RunnerTemp, "not-mounted"));

    [Fact]
    public async Task AReportFileCommittedAsALinkIsReplacedNotWrittenThrough()
    {
        var victim = Path.Combine(_outside, "victim.txt");
        File.WriteAllText(victim, "keep me");
        var (repository, baseSha, headSha) = PullRequest(r =>
        {
            File.CreateSymbolicLink(Path.Combine(r.Root, "universe-report.json"), victim);
            File.CreateSymbolicLink(Path.Combine(r.Root, "universe-report.sarif"), victim);
        });
        await using var run = await ActionRun.StartAsync(repository);

        (await InTheWorkspace(run, baseSha, headSha).RunAsync()).Should().Be(ExitCodes.Success, run.Log);

        File.ReadAllText(victim).Should().Be("keep me");
        foreach (var name in new[] { "universe-report.json", "universe-report.sarif" })
        {
            var written = new FileInfo(Path.Combine(repository.Root, name));
            written.LinkTarget.Should().BeNull($"{name} is a new file where the link was");
            File.ReadAllText(written.FullName).Should().StartWith("{");
        }
    }

    [Fact]
    public async Task AReportFolderCommittedAsALinkIsRefused()
    {
        var (repository, baseSha, headSha) = PullRequest(r => Directory.CreateSymbolicLink(Path.Combine(r.Root, "out"), _outside));
        await using var run = await ActionRun.StartAsync(repository);

        (await InTheWorkspace(run, baseSha, headSha, report: "out/universe-report.json").RunAsync()).Should().Be(ExitCodes.Failure);

        Directory.GetFileSystemEntries(_outside).Should().BeEmpty();
        run.Log.Should().Contain("::error title=Report file::`out` is a symbolic link in the checkout").And.NotContain("   at ");
    }

    [Fact]
    public void StepFilesAreNotWrittenThroughALink()
    {
        var victim = Path.Combine(_outside, "victim.txt");
        File.WriteAllText(victim, "keep me");
        var summary = Path.Combine(_outside, "summary.md");
        var outputs = Path.Combine(_outside, "output.txt");
        File.CreateSymbolicLink(summary, victim);
        File.CreateSymbolicLink(outputs, victim);

        FluentActions.Invoking(() => Pipeline.Action.Reports.StepFiles.AppendSummary(summary, "# hi", null))
            .Should().Throw<IOException>().WithMessage("*is a symbolic link*");
        FluentActions.Invoking(() => Pipeline.Action.Reports.StepFiles.WriteOutputs(outputs, [("valid", "true")]))
            .Should().Throw<IOException>().WithMessage("*is a symbolic link*");
        File.ReadAllText(victim).Should().Be("keep me");
    }

    public void Dispose()
    {
        try { Directory.Delete(_outside, recursive: true); } catch (IOException) { }
    }
}
