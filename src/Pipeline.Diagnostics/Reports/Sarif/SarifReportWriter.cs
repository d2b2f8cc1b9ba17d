using System.Text.Json;
using Pipeline.Diagnostics.Fingerprints;
using Pipeline.Diagnostics.Paths;

namespace Pipeline.Diagnostics.Reports.Sarif;

/// <summary>
/// SARIF 2.1.0, the format GitHub code scanning and editors read, written so that code scanning
/// takes it as is: one run, the full rule catalog as the driver's rules, one result per
/// diagnostic with a repository-relative location and region, and a partial fingerprint that
/// survives line moves.
/// </summary>
public static class SarifReportWriter
{
    public const string SchemaUri = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

    /// <summary>The base every result's uri is relative to: the repository root.</summary>
    public const string UriBaseId = "%SRCROOT%";

    /// <summary>The partial fingerprint's key; the version changes if <see cref="DiagnosticFingerprint"/> ever does.</summary>
    public const string FingerprintKey = "universeFingerprint/v1";

    /// <summary>
    /// Where a diagnostic without a file is placed: code scanning rejects a whole log when one
    /// result has no location, and repository-wide findings concern the universe's settings.
    /// </summary>
    public const string RepositoryWideFile = "universe.yaml";

    public static void Write(ValidationReport report, TextWriter output, SarifOptions? options = null)
    {
        options ??= new SarifOptions();
        var rules = RuleCatalog.All;
        var index = rules.Select((r, i) => (r.Code, i)).ToDictionary(p => p.Code, p => p.i);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", SchemaUri);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", "universe");
            json.WriteString("semanticVersion", typeof(SarifReportWriter).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
            json.WriteString("informationUri", InformationUri);
            json.WriteStartArray("rules");
            foreach (var rule in rules) SarifRules.Write(json, rule);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
            WriteBase(json, options.Paths);
            json.WriteStartArray("results");
            // Accepted findings (a baseline's) follow the new ones, marked as such.
            foreach (var (d, accepted) in report.Diagnostics.Select(d => (d, false)).Concat(report.Accepted.Select(d => (d, true))))
            {
                WriteResult(json, d, index.TryGetValue(d.Code, out var i) ? i : null, options, BaselineState(report.Baseline, accepted));
                // Passed on in pieces, as the JSON report is: a large tree has tens of thousands of results.
                if (buffer.Length > 64 * 1024)
                {
                    json.Flush();
                    Drain(buffer, output);
                }
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }
        Drain(buffer, output);
        output.WriteLine();
    }

    /// <summary>The tool's home page, not the user's repository.</summary>
    private const string InformationUri = "https://github.com/universe-pipeline/universe-pipeline";

    private static void WriteBase(Utf8JsonWriter json, RepositoryPaths paths)
    {
        json.WriteStartObject("originalUriBaseIds");
        json.WriteStartObject(UriBaseId);
        if (paths.Root is { } root)
        {
            json.WriteString("uri", new Uri(Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar).AbsoluteUri);
        }
        json.WriteStartObject("description");
        json.WriteString("text", "The root of the repository; every result's uri is relative to it.");
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>
    /// With a baseline in use, every result says whether it is new; an accepted one is "unchanged"
    /// and suppressed externally (by the baseline file), which code scanning shows as dismissed.
    /// </summary>
    private static SarifResultState? BaselineState(string? baseline, bool accepted) =>
        baseline is null ? null
        : accepted ? new SarifResultState("unchanged", SuppressedExternally: true, $"accepted in {baseline}: a finding of a released revision, which cannot change")
        : new SarifResultState("new");

    private static void WriteResult(Utf8JsonWriter json, Diagnostic d, int? ruleIndex, SarifOptions options, SarifResultState? baselineState)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", d.Code);
        if (ruleIndex is { } i) json.WriteNumber("ruleIndex", i);
        json.WriteString("level", Level(d.Severity));
        json.WriteStartObject("message");
        json.WriteString("text", d.Hint is null ? d.Message : $"{d.Message}\nHint: {d.Hint}");
        json.WriteEndObject();

        var file = options.Paths.ToRepository(d.File ?? RepositoryWideFile)!;
        var line = Math.Max(d.Line, 1);
        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", UriOf(file));
        json.WriteString("uriBaseId", UriBaseId);
        json.WriteEndObject();
        // A whole-file diagnostic (line 0) is placed on line 1: code scanning wants a region.
        json.WriteStartObject("region");
        json.WriteNumber("startLine", line);
        if (d.Line > 0 && d.Column > 0) json.WriteNumber("startColumn", d.Column);
        json.WriteNumber("endLine", line);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();

        // From the universe-relative diagnostic, so it equals the baseline's key for the finding.
        json.WriteStartObject("partialFingerprints");
        json.WriteString(FingerprintKey, DiagnosticFingerprint.Of(d));
        json.WriteEndObject();

        if ((options.ResultState?.Invoke(d) ?? baselineState) is { } state)
        {
            if (state.BaselineState is { } baseline) json.WriteString("baselineState", baseline);
            if (state.SuppressedExternally)
            {
                json.WriteStartArray("suppressions");
                json.WriteStartObject();
                json.WriteString("kind", "external");
                if (state.Justification is { } justification) json.WriteString("justification", justification);
                json.WriteEndObject();
                json.WriteEndArray();
            }
        }
        json.WriteEndObject();
    }

    /// <summary>A relative uri reference: each segment percent-encoded, the '/' kept.</summary>
    public static string UriOf(string path) => string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    internal static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };

    /// <summary>Writes what the buffer holds (whole UTF-8 sequences: the writer flushes whole values) and empties it.</summary>
    private static void Drain(MemoryStream buffer, TextWriter output)
    {
        output.Write(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        buffer.SetLength(0);
    }
}
