namespace Pipeline.Diagnostics.Reports;

/// <summary>What one validation run found, ready to be written in any report format.</summary>
public sealed record ValidationReport(string Root, int PackageCount, int RevisionCount, IReadOnlyList<Diagnostic> Diagnostics)
{
    public int Errors => Diagnostics.Count(d => d.Severity == Severity.Error);
    public int Warnings => Diagnostics.Count(d => d.Severity == Severity.Warning);
    public int Notes => Diagnostics.Count(d => d.Severity == Severity.Note);

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
