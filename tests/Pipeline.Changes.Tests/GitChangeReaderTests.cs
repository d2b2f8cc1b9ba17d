using Pipeline.Changes.Base;
using Pipeline.Changes.ChangeSets;
using Pipeline.Changes.Git;
using Pipeline.Changes.Tests.Support;
using Pipeline.Testing.Git;

namespace Pipeline.Changes.Tests;

public sealed class GitChangeReaderTests : IDisposable
{
    private readonly Scenario _scenario = new();
    private GitRepository Repo => _scenario.Repository;

    public void Dispose() => _scenario.Dispose();

    [Fact]
    public void ChangesOnTheBaseAfterTheForkPointAreNotThePullRequests()
    {
        Repo.Package("foo", 2, "1.2.0").Commit("pr: foo 2");
        Repo.Checkout("main").Package("bar", 1, "2.1.0").Write("README.md", "# moved on\n");
        var movedOn = Repo.Commit("main moves on");
        Repo.Checkout("pr");

        var found = _scenario.Changes();

        found.Changes.Files.Should().Equal(new ChangedFile("packages/F/foo/2/package.json", ChangeStatus.Added));
        found.BaseSha.Should().Be(movedOn);
        found.MergeBaseSha.Should().Be(_scenario.BaseSha);
        found.Changes.Source.Should().Be(ChangeSource.Git);
    }

    [Fact]
    public void TheBaseViewIsTheBaseBranchTipForTheTouchedPackagesOnly()
    {
        Repo.Package("foo", 2, "1.2.0").Commit("pr: foo 2");
        Repo.Checkout("main").Package("foo", 3, "1.3.0").Commit("main: foo 3");
        Repo.Checkout("pr");

        var found = _scenario.Changes();

        var foo = new PackageLocation("F", "foo");
        found.Base.Packages.Should().Equal(foo);
        found.Base.RevisionsOf(foo).Should().BeEquivalentTo(new[]
        {
            new BaseRevision(0, "foo", "1.0.0", ["package.json"]),
            new BaseRevision(1, "foo", "1.1.0", ["config.json", "package.json"]),
            new BaseRevision(3, "foo", "1.3.0", ["package.json"]),
        }, o => o.WithStrictOrdering());
    }

    [Theory]
    [InlineData("main")]
    [InlineData("refs/heads/main")]
    public void TheBaseIsFoundByBranchName(string baseRef)
    {
        Repo.Package("foo", 2, "1.2.0").Commit("pr");

        GitChangeReader.Read(Repo.Root, baseRef).Should().BeOfType<GitChangeResult.Found>();
    }

    [Fact]
    public void TheBaseIsFoundBySha()
    {
        Repo.Package("foo", 2, "1.2.0").Commit("pr");

        GitChangeReader.Read(Repo.Root, _scenario.BaseSha).Should().BeOfType<GitChangeResult.Found>()
            .Which.BaseSha.Should().Be(_scenario.BaseSha);
    }

    [Fact]
    public void TheBaseIsFoundAsARemoteTrackingBranch()
    {
        var head = Repo.Commit("pr");
        using var clone = new GitRepository(Path.Combine(Path.GetTempPath(), "changes-tests", Guid.NewGuid().ToString("N")));
        clone.Git("clone", "-q", "--branch", "pr", $"file://{Repo.Root}", ".");
        clone.Package("foo", 2, "1.2.0");
        clone.Git("-c", "user.email=t@example.org", "-c", "user.name=T", "commit", "-q", "-am", "x", "--allow-empty");
        clone.Git("add", "-A");
        clone.Git("-c", "user.email=t@example.org", "-c", "user.name=T", "commit", "-q", "-m", "foo 2");

        foreach (var baseRef in new[] { "main", "origin/main", "refs/remotes/origin/main" })
        {
            var found = GitChangeReader.Read(clone.Root, baseRef).Should().BeOfType<GitChangeResult.Found>($"`{baseRef}` names origin's main").Subject;
            found.Changes.Files.Should().Equal(new ChangedFile("packages/F/foo/2/package.json", ChangeStatus.Added));
            found.MergeBaseSha.Should().Be(head == _scenario.BaseSha ? _scenario.BaseSha : found.MergeBaseSha);
        }
    }

    [Fact]
    public void AShallowCloneFallsBack()
    {
        Repo.Package("foo", 2, "1.2.0").Commit("pr");
        using var shallow = Repo.ShallowClone("pr");

        var result = GitChangeReader.Read(shallow.Root, "main").Should().BeOfType<GitChangeResult.Unavailable>().Subject;

        result.Reason.Should().Be(GitUnavailableReason.ShallowClone);
        result.Message.Should().Contain("shallow clone").And.Contain("fetch-depth: 0").And.Contain("file list");
    }

    [Fact]
    public void AnUnknownBaseFallsBack()
    {
        Repo.Commit("pr");

        var result = GitChangeReader.Read(Repo.Root, "release-9").Should().BeOfType<GitChangeResult.Unavailable>().Subject;

        result.Reason.Should().Be(GitUnavailableReason.BaseNotFound);
        result.Message.Should().Contain("`release-9`");
    }

    [Fact]
    public void UnrelatedHistoriesFallBack()
    {
        Repo.Commit("pr");
        Repo.Git("checkout", "-q", "--orphan", "other");
        Repo.Write("other.txt", "x");
        Repo.Commit("unrelated");

        GitChangeReader.Read(Repo.Root, "main").Should().BeOfType<GitChangeResult.Unavailable>()
            .Which.Reason.Should().Be(GitUnavailableReason.NoMergeBase);
    }

    [Fact]
    public void AFolderOutsideAnyRepositoryFallsBack()
    {
        var folder = Directory.CreateTempSubdirectory("changes-no-git").FullName;
        try
        {
            GitChangeReader.Read(folder, "main").Should().BeOfType<GitChangeResult.Unavailable>()
                .Which.Reason.Should().Be(GitUnavailableReason.NotARepository);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void PathsAreRelativeToARootBelowTheWorkTree()
    {
        // A Universe checkout keeps its tree in repo/.
        using var repo = new GitRepository();
        repo.Write("repo/packages/F/foo/0/package.json", GitRepository.PackageJson("foo", "1.0.0")).Write("README.md", "x");
        repo.Commit("base");
        repo.Branch("pr").Write("repo/packages/F/foo/1/package.json", GitRepository.PackageJson("foo", "1.1.0")).Write("README.md", "y");
        repo.Commit("pr");

        var found = GitChangeReader.Read(Path.Combine(repo.Root, "repo"), "main").Should().BeOfType<GitChangeResult.Found>().Subject;

        found.Changes.Revisions.Should().Equal(new RevisionLocation("F", "foo", 1));
        found.Changes.OutsidePackages.Select(f => f.Path).Should().Equal("../README.md");
        found.Base.RevisionsOf(new PackageLocation("F", "foo")).Select(r => r.Version).Should().Equal("1.0.0");
    }

    [Fact]
    public void ARenameIsDetected()
    {
        Repo.Move("packages/F/foo/1", "packages/F/foo/2");

        var found = _scenario.Changes();

        found.Changes.Files.Should().Contain(new ChangedFile("packages/F/foo/2/package.json", ChangeStatus.Renamed, "packages/F/foo/1/package.json"));
    }
}
