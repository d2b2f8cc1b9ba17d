using Pipeline.Diagnostics.Baselines;

namespace Pipeline.Diagnostics.Reports;

/// <summary>
/// What one validation run found, ready to be written in any report format. With a baseline in
/// use (<see cref="Baseline"/> is set), <see cref="Diagnostics"/> holds only the new findings,
/// which are what counts and blocks; the accepted ones and the baseline entries no longer found
/// are kept beside them, so every format can still show them.
/// </summary>
public sealed record ValidationReport(string Root, int PackageCount, int RevisionCount, IReadOnlyList<Diagnostic> Diagnostics)
{
    public int Errors => Diagnostics.Count(d => d.Severity == Severity.Error);
    public int Warnings => Diagnostics.Count(d => d.Severity == Severity.Warning);
    public int Notes => Diagnostics.Count(d => d.Severity == Severity.Note);

    /// <summary>Findings the baseline accepts: reported, never counted as errors or warnings.</summary>
    public IReadOnlyList<Diagnostic> Accepted { get; init; } = [];

    /// <summary>Baseline entries whose findings are gone (`universe baseline --prune` drops them).</summary>
    public IReadOnlyList<BaselineEntry> Fixed { get; init; } = [];

    /// <summary>The baseline file applied (relative to the root), null when none was.</summary>
    public string? Baseline { get; init; }

    /// <summary>Diagnostics in a stable order: file, line, column, code.</summary>
    public static IReadOnlyList<Diagnostic> Sort(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics
            .OrderBy(d => d.File ?? "", StringComparer.Ordinal)
            .ThenBy(d => d.Line)
            .ThenBy(d => d.Column)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)
            .ToArray();
}
