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
        // A rule whose bad input cannot live in Git as a plain file (a link out of any checkout, a
        // 50 MB file, permissions, an empty tree, a name Windows cannot check out, exact bytes,
        // a change against a base branch) names the test class that proves it in the catalog.
        var missing = RuleCatalog.All.Where(r => r.ProvenBy == typeof(RuleCaseTests).FullName && !cases.Contains(r.Code)).Select(r => r.Code);
        missing.Should().BeEmpty("every rule the catalog says this class proves needs a folder under Rules/ with a bad input and its expected diagnostics");
        var provenHere = RuleCatalog.All.Where(r => r.ProvenBy == typeof(RuleCaseTests).FullName).Select(r => r.Code).ToHashSet();
        cases.Where(c => !provenHere.Contains(c)).Should().BeEmpty("a rule with a case folder is proven here, and its catalog entry says so");
    }

    public static string Format(Diagnostic d) =>
        $"{d.Code} {d.Severity.ToString().ToLowerInvariant()} {d.File}{(d.Line > 0 ? $":{d.Line}:{d.Column}" : "")} {d.Message}";
}
