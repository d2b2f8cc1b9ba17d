using Pipeline.Testing;
using Pipeline.Testing.Git;

namespace Pipeline.Action.Tests.Release;

/// <summary>
/// release-commit.sh against a real remote (a bare repository): the release commit, the tags it
/// moves, and a re-run that changes nothing.
/// </summary>
public sealed class ReleaseCommitTests : IDisposable
{
    private const string Fork = "Acme-Corp/Universe.Fork";
    private readonly GitRepository checkout = new();
    private readonly GitRepository remote;

    public ReleaseCommitTests()
    {
        var bare = Path.Combine(Path.GetTempPath(), "pipeline-git-tests", Guid.NewGuid().ToString("N"));
        checkout.Git("init", "-q", "--bare", bare);
        remote = new GitRepository(bare);
        checkout.Write("action.yml", File.ReadAllText(Path.Combine(RepositoryFolders.Root, "action.yml")));
        checkout.Write(".github/workflows/universe.yml", File.ReadAllText(Path.Combine(RepositoryFolders.Root, ".github", "workflows", "universe.yml")));
    }

    [Fact]
    public async Task TheTagsMoveOntoAStampedChildOfTheTaggedCommitAndAReRunChangesNothing()
    {
        var tagged = Tag("v1.2.0");

        var result = await ReleaseAsync("1.2.0", "1.2 1");

        result.ExitCode.Should().Be(0, result.ToString());
        var release = Remote("v1.2.0");
        release.Should().NotBe(tagged);
        Remote("v1.2").Should().Be(release);
        Remote("v1").Should().Be(release);
        remote.Git("rev-parse", $"{release}^").Trim().Should().Be(tagged);
        remote.Git("diff", "--name-only", tagged, release).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Should().BeEquivalentTo("action.yml", ".github/workflows/universe.yml");
        remote.Git("show", $"{release}:action.yml").Should().Contain("  image: docker://ghcr.io/acme-corp/universe.fork:1.2.0\n");

        checkout.Git("checkout", "-q", "--detach", tagged);
        var rerun = await ReleaseAsync("1.2.0", "1.2 1");

        rerun.ExitCode.Should().Be(0, rerun.ToString());
        Remote("v1.2.0").Should().Be(release, "the release commit is made again, identical");
    }

    [Fact]
    public async Task APreReleaseMovesOnlyItsOwnTag()
    {
        Tag("v1.2.0");
        (await ReleaseAsync("1.2.0", "1.2 1")).ExitCode.Should().Be(0);
        var stable = Remote("v1");
        checkout.Checkout("main");
        checkout.Write("README.md", "next");
        Tag("v1.3.0-rc.1");

        var result = await ReleaseAsync("1.3.0-rc.1", "");

        result.ExitCode.Should().Be(0, result.ToString());
        remote.Git("show", $"{Remote("v1.3.0-rc.1")}:action.yml").Should().Contain("universe.fork:1.3.0-rc.1");
        Remote("v1").Should().Be(stable);
        remote.Git("tag", "--list", "v1.3").Should().BeEmpty();
    }

    [Fact]
    public async Task AChangedCheckoutIsRefused()
    {
        Tag("v1.2.0");
        checkout.Write("action.yml", "changed");

        var result = await ReleaseAsync("1.2.0", "1.2 1");

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("uncommitted changes");
        remote.Git("tag", "--list").Should().BeEmpty();
    }

    /// <summary>Commits, tags and checks out the tag detached, as the workflow's checkout of a pushed tag does.</summary>
    private string Tag(string tag)
    {
        var sha = checkout.Commit(tag);
        checkout.Git("tag", tag);
        checkout.Git("checkout", "-q", "--detach", tag);
        return sha;
    }

    private Task<ReleaseScript.Result> ReleaseAsync(string version, string aliases) =>
        ReleaseScript.RunAsync("release-commit.sh", [Fork, version, aliases, remote.Root], checkout.Root);

    private string Remote(string tag) => remote.Git("rev-parse", $"{tag}^{{commit}}").Trim();

    public void Dispose()
    {
        checkout.Dispose();
        remote.Dispose();
    }
}
