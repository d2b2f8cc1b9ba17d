using System.Text.Json;
using Pipeline.Diagnostics.Paths;
using Pipeline.Diagnostics.Reports.Sarif;
using Pipeline.Diagnostics.Reports;

namespace Pipeline.Diagnostics.Tests;

public sealed class ReportWriterTests
{
    private static readonly ValidationReport Report = new("/repo", 2, 3,
    [
        RuleCatalog.UnknownRevisionFile.At("packages/A/alpha/0/notes.txt", "`notes.txt` is not a revision file"),
        RuleCatalog.RequiredField.At("packages/B/beta/1/package.json", 1, 1, "`tags` is required for packaging 3.0"),
        RuleCatalog.InvalidRepositorySettings.At("universe.yaml", 4, 3, "unknown setting `polices`"),
    ]);

    [Fact]
    public void TextGroupsByPackageRepositoryFirstAndEndsWithAVerdict()
    {
        var text = new StringWriter();
        new TextReportWriter(color: false).Write(Report, text);
        var lines = text.ToString().Split(Environment.NewLine);

        lines.Should().ContainInOrder(
            "repository  (1 error, 0 warnings)",
            "  error   UNI115 universe.yaml:4:3",
            "alpha  (0 errors, 1 warning)",
            "  warning UNI006 packages/A/alpha/0/notes.txt",
            "beta  (1 error, 0 warnings)",
            "  error   UNI110 packages/B/beta/1/package.json:1:1",
            "    `tags` is required for packaging 3.0");
        lines.Should().Contain(l => l.StartsWith("  UNI110 error") && l.EndsWith("Required field is missing"));
        lines.Should().Contain("invalid: 3 revisions of 2 packages checked, 2 errors, 1 warning");
    }

    [Fact]
    public void JsonListsEveryDiagnosticWithItsPackage()
    {
        var text = new StringWriter();
        JsonReportWriter.Write(Report, text);
        using var json = JsonDocument.Parse(text.ToString());
        var root = json.RootElement;

        root.GetProperty("valid").GetBoolean().Should().BeFalse();
        root.GetProperty("summary").GetProperty("errors").GetInt32().Should().Be(2);
        var diagnostics = root.GetProperty("diagnostics").EnumerateArray().ToArray();
        diagnostics.Should().HaveCount(3);
        diagnostics[1].GetProperty("code").GetString().Should().Be("UNI110");
        diagnostics[1].GetProperty("package").GetString().Should().Be("beta");
        diagnostics[1].GetProperty("line").GetInt32().Should().Be(1);
        diagnostics[1].GetProperty("hint").GetString().Should().Be(RuleCatalog.RequiredField.Hint);
        diagnostics[1].GetProperty("repositoryFile").GetString().Should().Be("packages/B/beta/1/package.json");
    }

    [Fact]
    public void JsonAddsTheRepositoryPathAndTextShowsPathsFromWhereTheUserIs()
    {
        var paths = RepositoryPaths.FromPrefix("repo/");
        var json = new StringWriter();
        JsonReportWriter.Write(Report, json, paths);
        var text = new StringWriter();
        new TextReportWriter(color: false, paths).Write(Report, text);

        using var document = JsonDocument.Parse(json.ToString());
        var diagnostic = document.RootElement.GetProperty("diagnostics")[1];
        diagnostic.GetProperty("file").GetString().Should().Be("packages/B/beta/1/package.json", "file keeps its meaning: relative to the universe root");
        diagnostic.GetProperty("repositoryFile").GetString().Should().Be("repo/packages/B/beta/1/package.json");
        text.ToString().Should().Contain("  error   UNI110 repo/packages/B/beta/1/package.json:1:1");
    }

    [Fact]
    public void ALargeJsonReportIsWrittenInPiecesAndStaysWhole()
    {
        // Enough diagnostics, with non-ASCII text, to cross the writer's flush size many times.
        var many = Enumerable.Range(0, 3000)
            .Select(i => RuleCatalog.NonAscii.At($"packages/P/pkg-{i}/0/package.json", 2, 5, $"non-ASCII character “é” number {i}"))
            .ToArray();
        var text = new StringWriter();
        JsonReportWriter.Write(new ValidationReport("/repo", 3000, 3000, many), text);

        using var json = JsonDocument.Parse(text.ToString());
        var diagnostics = json.RootElement.GetProperty("diagnostics").EnumerateArray().ToArray();
        diagnostics.Should().HaveCount(3000);
        diagnostics[2999].GetProperty("message").GetString().Should().Be("non-ASCII character “é” number 2999");
    }

