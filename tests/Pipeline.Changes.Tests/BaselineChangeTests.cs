using Pipeline.Changes.Base;
using Pipeline.Changes.ChangeSets;
using Pipeline.Changes.Tests.Support;
using Pipeline.Diagnostics.Baselines;
using Pipeline.Diagnostics;
using Pipeline.Packages.Reading;
using Pipeline.Packages;
using Pipeline.Testing.Git;
using Pipeline.Validation.Baselines;
using Pipeline.Validation;

namespace Pipeline.Changes.Tests;

/// <summary>
/// Pull requests in a universe whose released revisions carry defects that main's
/// universe-baseline.json accepts (a duplicate key in foo 1 and in bar 0).
/// </summary>
public sealed class BaselineChangeTests : IDisposable
{
    private const string Defect = """{"type": "object", "properties": {"port": {"type": "integer"}, "port": {"type": "string"}}}""";

    private readonly Scenario _scenario = new();

    public BaselineChangeTests()
    {
        Repo.Write("packages/F/foo/1/config.json", Defect).Write("packages/B/bar/0/config.json", Defect);
        WriteBaseline();
        Repo.Commit("released defects, accepted");
        Repo.Checkout("main").Git("merge", "-q", "pr");
        Repo.Checkout("pr");
    }

    private GitRepository Repo => _scenario.Repository;

    public void Dispose() => _scenario.Dispose();

    /// <summary>What `universe baseline` writes for the working tree as it is.</summary>
    private Baseline WriteBaseline(Func<Baseline, Baseline>? edit = null)
    {
        var baseline = Baseline.Of(TreeValidator.Validate(PackageTreeReader.Read(Repo.Root)).Diagnostics);
        if (edit is not null) baseline = edit(baseline);
        Repo.Write(Baseline.FileName, BaselineFile.Write(baseline));
        return baseline;
    }

    private static string[] Diagnostics(ChangeValidationResult result) => [.. result.Report.Diagnostics.Select(Scenario.Format)];

    [Fact]
    public void ANewRevisionOfAPackageWithBaselinedErrorsPasses()
    {
        Repo.Package("foo", 2, "1.2.0");

        var result = _scenario.Validate();

        Diagnostics(result).Should().BeEmpty();
        result.Report.Baseline.Should().Be(Baseline.FileName);
    }

    [Fact]
    public void ANewErrorFails()
    {
        Repo.Package("foo", 2, "1.2.0").Write("packages/F/foo/2/config.json", Defect);

        Diagnostics(_scenario.Validate()).Should().Equal("UNI103 error packages/F/foo/2/config.json:1:64");
    }

    [Fact]
    public void EditingAReleasedRevisionStillFailsAndItsOldFindingIsAccepted()
    {
        Repo.Write("packages/F/foo/1/config.json", Defect + "\n");

        var result = _scenario.Validate();

        Diagnostics(result).Should().Equal("UNI400 error packages/F/foo/1/config.json");
        result.Report.Accepted.Select(Scenario.Format).Should().Equal("UNI103 error packages/F/foo/1/config.json:1:64");
    }

    [Fact]
    public void AddingAnEntryWithoutTheLabelIsAnErrorAtItsLine()
    {
        Repo.Package("foo", 2, "1.2.0").Write("packages/F/foo/2/config.json", Defect);
        WriteBaseline();

        var result = _scenario.Validate();

        Diagnostics(result).Should().Equal(
            "UNI103 error packages/F/foo/2/config.json:1:64",
            "UNI406 error universe-baseline.json:18:5");
        result.Report.Diagnostics[1].Message.Should().Be("the pull request adds a finding of UNI103 in packages/F/foo/2/config.json to the baseline");
        result.Report.Diagnostics[1].Hint.Should().Contain("allow label");
    }

    [Fact]
    public void WithTheAllowLabelTheEntryIsAllowedAndApplies()
    {
        Repo.Package("foo", 2, "1.2.0").Write("packages/F/foo/2/config.json", Defect);
        WriteBaseline();

        var result = _scenario.Validate("allow-edit");

        Diagnostics(result).Should().Equal("UNI406 warning universe-baseline.json:18:5");
        result.Report.Diagnostics[0].Message.Should().EndWith("(allowed by the `allow-edit` label)");
        result.Report.Accepted.Select(Scenario.Format).Should().Equal("UNI103 error packages/F/foo/2/config.json:1:64");
        result.Report.Errors.Should().Be(0);
    }

