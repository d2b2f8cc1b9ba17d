using System.Text.Json;
using Pipeline.Diagnostics.Fingerprints;
using Pipeline.Diagnostics.Paths;
using Pipeline.Diagnostics.Reports.Sarif;
using Pipeline.Diagnostics.Reports;
using Pipeline.Json.Parsing;
using Pipeline.Json.Schema;
using Pipeline.Json;

namespace Pipeline.Diagnostics.Tests.Sarif;

public sealed class SarifReportTests
{
    private static readonly Diagnostic AtLine = RuleCatalog.RequiredField.At("packages/B/beta/1/package.json", 4, 3, "`tags` is required for packaging 3.0");
    private static readonly Diagnostic WholeFile = RuleCatalog.UnknownRevisionFile.At("packages/A/alpha/0/notes #1.txt", "`notes #1.txt` is not a revision file");
    private static readonly Diagnostic LineOnly = RuleCatalog.NonAscii.At("packages/A/alpha/0/config.json", 7, 0, "non-ASCII character at line 7");
    private static readonly Diagnostic NoFile = new("UNI014", Severity.Warning, null, 0, 0, "the packages/ folder holds no package revisions", null);

    private static readonly ValidationReport Report = new("/work/repo", 2, 3, [AtLine, WholeFile, LineOnly, NoFile]);

    private static readonly string RepositoryTop = Path.Combine(Path.GetTempPath(), "sarif-tests", "checkout");

    private static SarifOptions Options(Func<Diagnostic, SarifResultState?>? state = null) => new()
    {
        Paths = RepositoryPaths.Of(Path.Combine(RepositoryTop, "repo"), RepositoryTop, out _),
        ResultState = state,
    };

    private static string Write(ValidationReport report, SarifOptions? options)
    {
        var text = new StringWriter();
        SarifReportWriter.Write(report, text, options);
        return text.ToString();
    }

    [SarifSchemaFact]
    public void EveryShapeOfResultValidatesAgainstTheOasisSchema()
    {
        var loaded = JsonSchema.Load(JsonParser.Parse(File.ReadAllText(SarifSchemaFactAttribute.SchemaPath)).Root!);
        loaded.Schema.Should().NotBeNull(string.Join("; ", loaded.Problems));
        // With and without a repository prefix, and with the baseline's per-result state.
        string[] logs =
        [
            Write(Report, null),
            Write(Report, Options()),
            Write(Report, Options(d => d == AtLine ? new SarifResultState("unchanged", SuppressedExternally: true, "accepted in the baseline") : new SarifResultState("new"))),
            Write(new ValidationReport("/work/repo", 0, 0, []), null),
        ];

        foreach (var log in logs)
        {
            var parsed = JsonParser.Parse(log);
            parsed.Succeeded.Should().BeTrue();
            loaded.Schema!.Validate(parsed.Root!).Select(e => $"{e.InstancePointer}: {e.Message}").Should().BeEmpty();
        }
    }

    [SarifSchemaFact]
    public void ALogMissingWhatTheSchemaRequiresFailsTheSchema()
    {
        // The schema test can fail: a result without its message is refused.
        var loaded = JsonSchema.Load(JsonParser.Parse(File.ReadAllText(SarifSchemaFactAttribute.SchemaPath)).Root!);
        var broken = Write(Report, Options()).Replace("\"message\": {", "\"note\": {");

        loaded.Schema!.Validate(JsonParser.Parse(broken).Root!).Should().NotBeEmpty();
    }

