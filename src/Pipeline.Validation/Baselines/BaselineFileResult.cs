using Pipeline.Diagnostics;
using Pipeline.Diagnostics.Baselines;

namespace Pipeline.Validation.Baselines;

/// <summary>
/// What reading universe-baseline.json gave: the baseline (null when there is no file, or when it
/// cannot be used at all) and what is wrong with the file, as UNI116 diagnostics. Entries that are
/// wrong are left out and reported; the others still apply.
/// </summary>
public sealed record BaselineFileResult(Baseline? Baseline, IReadOnlyList<Diagnostic> Problems)
{
    public static BaselineFileResult Absent { get; } = new(null, []);

    public static BaselineFileResult Unusable(Diagnostic problem) => new(null, [problem]);
}
