using Pipeline.Diagnostics.Reports;

namespace Pipeline.Diagnostics.Baselines;

/// <summary>What a baseline makes of a run's findings.</summary>
/// <param name="New">Findings the baseline does not accept: they count, and errors block.</param>
/// <param name="Accepted">Findings the baseline accepts: reported, never blocking.</param>
/// <param name="Fixed">Entries (with the part of their count) no longer found: <c>universe baseline --prune</c> drops them.</param>
public sealed record BaselineOutcome(IReadOnlyList<Diagnostic> New, IReadOnlyList<Diagnostic> Accepted, IReadOnlyList<BaselineEntry> Fixed);

/// <summary>
/// Applies a baseline to findings: a hash lookup per finding, and a fingerprint only for findings
/// in files the baseline names, so a baseline costs next to nothing on top of validation. An entry
/// with count N accepts the first N identical findings in report order; the rest are new.
/// </summary>
public static class BaselineMatch
{
    /// <param name="validated">Whether a file was validated in this run: entries of files a
    /// partial run (a pull request) did not look at are not "fixed". Null: every file was.</param>
    public static BaselineOutcome Apply(Baseline baseline, IReadOnlyList<Diagnostic> diagnostics, Func<string, bool>? validated = null)
    {
        var fresh = new List<Diagnostic>(diagnostics.Count);
        var accepted = new List<Diagnostic>();
        var used = new Dictionary<BaselineKey, int>();
        foreach (var diagnostic in diagnostics)
        {
            if (!baseline.HasFile(diagnostic.File) || !Baseline.Covers(diagnostic))
            {
                fresh.Add(diagnostic);
                continue;
            }
            var key = BaselineEntry.KeyOf(diagnostic);
            var taken = used.GetValueOrDefault(key);
            if (taken < baseline.CountOf(key))
            {
                used[key] = taken + 1;
                accepted.Add(diagnostic);
            }
            else
            {
                fresh.Add(diagnostic);
            }
        }
        var gone = baseline.Entries
            .Where(e => validated is null || validated(e.File))
            .Select(e => e with { Count = e.Count - used.GetValueOrDefault(e.Key) })
            .Where(e => e.Count > 0)
            .ToArray();
        return new BaselineOutcome(fresh, accepted, gone);
    }

    /// <summary>
    /// The report with the baseline applied: new findings plus <paramref name="problems"/> (what is
    /// wrong with the baseline file itself) as its diagnostics, and the accepted and fixed ones
    /// beside them. A null baseline (none, or one that could not be read) accepts nothing.
    /// </summary>
    public static ValidationReport Apply(ValidationReport report, Baseline? baseline, IReadOnlyList<Diagnostic> problems, Func<string, bool>? validated = null)
    {
        if (baseline is null)
        {
            return problems.Count == 0 ? report : report with { Diagnostics = ValidationReport.Sort(report.Diagnostics.Concat(problems)) };
        }
        var outcome = Apply(baseline, report.Diagnostics, validated);
        return report with
        {
            Diagnostics = problems.Count == 0 ? outcome.New : ValidationReport.Sort(outcome.New.Concat(problems)),
            Accepted = outcome.Accepted,
            Fixed = outcome.Fixed,
            Baseline = Baseline.FileName,
        };
    }
}
