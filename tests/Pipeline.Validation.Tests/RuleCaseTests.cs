using Pipeline.Diagnostics.Paths;
using Pipeline.Diagnostics;
using Pipeline.Packages.Reading;
using Pipeline.Packages;

namespace Pipeline.Validation.Tests;

/// <summary>
/// Tests as data: each folder under Rules/ is named after a rule code and holds a small universe
/// (<c>tree/</c>) with a bad input and <c>expected.txt</c>, the exact diagnostics validate must
/// report, one per line: <c>CODE severity file[:line:column] message</c>. Adding a rule means
/// adding a folder.
/// </summary>
public sealed class RuleCaseTests
{
    /// <summary>Rules whose bad input cannot live in Git as a plain file, and the test that covers each.</summary>
    private static readonly IReadOnlyDictionary<string, string> CoveredElsewhere = new Dictionary<string, string>
    {
        ["UNI007"] = "HostileInputTests.ALinkOutOfTheTreeIsNotFollowed (a link to an absolute path outside any checkout)",
        ["UNI010"] = "HostileInputTests.AFiftyMegabyteFileIsNotRead (50 MB is made at test time)",
        ["UNI013"] = "HostileInputTests.AnUnreadableFileIsReported (permissions are not kept by Git)",
        ["UNI014"] = "HostileInputTests.AnEmptyTreeIsReported (Git keeps no empty folders)",
        ["UNI015"] = "Pipeline.Changes.Tests.UnportablePathTests (such names are made at test time: this repository must check out on Windows)",
        ["UNI100"] = "HostileInputTests.InvalidUtf8IsReportedAtItsByte (kept byte-exact at test time)",
        ["UNI104"] = "HostileInputTests.JsonNestedTenThousandDeepIsReported (made at test time)",
        ["UNI116"] = "Baselines.BaselineFileTests (the baseline is read beside the tree, not by TreeValidator)",
        ["UNI117"] = "FindingLimitTests (5,000 findings are made at test time)",
        ["UNI303"] = "HostileInputTests.ARunawayTemplateIsStopped (made at test time)",
        ["UNI400"] = "Pipeline.Changes.Tests.ChangeRuleTests (change rules need a base and a pull request in a real Git repository)",
        ["UNI401"] = "Pipeline.Changes.Tests.ChangeRuleTests",
        ["UNI402"] = "Pipeline.Changes.Tests.ChangeRuleTests",
        ["UNI403"] = "Pipeline.Changes.Tests.ChangeRuleTests",
        ["UNI404"] = "Pipeline.Changes.Tests.ChangeRuleTests",
        ["UNI405"] = "Pipeline.Changes.Tests.ChangeRuleTests",
        ["UNI406"] = "Pipeline.Changes.Tests.BaselineChangeTests",
    };

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var folder in Directory.GetDirectories(RepositoryPaths.RuleCases).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(folder));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ReportsExactlyTheExpectedDiagnostics(string caseName)
    {
        var folder = Path.Combine(RepositoryPaths.RuleCases, caseName);
        var expected = File.ReadAllLines(Path.Combine(folder, "expected.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .ToArray();

        var tree = PackageTreeReader.Read(Path.Combine(folder, "tree"));
        var report = TreeValidator.Validate(tree);

        report.Diagnostics.Select(Format).Should().BeEquivalentTo(expected);
        // As the CLI reads a tree: contents loaded revision by revision into a reused arena.
        var scanned = PackageTreeReader.Read(Path.Combine(folder, "tree"), new TreeReaderOptions { LoadContent = false });
        TreeValidator.Validate(scanned).Diagnostics.Select(Format).Should().Equal(report.Diagnostics.Select(Format));
        var code = caseName.Split('-')[0];
        report.Diagnostics.Should().Contain(d => d.Code == code, $"the case {caseName} exists to show rule {code}");
    }

    [Fact]
    public void EveryRuleHasACase()
    {
        var cases = Directory.GetDirectories(RepositoryPaths.RuleCases).Select(f => Path.GetFileName(f).Split('-')[0]).ToHashSet();
        var missing = RuleCatalog.All.Select(r => r.Code).Where(c => !cases.Contains(c) && !CoveredElsewhere.ContainsKey(c));
        missing.Should().BeEmpty("every rule needs a folder under Rules/ with a bad input and its expected diagnostics");
    }

    public static string Format(Diagnostic d) =>
        $"{d.Code} {d.Severity.ToString().ToLowerInvariant()} {d.File}{(d.Line > 0 ? $":{d.Line}:{d.Column}" : "")} {d.Message}";
}
