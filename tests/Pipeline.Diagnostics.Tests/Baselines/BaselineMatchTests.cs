using Pipeline.Diagnostics.Baselines;
using Pipeline.Diagnostics.Fingerprints;
using Pipeline.Diagnostics.Reports;

namespace Pipeline.Diagnostics.Tests.Baselines;

public sealed class BaselineMatchTests
{
    private const string Config = "packages/A/alpha/0/config.json";

    private static Diagnostic Duplicate(int line, string key = "port", string file = Config) =>
        RuleCatalog.DuplicateKey.At(file, line, 5, $"duplicate key `{key}` (first at line {line - 2})");

    [Fact]
    public void IdenticalFindingsInOneFileAreOneEntryWithACount()
    {
        var baseline = Baseline.Of([Duplicate(10), Duplicate(20), Duplicate(30, "host")]);

        baseline.Entries.Should().HaveCount(2);
        baseline.Entries.Select(e => e.Count).Should().BeEquivalentTo([2, 1]);
        baseline.Findings.Should().Be(3);
        baseline.Entries.Should().OnlyContain(e => e.Message!.Contains("line #"), "the message is kept without positions, so it does not churn");
    }

    [Fact]
    public void ACountAcceptsThatManyFindingsAndTheRestAreNew()
    {
        var baseline = Baseline.Of([Duplicate(10), Duplicate(20)]);

        var outcome = BaselineMatch.Apply(baseline, [Duplicate(10), Duplicate(20), Duplicate(40)]);

        outcome.Accepted.Select(d => d.Line).Should().Equal(10, 20);
        outcome.New.Select(d => d.Line).Should().Equal(40);
        outcome.Fixed.Should().BeEmpty();
    }

    [Fact]
    public void AFindingMovedToAnotherLineIsStillAccepted()
    {
        var baseline = Baseline.Of([Duplicate(10)]);

        var outcome = BaselineMatch.Apply(baseline, [Duplicate(57)]);

        outcome.Accepted.Should().ContainSingle().Which.Line.Should().Be(57);
        outcome.New.Should().BeEmpty();
    }

    [Fact]
    public void TheSameFindingInAnotherFileIsNew()
    {
        var baseline = Baseline.Of([Duplicate(10)]);

        var outcome = BaselineMatch.Apply(baseline, [Duplicate(10, file: "packages/A/alpha/1/config.json")]);

        outcome.New.Should().ContainSingle();
        outcome.Fixed.Should().ContainSingle().Which.File.Should().Be(Config);
    }

    [Fact]
    public void EntriesNoLongerFoundAreFixedWithWhatIsLeftOfTheirCount()
    {
        var baseline = Baseline.Of([Duplicate(10), Duplicate(20), Duplicate(30), Duplicate(40, "host")]);

        var outcome = BaselineMatch.Apply(baseline, [Duplicate(10)]);

        outcome.Fixed.Select(e => (e.Message![..20], e.Count)).Should().BeEquivalentTo([("duplicate key `port`", 2), ("duplicate key `host`", 1)]);
    }

    [Fact]
    public void EntriesOfFilesThatWereNotValidatedAreNotFixed()
    {
        var baseline = Baseline.Of([Duplicate(10), Duplicate(10, file: "packages/B/beta/3/config.json")]);

        var outcome = BaselineMatch.Apply(baseline, [], file => file.StartsWith("packages/A/", StringComparison.Ordinal));

        outcome.Fixed.Should().ContainSingle().Which.File.Should().Be(Config);
    }

    [Fact]
    public void FindingsOutsideReleasedRevisionsAreNeverBaselined()
    {
        var findings = new[]
        {
            RuleCatalog.StrayFile.At("packages/A/notes.txt", "stray"),
            RuleCatalog.InvalidRepositorySettings.At("universe.yaml", 2, 1, "unknown setting"),
            RuleCatalog.EmptyFolder.At("packages/A/alpha", "empty"),
        };

        Baseline.Of(findings).Entries.Should().BeEmpty();
    }

    [Fact]
    public void ChangeRuleFindingsAreNeverAccepted()
    {
        var edit = RuleCatalog.ReleasedRevisionModified.At(Config, "`config.json` of released revision 0 of `alpha` is modified");
        var handWritten = new Baseline([new BaselineEntry(edit.Code, Config, DiagnosticFingerprint.Of(edit), 1)]);

        Baseline.Of([edit]).Entries.Should().BeEmpty();
        BaselineMatch.Apply(handWritten, [edit]).New.Should().ContainSingle("a baseline must never let a pull request edit a released revision");
    }

    [Fact]
    public void AReportWithTheBaselineCountsOnlyNewFindings()
    {
        var old = Duplicate(10);
        var fresh = RuleCatalog.RequiredField.At("packages/B/beta/0/package.json", 1, 1, "`tags` is required");
        var report = new ValidationReport("/repo", 2, 2, ValidationReport.Sort([old, fresh]));

        var applied = BaselineMatch.Apply(report, Baseline.Of([old]), []);

        applied.Errors.Should().Be(1);
        applied.Diagnostics.Should().Equal(fresh);
        applied.Accepted.Should().Equal(old);
        applied.Baseline.Should().Be(Baseline.FileName);
    }

    [Fact]
    public void WithoutABaselineTheFileProblemsStillCount()
    {
        var report = new ValidationReport("/repo", 1, 1, [Duplicate(10)]);
        var problem = RuleCatalog.InvalidBaseline.At(Baseline.FileName, 1, 1, "not an object");

        var applied = BaselineMatch.Apply(report, null, [problem]);

        applied.Errors.Should().Be(2);
        applied.Baseline.Should().BeNull();
        applied.Accepted.Should().BeEmpty();
    }

    [Fact]
    public void IntersectKeepsTheSmallerCountAndBeyondIsWhatOneHasMore()
    {
        var two = Baseline.Of([Duplicate(10), Duplicate(20), Duplicate(30, "host")]);
        var one = Baseline.Of([Duplicate(10), Duplicate(30, "other")]);

        two.Intersect(one).Entries.Should().ContainSingle().Which.Count.Should().Be(1);
        two.Beyond(one).Select(e => e.Count).Should().BeEquivalentTo([1, 1]);
        one.Beyond(two).Should().ContainSingle().Which.Message.Should().Contain("`other`");
    }

    [Theory]
    [InlineData("packages/A/alpha/0/config.json", true)]
    [InlineData("packages/A/alpha/12", true)]
    [InlineData("packages/A/alpha/x/config.json", false)]
    [InlineData("packages/A/alpha", false)]
    [InlineData("packages/A/alpha/0/../../beta/0/config.json", false)]
    [InlineData("packages/A/alpha/0//config.json", false)]
    [InlineData("packages\\A\\alpha\\0\\config.json", false)]
    [InlineData("/packages/A/alpha/0/config.json", false)]
    [InlineData("universe.yaml", false)]
    [InlineData("packages/A/alpha/0/a\n::error::forged.json", false)]
    [InlineData("packages/A/alpha/0/\u001b[31mred.json", false)]
    public void ARevisionPathIsPackagesLetterNameNumber(string path, bool inRevision) =>
        Baseline.IsRevisionPath(path).Should().Be(inRevision);
}
