using Pipeline.Testing.Git;

namespace Pipeline.Cli.Tests;

/// <summary>
/// <c>validate --base REF</c>: the pull-request check on a contributor's working tree — what it
/// changes since the merge base with REF, committed or not, under the change rules.
/// </summary>
public sealed class ValidateBaseTests : IDisposable
{
    private readonly GitRepository _repo = new();

    public ValidateBaseTests()
    {
        _repo.Package("hello", 0, "1.0.0").Package("hello", 1, "1.1.0").Commit("Two revisions");
        _repo.Branch("topic");
    }

    public void Dispose() => _repo.Dispose();

    [Fact]
    public async Task AnUncommittedNewRevisionIsJudgedByTheChangeRules()
    {
        _repo.Package("hello", 2, "1.1.0"); // not committed: the version of revision 1 again

        var run = await CliRun.OfAsync("validate", _repo.Root, "--base", "main");

        run.ExitCode.Should().Be(1, run.Out + run.Error);
        run.Out.Should().Contain("UNI404").And.Contain("packages/H/hello/2/package.json");
        run.Error.Should().Contain("compared with main").And.Contain("new revision 2 of `hello`");
    }

    [Fact]
    public async Task ACommittedChangeToAReleasedRevisionIsAnError()
    {
        _repo.Write("packages/H/hello/1/package.json", GitRepository.PackageJson("hello", "1.1.1")).Commit("Edit a released revision");

        var run = await CliRun.OfAsync("validate", _repo.Root, "--base", "main");

        run.ExitCode.Should().Be(1, run.Out + run.Error);
        run.Out.Should().Contain("UNI400");
    }

    [Fact]
    public async Task FindingsOfUntouchedPackagesAreNotTheChangesDoing()
    {
        // A broken package on the base that the working tree does not touch.
        _repo.Checkout("main").Write("packages/B/broken/0/package.json", "{").Commit("Broken on main");
        _repo.Checkout("topic");
        _repo.Git("merge", "-q", "--no-edit", "main");
        _repo.Package("hello", 2, "1.2.0");

        var whole = await CliRun.OfAsync("validate", _repo.Root);
        var changed = await CliRun.OfAsync("validate", _repo.Root, "--base", "main");

        whole.ExitCode.Should().Be(1, "the whole tree has the broken package");
        changed.ExitCode.Should().Be(0, changed.Out + changed.Error);
        changed.Error.Should().Contain("new revision 2 of `hello`");
    }

    [Fact]
    public async Task NothingChangedIsClean()
    {
        var run = await CliRun.OfAsync("validate", _repo.Root, "--base", "main");

        run.ExitCode.Should().Be(0, run.Out + run.Error);
        run.Error.Should().Contain("0 changed files");
    }

    [Fact]
    public async Task AnUnknownBaseIsAUsageFailureThatSaysWhy()
    {
        var run = await CliRun.OfAsync("validate", _repo.Root, "--base", "no-such-branch");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("cannot compare with no-such-branch").And.Contain("neither a branch");
    }

    [Fact]
    public async Task OutsideGitItSaysSo()
    {
        var folder = Path.Combine(Path.GetTempPath(), "pipeline-nogit-tests", Guid.NewGuid().ToString("N"));
        var plain = new GitRepository(folder);
        try
        {
            plain.Package("hello", 0, "1.0.0");

            var run = await CliRun.OfAsync("validate", folder, "--base", "main");

            run.ExitCode.Should().Be(2);
            run.Error.Should().Contain("not in a Git repository");
        }
        finally
        {
            plain.Dispose();
        }
    }

    [Fact]
    public async Task TheBaselineSwitchCannotBeCombined()
    {
        var run = await CliRun.OfAsync("validate", _repo.Root, "--base", "main", "--no-baseline");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("--no-baseline cannot be used with --base");
    }
}