    [Fact]
    public void RaisingACountIsAnAddition()
    {
        WriteBaseline(b => new Baseline(b.Entries.Select(e => e.File.Contains("/bar/", StringComparison.Ordinal) ? e with { Count = 3 } : e)));

        var result = _scenario.Validate();

        Diagnostics(result).Should().Equal("UNI406 error universe-baseline.json:4:5");
        result.Report.Diagnostics[0].Message.Should().Be("the pull request raises the count of UNI103 in packages/B/bar/0/config.json in the baseline from 1 to 3");
    }

    [Fact]
    public void RemovingAStaleEntryIsFineAndDoesNotValidateTheWholeTree()
    {
        // main accepts a finding that is no longer there (a rule changed); the pull request prunes it.
        var stale = new BaselineEntry("UNI202", "packages/B/bar/0/config.json", "0123456789abcdef", 1);
        Repo.Checkout("main");
        WriteBaseline(b => new Baseline([.. b.Entries, stale]));
        Repo.Commit("a stale entry");
        Repo.Checkout("pr").Git("merge", "-q", "main");
        WriteBaseline();

        var result = _scenario.Validate();

        Diagnostics(result).Should().BeEmpty();
        result.WholeTree.Should().BeFalse();
        result.Report.PackageCount.Should().Be(1, "only bar, whose entry the pull request drops, is read");
    }

    [Fact]
    public void RemovingAnEntryWhoseFindingIsStillThereFailsHereNotAtTheNextPublication()
    {
        WriteBaseline(b => new Baseline(b.Entries.Where(e => !e.File.Contains("/bar/", StringComparison.Ordinal))));

        var result = _scenario.Validate();

        Diagnostics(result).Should().Equal("UNI103 error packages/B/bar/0/config.json:1:64");
    }

    [Fact]
    public void AnUnreadableHeadBaselineIsReportedAndTheBasesStillApplies()
    {
        Repo.Write(Baseline.FileName, "{ \"formatVersion\": \"1\", \"entries\": [ ");
        Repo.Package("foo", 2, "1.2.0");

        var result = _scenario.Validate();

        Diagnostics(result).Should().ContainSingle().Which.Should().StartWith("UNI116 error universe-baseline.json:1:");
    }

    [Fact]
    public void InAShallowCloneAnUnchangedBaselineIsTheBases()
    {
        Repo.Package("foo", 2, "1.2.0");
        Repo.Commit("pull request");
        using var shallow = Repo.ShallowClone("pr");
        var changes = ChangeSet.FromFiles([new("packages/F/foo/2/package.json", ChangeStatus.Added)]);

        var result = ChangeValidation.Validate(shallow.Root, changes, BaseView.Infer(shallow.Root, changes), []);

        Diagnostics(result).Should().BeEmpty();
        result.Report.Baseline.Should().Be(Baseline.FileName);
    }

    [Theory]
    [InlineData(false, "UNI406 error universe-baseline.json")]
    [InlineData(true, "UNI406 warning universe-baseline.json")]
    public void InAShallowCloneAChangedBaselineNeedsTheLabel(bool labelled, string expected)
    {
        Repo.Package("foo", 2, "1.2.0").Write("packages/F/foo/2/config.json", Defect);
        WriteBaseline();
        Repo.Commit("pull request");
        using var shallow = Repo.ShallowClone("pr");
        var changes = ChangeSet.FromFiles([
            new("packages/F/foo/2/package.json", ChangeStatus.Added),
            new("packages/F/foo/2/config.json", ChangeStatus.Added),
            new(Baseline.FileName, ChangeStatus.Modified),
        ]);

        var result = ChangeValidation.Validate(shallow.Root, changes, BaseView.Infer(shallow.Root, changes), labelled ? ["allow-edit"] : []);

        Diagnostics(result).Should().Contain(expected);
        result.Report.Diagnostics.Should().Contain(d => d.Code == "UNI406" && d.Message.Contains("shallow clone"));
        (result.Report.Errors > 0).Should().Be(!labelled, "without the label the new finding counts too; with it, the head's baseline accepts it");
    }

    [Fact]
    public void InAShallowCloneAFileNamedLikeTheBaselineInsideAPackageIsNotTheBaseline()
    {
        Repo.Package("foo", 2, "1.2.0").Write($"packages/F/foo/2/{Baseline.FileName}", "{}");
        Repo.Commit("pull request");
        using var shallow = Repo.ShallowClone("pr");
        var changes = ChangeSet.FromFiles([
            new("packages/F/foo/2/package.json", ChangeStatus.Added),
            new($"packages/F/foo/2/{Baseline.FileName}", ChangeStatus.Added),
        ]);

        var result = ChangeValidation.Validate(shallow.Root, changes, BaseView.Infer(shallow.Root, changes), []);

        result.Report.Diagnostics.Should().NotContain(d => d.Code == "UNI406");
        result.Report.Baseline.Should().Be(Baseline.FileName);
    }
}
