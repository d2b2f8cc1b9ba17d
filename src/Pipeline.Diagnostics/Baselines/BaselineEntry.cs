using Pipeline.Diagnostics.Fingerprints;

namespace Pipeline.Diagnostics.Baselines;

/// <summary>What identifies an accepted finding: rule, file and fingerprint (never a line number).</summary>
public readonly record struct BaselineKey(string Code, string File, string Fingerprint);

/// <summary>
/// One accepted finding of a baseline: the rule code, the file (relative to the universe root),
/// the finding's <see cref="DiagnosticFingerprint"/> and how many identical findings the file
/// holds. <see cref="Message"/> is for the reviewer of the file only (matching ignores it);
/// <see cref="Line"/> and <see cref="Column"/> are where the entry sits in universe-baseline.json, 0 when not read from one.
/// </summary>
public sealed record BaselineEntry(string Code, string File, string Fingerprint, int Count)
{
    public string? Message { get; init; }

    public int Line { get; init; }

    public int Column { get; init; }

    public BaselineKey Key => new(Code, File, Fingerprint);

    public static BaselineKey KeyOf(Diagnostic diagnostic) =>
        new(diagnostic.Code, diagnostic.File ?? "", DiagnosticFingerprint.Of(diagnostic));
}
