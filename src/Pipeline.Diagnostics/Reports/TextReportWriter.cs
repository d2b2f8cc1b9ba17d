using Pipeline.Diagnostics.Baselines;
using Pipeline.Diagnostics.Paths;

namespace Pipeline.Diagnostics.Reports;

/// <summary>
/// The terminal report: problems grouped by package (repository-wide ones first), each with its
/// location, code, message and hint, then a count per code and a one-line summary.
/// </summary>
public sealed class TextReportWriter(bool color, RepositoryPaths? paths = null, string? universeFolder = null)
{
    private string Paint(string text, string code) => color ? $"\u001b[{code}m{text}\u001b[0m" : text;

    public void Write(ValidationReport report, TextWriter output)
    {
        foreach (var group in report.Diagnostics.GroupBy(d => d.Package).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var errors = group.Count(d => d.Severity == Severity.Error);
            var warnings = group.Count(d => d.Severity == Severity.Warning);
            var title = group.Key.Length == 0 ? "repository" : TerminalText.Escape(group.Key);
            output.WriteLine(Paint($"{title}", "1") + $"  ({Plural(errors, "error")}, {Plural(warnings, "warning")})");
            foreach (var d in group)
            {
                var file = TerminalText.Escape((paths ?? RepositoryPaths.None).ToRepository(d.File));
                var location = d.File is null ? "" : d.Line > 0 ? $"{file}:{d.Line}:{d.Column}" : file;
                output.WriteLine($"  {Label(d.Severity)} {Paint(d.Code, "36")} {location}");
                output.WriteLine($"    {TerminalText.Escape(d.Message)}");
                if (!string.IsNullOrEmpty(d.Hint)) output.WriteLine(Paint($"    hint: {TerminalText.Escape(d.Hint)}", "2"));
            }
            output.WriteLine();
        }
        if (report.Diagnostics.Count > 0)
        {
            output.WriteLine("By rule:");
            foreach (var byCode in report.Diagnostics.GroupBy(d => (d.Code, d.Severity)).OrderBy(g => g.Key.Code, StringComparer.Ordinal))
            {
                var title = RuleCatalog.Find(byCode.Key.Code)?.Title ?? "";
                output.WriteLine($"  {byCode.Key.Code} {byCode.Key.Severity.ToString().ToLowerInvariant(),-7} {byCode.Count(),5}  {title}");
            }
            output.WriteLine();
        }
        if (BaselineLine(report) is { } baseline) output.WriteLine(baseline);
        var verdict = report.Errors > 0 ? Paint("invalid", "31;1") : Paint("valid", "32;1");
        output.WriteLine($"{verdict}: {Plural(report.RevisionCount, "revision")} of {Plural(report.PackageCount, "package")} checked, {Plural(report.Errors, "error")}, {Plural(report.Warnings, "warning")}");
    }

    /// <summary>
    /// Accepted findings are only counted here: they are old and known, and listing them would bury
    /// the new ones. `--format json` or `sarif` lists them; `--no-baseline` reports them as findings.
    /// </summary>
    private string? BaselineLine(ValidationReport report)
    {
        if (report.Baseline is null) return null;
        var line = $"{report.Accepted.Count} accepted {(report.Accepted.Count == 1 ? "finding" : "findings")} ({TerminalText.Escape(report.Baseline)})";
        var fixedCount = report.Fixed.Sum(e => e.Count);
        return fixedCount == 0 ? line : $"{line}, {fixedCount} fixed: run `{PruneCommand.For(universeFolder ?? paths?.Prefix)}` to drop {(fixedCount == 1 ? "it" : "them")}";
    }

    private string Label(Severity severity) => severity switch
    {
        Diagnostics.Severity.Error => Paint("error  ", "31"),
        Diagnostics.Severity.Warning => Paint("warning", "33"),
        _ => Paint("note   ", "34"),
    };

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
