using System.Globalization;

namespace Pipeline.Diagnostics.Reports;

/// <summary>
/// Bounds what one file can add to a report: the first <see cref="PerFileAndRule"/> findings of
/// each rule in each file are kept, and the rest become one UNI117 finding that counts them, with
/// the gravest severity of those it stands for (so the verdict does not change). A generated file
/// with 100,000 findings thus makes a report, SARIF file and comment of bounded size.
/// </summary>
public static class FindingLimit
{
    public const int PerFileAndRule = 100;

    /// <param name="diagnostics">Findings in the order they are kept in (sorted, see <see cref="ValidationReport.Sort"/>).</param>
    public static List<Diagnostic> Apply(IEnumerable<Diagnostic> diagnostics, int limit = PerFileAndRule)
    {
        var seen = new Dictionary<(string File, string Code), (int Count, Severity Gravest, string? Path)>();
        var kept = new List<Diagnostic>();
        foreach (var d in diagnostics)
        {
            var key = (d.File ?? "", d.Code);
            var (count, gravest, _) = seen.GetValueOrDefault(key, (0, Severity.Note, d.File));
            count++;
            if (count <= limit) kept.Add(d);
            else if (d.Severity > gravest) gravest = d.Severity;
            seen[key] = (count, gravest, d.File);
        }
        foreach (var ((_, code), (count, gravest, file)) in seen)
        {
            if (count <= limit) continue;
            kept.Add(RuleCatalog.TooManyFindings.At(file,
                string.Create(CultureInfo.InvariantCulture, $"{count - limit:N0} more findings of {code} in this file are not listed; the first {limit} are")) with { Severity = gravest });
        }
        return kept;
    }
}
