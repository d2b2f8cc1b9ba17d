using System.Text;
using Pipeline.Diagnostics.Reports;
using Pipeline.Diagnostics;
using Pipeline.Packages.Reading;
using Pipeline.Packages;

namespace Pipeline.Validation.Tests;

/// <summary>A file with thousands of findings of one rule makes a report of bounded size: the first 100, then one UNI117 that counts the rest.</summary>
public sealed class FindingLimitTests
{
    [Fact]
    public void TheFirstHundredFindingsOfARuleInAFileAreListedAndTheRestCounted()
    {
        using var tree = new TempTree();
        var revision = tree.Revision();
        var json = new StringBuilder("""{"packagingVersion": "4.0", "name": "sample", "version": "1.0.0", "maintainer": "m@example.org", "description": "d", "tags": ["t"]""");
        for (var i = 0; i < 5_000; i++) json.Append(",\n\"unknown").Append(i).Append("\": 1");
        tree.Write($"{revision}/package.json", json.Append('}').ToString());

        var report = TreeValidator.Validate(PackageTreeReader.Read(tree.Root));

        var file = $"{revision}/package.json";
        report.Diagnostics.Count(d => d.Code == RuleCatalog.UnknownField.Code && d.File == file).Should().Be(FindingLimit.PerFileAndRule);
        var rest = report.Diagnostics.Should().ContainSingle(d => d.Code == RuleCatalog.TooManyFindings.Code).Subject;
        rest.File.Should().Be(file);
        rest.Severity.Should().Be(Severity.Error, "the findings it stands for are errors, so the verdict stays the same");
        rest.Message.Should().Be("4,900 more findings of UNI111 in this file are not listed; the first 100 are");
        report.Errors.Should().Be(101);
    }

    [Fact]
    public void TheRestTakesTheGravestSeverityOfWhatItCounts()
    {
        var findings = Enumerable.Range(1, 5).Select(i => RuleCatalog.NonAscii.At("f", i, 1, "x") with { Severity = i == 5 ? Severity.Error : Severity.Warning });

        var kept = FindingLimit.Apply(findings, limit: 2);

        kept.Should().HaveCount(3);
        kept[^1].Should().BeEquivalentTo(RuleCatalog.TooManyFindings.At("f", "3 more findings of UNI101 in this file are not listed; the first 2 are") with { Severity = Severity.Error });
    }
}
