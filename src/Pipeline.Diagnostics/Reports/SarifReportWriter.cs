using System.Text.Json;

namespace Pipeline.Diagnostics.Reports;

/// <summary>
/// SARIF 2.1.0, the format GitHub code scanning and editors read: one run, the full rule catalog as
/// the driver's rules, one result per diagnostic with a physical location relative to the root.
/// </summary>
public static class SarifReportWriter
{
    public static void Write(ValidationReport report, TextWriter output)
    {
        var rules = RuleCatalog.All;
        var index = rules.Select((r, i) => (r.Code, i)).ToDictionary(p => p.Code, p => p.i);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", "universe");
            json.WriteString("semanticVersion", typeof(SarifReportWriter).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
            json.WriteStartArray("rules");
            foreach (var rule in rules)
            {
                json.WriteStartObject();
                json.WriteString("id", rule.Code);
                json.WriteString("name", rule.Family.ToString());
                json.WriteStartObject("shortDescription");
                json.WriteString("text", rule.Title);
                json.WriteEndObject();
                json.WriteStartObject("help");
                json.WriteString("text", rule.Hint);
                json.WriteEndObject();
                json.WriteStartObject("defaultConfiguration");
                json.WriteString("level", Level(rule.Severity));
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartArray("results");
            // Accepted findings follow the new ones, marked as such (see WriteBaselineState).
            foreach (var (d, accepted) in report.Diagnostics.Select(d => (d, false)).Concat(report.Accepted.Select(d => (d, true))))
            {
                json.WriteStartObject();
                json.WriteString("ruleId", d.Code);
                if (index.TryGetValue(d.Code, out var i)) json.WriteNumber("ruleIndex", i);
                json.WriteString("level", Level(d.Severity));
                json.WriteStartObject("message");
                json.WriteString("text", d.Hint is null ? d.Message : $"{d.Message}\nHint: {d.Hint}");
                json.WriteEndObject();
                if (d.File is not null)
                {
                    json.WriteStartArray("locations");
                    json.WriteStartObject();
                    json.WriteStartObject("physicalLocation");
                    json.WriteStartObject("artifactLocation");
                    json.WriteString("uri", d.File);
                    json.WriteString("uriBaseId", "%SRCROOT%");
                    json.WriteEndObject();
                    if (d.Line > 0)
                    {
                        json.WriteStartObject("region");
                        json.WriteNumber("startLine", d.Line);
                        if (d.Column > 0) json.WriteNumber("startColumn", d.Column);
                        json.WriteEndObject();
                    }
                    json.WriteEndObject();
                    json.WriteEndObject();
                    json.WriteEndArray();
                }
                if (report.Baseline is { } baseline) WriteBaselineState(json, accepted, baseline);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }
        output.Write(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        output.WriteLine();
    }

    /// <summary>
    /// With a baseline in use, every result says whether it is new; an accepted one is "unchanged"
    /// and suppressed externally (by the baseline file), which code scanning shows as dismissed.
    /// </summary>
    private static void WriteBaselineState(Utf8JsonWriter json, bool accepted, string baseline)
    {
        json.WriteString("baselineState", accepted ? "unchanged" : "new");
        if (!accepted) return;
        json.WriteStartArray("suppressions");
        json.WriteStartObject();
        json.WriteString("kind", "external");
        json.WriteString("justification", $"accepted in {baseline}: a finding of a released revision, which cannot change");
        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };
}
