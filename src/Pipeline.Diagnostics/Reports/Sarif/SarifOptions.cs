using Pipeline.Diagnostics.Paths;

namespace Pipeline.Diagnostics.Reports.Sarif;

/// <summary>How a SARIF log places its results and what it says about each beyond the diagnostic.</summary>
public sealed record SarifOptions
{
    /// <summary>Maps the diagnostics' universe-relative paths to the repository's, which code scanning needs.</summary>
    public RepositoryPaths Paths { get; init; } = RepositoryPaths.None;

    /// <summary>
    /// Extra state per result, e.g. from a baseline (accepted findings "unchanged" and suppressed,
    /// others "new"); null or a null answer says nothing more. It sees the universe-relative diagnostic.
    /// </summary>
    public Func<Diagnostic, SarifResultState?>? ResultState { get; init; }
}

/// <summary>
/// What a result carries besides its finding: SARIF's <c>baselineState</c> (new, unchanged,
/// updated, absent) and an external suppression (accepted outside the source, e.g. in a baseline file).
/// </summary>
public sealed record SarifResultState(string? BaselineState = null, bool SuppressedExternally = false, string? Justification = null);