    [Fact]
    public void EveryResultHasARepositoryRelativeLocationARegionAndAFingerprint()
    {
        using var json = JsonDocument.Parse(Write(Report, Options()));
        var run = json.RootElement.GetProperty("runs")[0];
        var results = run.GetProperty("results").EnumerateArray().ToArray();

        results.Should().HaveCount(4);
        var uris = results.Select(r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation")).ToArray();
        uris.Select(u => u.GetProperty("uri").GetString()).Should().Equal(
            "repo/packages/B/beta/1/package.json",
            "repo/packages/A/alpha/0/notes%20%231.txt",
            "repo/packages/A/alpha/0/config.json",
            "repo/universe.yaml");
        uris.Should().AllSatisfy(u => u.GetProperty("uriBaseId").GetString().Should().Be("%SRCROOT%"));
        run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString()
            .Should().Be(new Uri(RepositoryTop + "/").AbsoluteUri).And.StartWith("file:///").And.EndWith("/");

        var regions = results.Select(r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region")).ToArray();
        regions.Select(r => (r.GetProperty("startLine").GetInt32(), r.GetProperty("endLine").GetInt32())).Should().Equal((4, 4), (1, 1), (7, 7), (1, 1));
        regions[0].GetProperty("startColumn").GetInt32().Should().Be(3);
        regions.Skip(1).Should().AllSatisfy(r => r.TryGetProperty("startColumn", out _).Should().BeFalse());

        // The fingerprint is the universe-relative one, the baseline's key, whatever the prefix.
        results[0].GetProperty("partialFingerprints").GetProperty("universeFingerprint/v1").GetString().Should().Be(DiagnosticFingerprint.Of(AtLine));
        results.Should().AllSatisfy(r => r.GetProperty("partialFingerprints").GetProperty("universeFingerprint/v1").GetString().Should().HaveLength(DiagnosticFingerprint.Length));
        results.Should().AllSatisfy(r => r.TryGetProperty("baselineState", out _).Should().BeFalse("no baseline said anything"));
    }

    [Fact]
    public void AFingerprintSurvivesTheFindingMovingDownItsFile()
    {
        var moved = AtLine with { Line = 40 };
        using var before = JsonDocument.Parse(Write(new ValidationReport("/r", 1, 1, [AtLine]), Options()));
        using var after = JsonDocument.Parse(Write(new ValidationReport("/r", 1, 1, [moved]), Options()));

        static string Fingerprint(JsonDocument d) => d.RootElement.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("partialFingerprints").GetProperty("universeFingerprint/v1").GetString()!;
        Fingerprint(after).Should().Be(Fingerprint(before));
    }

    [Fact]
    public void RulesCarryTheirOwnNameDescriptionsHelpAndTags()
    {
        using var json = JsonDocument.Parse(Write(Report, null));
        var rules = json.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToArray();

        rules.Select(r => r.GetProperty("id").GetString()).Should().Equal(RuleCatalog.All.Select(r => r.Code));
        var rule = rules.Single(r => r.GetProperty("id").GetString() == "UNI202");
        rule.GetProperty("name").GetString().Should().Be("InvalidDefault");
        rule.GetProperty("shortDescription").GetProperty("text").GetString().Should().Be(RuleCatalog.InvalidDefault.Title);
        rule.GetProperty("fullDescription").GetProperty("text").GetString().Should().Contain(RuleCatalog.InvalidDefault.Hint);
        rule.GetProperty("help").GetProperty("text").GetString().Should().StartWith(RuleCatalog.InvalidDefault.Hint);
        rule.GetProperty("help").GetProperty("markdown").GetString().Should().Contain("(https://github.com/universe-pipeline/universe-pipeline/blob/main/schema/RULES.md#uni202)");
        rule.GetProperty("properties").GetProperty("tags").EnumerateArray().Select(t => t.GetString()).Should().Contain(["semantics", "error"]);
        rule.GetProperty("defaultConfiguration").GetProperty("level").GetString().Should().Be("error");
        // Placeholders such as <name> are shown, not taken for HTML.
        rules[0].GetProperty("help").GetProperty("markdown").GetString().Should().Contain("&lt;Initial&gt;");
    }

    [Fact]
    public void TheBaselineSeamMarksAcceptedFindingsUnchangedAndSuppressed()
    {
        var options = Options(d => d == AtLine ? new SarifResultState("unchanged", SuppressedExternally: true) : new SarifResultState("new"));
        using var json = JsonDocument.Parse(Write(Report, options));
        var results = json.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToArray();

        results[0].GetProperty("baselineState").GetString().Should().Be("unchanged");
        results[0].GetProperty("suppressions")[0].GetProperty("kind").GetString().Should().Be("external");
        results[1].GetProperty("baselineState").GetString().Should().Be("new");
        results[1].TryGetProperty("suppressions", out _).Should().BeFalse();
    }
}
