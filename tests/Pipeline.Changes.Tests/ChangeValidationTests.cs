using Pipeline.Changes.ChangeSets;
using Pipeline.Changes.Tests.Support;
using Pipeline.Testing.Git;

namespace Pipeline.Changes.Tests;

public sealed class ChangeValidationTests : IDisposable
{
    private readonly Scenario _scenario = new();
    private GitRepository Repo => _scenario.Repository;

    public void Dispose() => _scenario.Dispose();

    private static string[] Diagnostics(ChangeValidationResult result) => [.. result.Report.Diagnostics.Select(Scenario.Format)];

    [Fact]
    public void ATouchedRevisionIsValidatedInFull()
    {
        Repo.Write("packages/F/foo/2/package.json", """
            {
              "packagingVersion": "4.0",
              "name": "foo",
              "version": "1.2.0",
              "maintainer": "team@example.org",
              "description": "A sample package."
            }
            """);

        Diagnostics(_scenario.Validate()).Should().Equal("UNI110 error packages/F/foo/2/package.json:1:1");
    }

    [Fact]
    public void UntouchedPackagesAndRevisionsAreNotReported()
    {
        // Problems already on the base are not this pull request's doing.
        Repo.Write("packages/F/foo/0/package.json", "{ broken").Write("packages/B/bar/0/package.json", "{ broken").Commit("broken base");
        Repo.Checkout("main").Git("merge", "-q", "pr");
        Repo.Checkout("pr");
        Repo.Package("foo", 2, "1.2.0");

        var result = _scenario.Validate();

        result.Report.Diagnostics.Should().BeEmpty();
        result.Report.PackageCount.Should().Be(1, "bar is not read at all");
        result.Report.RevisionCount.Should().Be(3);
    }

    [Fact]
    public void TheLayoutOfATouchedPackageFolderIsChecked()
    {
        Repo.Write("packages/F/foo/notes.txt", "stray").Write("packages/F/foo/02/package.json", GitRepository.PackageJson("foo", "1.2.0"));

        Diagnostics(_scenario.Validate()).Should().Equal(
            "UNI004 error packages/F/foo/02",
            "UNI005 warning packages/F/foo/notes.txt");
    }

    [Fact]
    public void AChangedSettingsFileValidatesTheWholeTree()
    {
        Repo.Write("packages/B/bar/0/package.json", GitRepository.PackageJson("bar", "2.0.0").Replace("team@example.org", "http://example.org")).Commit("base");
        Repo.Checkout("main").Git("merge", "-q", "pr");
        Repo.Checkout("pr");
        Repo.Write("universe.yaml", "policies:\n  httpsOnly: true\n");

        var result = _scenario.Validate();

        result.WholeTree.Should().BeTrue();
        result.Report.PackageCount.Should().Be(2);
        result.OutsidePackages.Should().Equal(new ChangedFile("universe.yaml", ChangeStatus.Added));
    }

    [Fact]
    public void ASummaryListsEveryTouchedPackage()
    {
        Repo.Package("kafka", 0, "1.0.0").Package("kafka", 1, "1.1.0").Package("foo", 2, "1.2.0");
        Repo.Write("packages/B/bar/0/README.md", "# bar\n");

        var result = _scenario.Validate("allow-edit");

        result.Packages.Select(p => p.Description).Should().Equal(
            "changes released revision 0 of `bar`",
            "new revision 2 of `foo`",
            "new package `kafka` (revisions 0, 1)");
        result.Packages.Select(p => p.Kind).Should().Equal(PackageChangeKind.Update, PackageChangeKind.Update, PackageChangeKind.NewPackage);
        Diagnostics(result).Should().Equal("UNI400 warning packages/B/bar/0/README.md");
    }

    [Fact]
    public void RemovingAPackageIsSummarizedAsSuch()
    {
        Repo.Delete("packages/B/bar");

        var result = _scenario.Validate();

        result.Packages.Should().ContainSingle().Which.Description.Should().Be("removes package `bar` (revision 0)");
        result.Packages[0].Kind.Should().Be(PackageChangeKind.Removal);
        Diagnostics(result).Should().Equal("UNI401 error packages/B/bar/0");
    }
}