    [Fact]
    public void SarifCarriesTheCatalogAndPhysicalLocations()
    {
        var text = new StringWriter();
        SarifReportWriter.Write(Report, text);
        using var json = JsonDocument.Parse(text.ToString());
        var run = json.RootElement.GetProperty("runs")[0];

        json.RootElement.GetProperty("version").GetString().Should().Be("2.1.0");
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToArray();
        rules.Select(r => r.GetProperty("id").GetString()).Should().Equal(RuleCatalog.All.Select(r => r.Code));
        var result = run.GetProperty("results")[1];
        result.GetProperty("ruleId").GetString().Should().Be("UNI110");
        result.GetProperty("level").GetString().Should().Be("error");
        rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString().Should().Be("UNI110");
        var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        location.GetProperty("artifactLocation").GetProperty("uri").GetString().Should().Be("packages/B/beta/1/package.json");
        location.GetProperty("region").GetProperty("startLine").GetInt32().Should().Be(1);
        run.GetProperty("results")[0].GetProperty("locations")[0].GetProperty("physicalLocation")
            .GetProperty("region").GetProperty("startLine").GetInt32().Should().Be(1, "code scanning wants a region, so a whole-file diagnostic is on line 1");
    }

    private static ValidationReport WithBaseline()
    {
        var accepted = RuleCatalog.DuplicateKey.At("packages/A/alpha/0/config.json", 7, 3, "duplicate key `port` (first at line 4)");
        var gone = new Pipeline.Diagnostics.Baselines.BaselineEntry("UNI202", "packages/A/alpha/0/config.json", "0123456789abcdef", 2);
        return Report with { Accepted = [accepted], Fixed = [gone], Baseline = Pipeline.Diagnostics.Baselines.Baseline.FileName };
    }

    [Fact]
    public void TextCountsAcceptedAndFixedFindingsOnALineOfTheirOwn()
    {
        var text = new StringWriter();
        new TextReportWriter(color: false).Write(WithBaseline(), text);
        var lines = text.ToString().Split(Environment.NewLine);

        lines.Should().Contain("1 accepted finding (universe-baseline.json), 2 fixed: run `universe baseline --prune` to drop them");
        lines.Should().NotContain(l => l.Contains("UNI103"), "accepted findings are only counted in text");
        lines.Should().Contain("invalid: 3 revisions of 2 packages checked, 2 errors, 1 warning");
    }

    [Fact]
    public void JsonListsAcceptedAndFixedBesideTheNewFindings()
    {
        var text = new StringWriter();
        JsonReportWriter.Write(WithBaseline(), text);
        using var json = JsonDocument.Parse(text.ToString());
        var root = json.RootElement;

        root.GetProperty("baseline").GetString().Should().Be("universe-baseline.json");
        root.GetProperty("summary").GetProperty("errors").GetInt32().Should().Be(2);
        root.GetProperty("summary").GetProperty("accepted").GetInt32().Should().Be(1);
        root.GetProperty("summary").GetProperty("fixed").GetInt32().Should().Be(2);
        root.GetProperty("accepted")[0].GetProperty("code").GetString().Should().Be("UNI103");
        root.GetProperty("fixed")[0].GetProperty("fingerprint").GetString().Should().Be("0123456789abcdef");
        root.GetProperty("diagnostics").GetArrayLength().Should().Be(3);
    }

    [Fact]
    public void SarifMarksNewAndAcceptedResultsWithABaselineState()
    {
        var text = new StringWriter();
        SarifReportWriter.Write(WithBaseline(), text);
        using var json = JsonDocument.Parse(text.ToString());
        var results = json.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToArray();

        results.Should().HaveCount(4);
        results.Where(r => r.GetProperty("baselineState").GetString() == "new").Should().HaveCount(3);
        var accepted = results.Single(r => r.GetProperty("baselineState").GetString() == "unchanged");
        accepted.GetProperty("ruleId").GetString().Should().Be("UNI103");
        var suppression = accepted.GetProperty("suppressions")[0];
        suppression.GetProperty("kind").GetString().Should().Be("external");
        suppression.GetProperty("justification").GetString().Should().Contain("universe-baseline.json");
        results.Where(r => r.TryGetProperty("suppressions", out _)).Should().ContainSingle();
    }

    [Fact]
    public void WithoutABaselineSarifHasNoBaselineState()
    {
        var text = new StringWriter();
        SarifReportWriter.Write(Report, text);

        text.ToString().Should().NotContain("baselineState");
    }
}
