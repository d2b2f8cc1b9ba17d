using Pipeline.Changes.Base;
using Pipeline.Changes.ChangeSets;
using Pipeline.Changes.Git;
using Pipeline.Changes.Tests.Support;
using Pipeline.Testing.Git;

namespace Pipeline.Changes.Tests;

/// <summary>
/// A shallow clone: Git cannot tell what changed, so the caller lists the pull request's files
/// from GitHub and the base view is inferred from the head checkout and that list.
/// </summary>
public sealed class FileListFallbackTests : IDisposable
{
    private readonly Scenario _scenario = new();
    private GitRepository Repo => _scenario.Repository;

    public void Dispose() => _scenario.Dispose();

    private ChangeValidationResult ValidateShallow(IEnumerable<ChangedFile> files, params string[] labels)
    {
        Repo.Commit("pull request");
        using var shallow = Repo.ShallowClone("pr");
        GitChangeReader.Read(shallow.Root, "main").Should().BeOfType<GitChangeResult.Unavailable>();
        var changes = ChangeSet.FromFiles(files);
        return ChangeValidation.Validate(shallow.Root, changes, BaseView.Infer(shallow.Root, changes), labels);
    }

    [Fact]
    public void ANewRevisionFromTheFileListIsValidatedAgainstTheInferredBase()
    {
        Repo.Package("foo", 2, "1.1.0");

        var result = ValidateShallow([new("packages/F/foo/2/package.json", ChangeStatus.Added)]);

        result.Report.Diagnostics.Select(Scenario.Format).Should().Equal(
            "UNI207 warning packages/F/foo/2/package.json:4:14",
            "UNI404 error packages/F/foo/2/package.json:4:14");
        result.Packages.Single().Description.Should().Be("new revision 2 of `foo`");
    }

    [Fact]
    public void ADeletedRevisionIsKnownFromTheFileList()
    {
        Repo.Delete("packages/F/foo/1");

        var result = ValidateShallow([
            new("packages/F/foo/1/package.json", ChangeStatus.Deleted),
            new("packages/F/foo/1/config.json", ChangeStatus.Deleted),
        ]);

        result.Report.Diagnostics.Select(Scenario.Format).Should().Equal("UNI401 error packages/F/foo/1");
    }

    [Fact]
    public void ARenamedRevisionFromGitHubIsAMove()
    {
        Repo.Move("packages/F/foo/1", "packages/F/foo/2");

        var result = ValidateShallow([
            new("packages/F/foo/2/package.json", ChangeStatus.Renamed, "packages/F/foo/1/package.json"),
            new("packages/F/foo/2/config.json", ChangeStatus.Renamed, "packages/F/foo/1/config.json"),
        ], "allow-edit");

        result.Report.Diagnostics.Select(Scenario.Format).Should().Equal("UNI402 warning packages/F/foo/1");
    }

    [Fact]
    public void TheInferredBaseKnowsUnchangedVersionsOnly()
    {
        Repo.Write("packages/F/foo/1/package.json", GitRepository.PackageJson("foo", "1.1.1"));
        Repo.Commit("pull request");
        var changes = ChangeSet.FromFiles([new("packages/F/foo/1/package.json", ChangeStatus.Modified)]);

        var inferred = BaseView.Infer(Repo.Root, changes);

        inferred.RevisionsOf(new PackageLocation("F", "foo")).Should().BeEquivalentTo(new[]
        {
            new BaseRevision(0, "foo", "1.0.0", ["package.json"]),
            new BaseRevision(1, null, null, ["config.json", "package.json"]),
        }, o => o.WithStrictOrdering());
        inferred.VersionsComplete.Should().BeFalse();
    }

    [Fact]
    public void OnlyTouchedPackagesAreInferred()
    {
        var changes = ChangeSet.FromFiles([new("packages/F/foo/2/package.json", ChangeStatus.Added), new("README.md", ChangeStatus.Modified)]);

        BaseView.Infer(Repo.Root, changes).Packages.Should().Equal(new PackageLocation("F", "foo"));
    }
}
