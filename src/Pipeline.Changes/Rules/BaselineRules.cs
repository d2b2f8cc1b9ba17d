using Pipeline.Changes.Base;
using Pipeline.Diagnostics.Baselines;
using Pipeline.Diagnostics;
using Pipeline.Validation.Baselines;

namespace Pipeline.Changes.Rules;

/// <summary>
/// The baseline in a pull request (UNI406). The base branch's baseline is the trusted one: the
/// pull request may shrink it, but every entry it adds, or count it raises, accepts a finding
/// the base did not, which is a change of policy like editing a released revision, and needs the
/// allow label. Returns the baseline the pull request's findings are matched against.
/// </summary>
internal static class BaselineRules
{
    /// <summary>The base's baseline; empty when it has none or one that cannot be read (its problems were the base's to fix); null when it cannot be seen.</summary>
    public static Baseline? Trusted(BaselineOnBase onBase) =>
        !onBase.Known ? null
        : onBase.Content is { } content ? BaselineFile.Parse(content).Baseline ?? Baseline.Empty
        : Baseline.Empty;

    /// <param name="trusted">The base's baseline, null when a shallow clone cannot show it.</param>
    public static Baseline? Check(BaselineFileResult head, Baseline? trusted, string? allowedBy, List<Diagnostic> diagnostics)
    {
        if (trusted is null)
        {
            // A shallow clone whose pull request changes the file: what it adds cannot be told,
            // so only a maintainer's label lets the head's version apply.
            if (head.Baseline is null) return null;
            diagnostics.Add(Allowed(allowedBy, RuleCatalog.BaselineGrows.At(Baseline.FileName,
                "universe-baseline.json changes, and the base branch's version is not in this shallow clone, so what the pull request adds to it cannot be told " +
                "(check out with `fetch-depth: 0`)")));
            return allowedBy is null ? null : head.Baseline;
        }
        if (head.Baseline is null)
        {
            // Deleted: nothing is accepted. Unreadable: the head reports why (UNI116), and the base still applies.
            return head.Problems.Count == 0 ? null : trusted;
        }
        foreach (var added in head.Baseline.Beyond(trusted))
        {
            var before = trusted.CountOf(added.Key);
            var what = before == 0
                ? $"the pull request adds {Findings(added.Count)} of {added.Code} in {added.File} to the baseline"
                : $"the pull request raises the count of {added.Code} in {added.File} in the baseline from {before} to {before + added.Count}";
            diagnostics.Add(Allowed(allowedBy, RuleCatalog.BaselineGrows.At(Baseline.FileName, added.Line, added.Column, what)));
        }
        // Without the label only what both accept applies: the pull request's removals take effect
        // at once, its additions never.
        return allowedBy is null ? head.Baseline.Intersect(trusted) : head.Baseline;
    }

    private static string Findings(int count) => count == 1 ? "a finding" : $"{count} findings";

    private static Diagnostic Allowed(string? allowedBy, Diagnostic diagnostic) =>
        allowedBy is null
            ? diagnostic
            : diagnostic with { Severity = Severity.Warning, Message = $"{diagnostic.Message} (allowed by the `{allowedBy}` label)" };
}
