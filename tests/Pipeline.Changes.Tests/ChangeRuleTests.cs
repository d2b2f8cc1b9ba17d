using Pipeline.Changes.ChangeSets;
using Pipeline.Changes.Tests.Support;
using Pipeline.Diagnostics;
using Pipeline.Testing.Git;

namespace Pipeline.Changes.Tests;

/// <summary>The change rules on real pull requests: a base on main (foo 0–1, bar 0) and a branch.</summary>
public sealed class ChangeRuleTests : IDisposable
{
    private readonly Scenario _scenario = new();
    private GitRepository Repo => _scenario.Repository;

    public void Dispose() => _scenario.Dispose();

    private static string[] Diagnostics(ChangeValidationResult result) => [.. result.Report.Diagnostics.Select(Scenario.Format)];

    [Fact]
    public void ANewPackageIsCleanAndSummarized()
    {
        Repo.Package("kafka", 0, "3.0.0");

        var result = _scenario.Validate();

        result.Report.Diagnostics.Should().BeEmpty();
        result.Packages.Should().ContainSingle().Which.Description.Should().Be("new package `kafka` (revision 0)");
        result.Packages[0].Kind.Should().Be(PackageChangeKind.NewPackage);
        result.Report.PackageCount.Should().Be(1, "only the touched package is read");
    }

    [Fact]
    public void ANewRevisionIsClean()
    {
        Repo.Package("foo", 2, "1.2.0");

        var result = _scenario.Validate();

        result.Report.Diagnostics.Should().BeEmpty();
        result.Packages.Should().ContainSingle().Which.Description.Should().Be("new revision 2 of `foo`");
        result.Packages[0].Kind.Should().Be(PackageChangeKind.Update);
    }

    [Fact]
    public void AGapInRevisionNumbersIsFine()
    {
        Repo.Package("foo", 7, "1.7.0");

        _scenario.Validate().Report.Diagnostics.Should().BeEmpty();
    }

    [Fact]
    public void ModifyingAReleasedRevisionIsAnError()
    {
        Repo.Write("packages/F/foo/1/config.json", """{"type": "object", "properties": {"port": {"type": "integer"}}}""");

        var result = _scenario.Validate();

        Diagnostics(result).Should().Equal("UNI400 error packages/F/foo/1/config.json");
        var diagnostic = result.Report.Diagnostics[0];
        diagnostic.Message.Should().Be("`config.json` of released revision 1 of `foo` is modified");
        diagnostic.Hint.Should().Be("Revert the change and add a new revision folder 2 instead.");
        result.Packages.Single().Description.Should().Be("changes released revision 1 of `foo`");
    }

    [Fact]
    public void TheAllowLabelTurnsTheEditIntoAWarningThatSaysSo()
    {
        Repo.Write("packages/F/foo/1/config.json", """{"type": "object", "properties": {"port": {"type": "integer"}}}""");

        var result = _scenario.Validate("documentation", "Allow-Edit");

        Diagnostics(result).Should().Equal("UNI400 warning packages/F/foo/1/config.json");
        result.Report.Diagnostics[0].Message.Should().EndWith("(allowed by the `Allow-Edit` label)");
        result.AllowedBy.Should().Be("Allow-Edit");
    }

    [Fact]
    public void TheAllowLabelIsTheOneTheRepositorySettingsName()
    {
        Repo.Write("universe.yaml", "policies:\n  allowEditLabel: released-edit\n").Commit("settings");
        Repo.Checkout("main").Git("merge", "-q", "pr");
        Repo.Checkout("pr");
        Repo.Write("packages/F/foo/1/config.json", """{"type": "object", "properties": {"port": {"type": "integer"}}}""");

        Diagnostics(_scenario.Validate("allow-edit")).Should().Equal("UNI400 error packages/F/foo/1/config.json");
    }

    [Fact]
    public void AddingAFileToAReleasedRevisionIsAnEdit()
    {
        Repo.Write("packages/F/foo/0/README.md", "# foo\n");

        var result = _scenario.Validate();

        Diagnostics(result).Should().Equal("UNI400 error packages/F/foo/0/README.md");
        result.Report.Diagnostics[0].Message.Should().Be("`README.md` is added to released revision 0 of `foo`");
    }

    [Fact]
    public void DeletingAReleasedRevisionIsAnError()
    {
        Repo.Delete("packages/F/foo/1");

        var result = _scenario.Validate();

        Diagnostics(result).Should().Equal("UNI401 error packages/F/foo/1");
        result.Report.Diagnostics[0].Message.Should().Be("released revision 1 of `foo` is deleted");
        result.Packages.Single().Description.Should().Be("removes revision 1 of `foo`");
    }

    [Fact]
    public void DeletingAFileOfAReleasedRevisionIsAnError()
    {
        Repo.Delete("packages/F/foo/1/config.json");

        Diagnostics(_scenario.Validate()).Should().Equal("UNI401 error packages/F/foo/1/config.json");
    }

    [Fact]
    public void DeletingWithTheAllowLabelIsAWarning()
    {
        Repo.Delete("packages/F/foo/1");

        Diagnostics(_scenario.Validate("allow-edit")).Should().Equal("UNI401 warning packages/F/foo/1");
    }

    [Fact]
    public void RenamingARevisionFolderIsAnError()
    {
        Repo.Move("packages/F/foo/1", "packages/F/foo/2");

        var result = _scenario.Validate();

        Diagnostics(result).Should().Equal("UNI402 error packages/F/foo/1");
        result.Report.Diagnostics[0].Message.Should().Be("released revision 1 of `foo` is moved to packages/F/foo/2");
        result.Packages.Single().Description.Should().Be("new revision 2 of `foo`; removes revision 1 of `foo`");
    }

    [Fact]
    public void RenamingAFileInAReleasedRevisionIsAnError()
    {
        Repo.Move("packages/F/foo/1/config.json", "packages/F/foo/1/README.md");

        var result = _scenario.Validate();

        Diagnostics(result).Should().Equal("UNI402 error packages/F/foo/1/README.md");
        result.Report.Diagnostics[0].Message.Should().Be("`config.json` of released revision 1 of `foo` is renamed to `README.md`");
    }

    [Fact]
    public void ANewRevisionNumberBelowTheHighestIsAnError()
    {
        Repo.Checkout("main").Package("foo", 5, "1.5.0").Commit("release 5");
        Repo.Checkout("pr").Git("merge", "-q", "main");
        Repo.Package("foo", 3, "1.3.0");

        var result = _scenario.Validate();

        Diagnostics(result).Should().Equal("UNI403 error packages/F/foo/3/package.json");
        result.Report.Diagnostics[0].Message.Should().Be("new revision 3 of `foo` is not above the package's existing revisions (the highest on the base branch is 5)");
        result.Report.Diagnostics[0].Hint.Should().Be("Rename the folder to packages/F/foo/6 (or any higher number: gaps are allowed).");
    }

    [Fact]
    public void AReusedVersionIsAnErrorAtTheVersion()
    {
        Repo.Package("foo", 2, "1.0.0");

        var result = _scenario.Validate();

        Diagnostics(result).Should().Equal(
            "UNI207 warning packages/F/foo/2/package.json:4:14",
            "UNI404 error packages/F/foo/2/package.json:4:14");
        result.Report.Diagnostics[1].Message.Should().Be("version \"1.0.0\" of new revision 2 of `foo` is already released as revision 0");
    }

    [Fact]
    public void ANewRevisionThatNamesThePackageDifferentlyIsARename()
    {
        Repo.Package("foo", 2, "1.2.0", nameInFile: "foolish");

        Diagnostics(_scenario.Validate()).Should().Equal(
            "UNI012 error packages/F/foo/2/package.json:3:11",
            "UNI405 error packages/F/foo/2/package.json:3:11");
    }

    [Fact]
    public void MovingAPackageFolderIsARename()
    {
        Repo.Move("packages/F/foo", "packages/B/bazooka");
        Directory.Delete(Path.Combine(Repo.Root, "packages", "F")); // as in a fresh checkout: Git keeps no empty folders
        Repo.Write("packages/B/bazooka/0/package.json", GitRepository.PackageJson("bazooka", "1.0.0"));
        Repo.Write("packages/B/bazooka/1/package.json", GitRepository.PackageJson("bazooka", "1.1.0"));

        var result = _scenario.Validate("allow-edit");

        Diagnostics(result).Should().Equal("UNI405 error packages/B/bazooka");
        result.Report.Diagnostics[0].Message.Should().Be("package `foo` is renamed to `bazooka`: its released revisions (0, 1) moved from packages/F/foo to packages/B/bazooka");
        var change = result.Packages.Should().ContainSingle().Subject;
        change.Kind.Should().Be(PackageChangeKind.Rename);
        change.Description.Should().Be("renames package `foo` to `bazooka`");
    }

    [Fact]
    public void FilesOutsidePackagesAreListedNotValidated()
    {
        Repo.Write("README.md", "# A universe, documented\n").Write(".github/workflows/ci.yml", "on: push\n");

        var result = _scenario.Validate();

        result.Report.Diagnostics.Should().BeEmpty();
        result.Report.PackageCount.Should().Be(0);
        result.Packages.Should().BeEmpty();
        result.OutsidePackages.Should().Equal(
            new ChangedFile(".github/workflows/ci.yml", ChangeStatus.Added),
            new ChangedFile("README.md", ChangeStatus.Modified));
        result.WholeTree.Should().BeFalse();
    }

    [Fact]
    public void ARevisionReleasedOnTheBaseAfterBranchingCollidesWithTheNewOne()
    {
        Repo.Package("foo", 2, "1.2.0").Commit("pr adds 2");
        Repo.Checkout("main").Package("foo", 2, "1.2.0-other").Commit("main releases 2");
        Repo.Checkout("pr");

        var result = _scenario.Validate();

        Diagnostics(result).Should().Equal("UNI403 error packages/F/foo/2/package.json");
        result.Report.Diagnostics[0].Hint.Should().Contain("move the new revision to folder 3");
    }
}
