using Pipeline.Diagnostics.Fingerprints;

namespace Pipeline.Diagnostics.Baselines;

/// <summary>
/// The findings a universe accepts: those of its released revisions as they were when the
/// baseline was made (universe-baseline.json beside universe.yaml). Released revisions are
/// immutable, so their old defects can never be fixed in place; the baseline lets them be
/// reported without blocking, while anything new still blocks. Entries are unique by key and
/// kept in file, code, fingerprint order, the order of the file.
/// </summary>
public sealed class Baseline
{
    public const string FileName = "universe-baseline.json";

    private readonly Dictionary<BaselineKey, BaselineEntry> _entries;
    private readonly HashSet<string> _files;

    /// <summary>Entries with a key seen before are left out (the reader reports such duplicates).</summary>
    public Baseline(IEnumerable<BaselineEntry> entries)
    {
        _entries = [];
        foreach (var entry in entries) _entries.TryAdd(entry.Key, entry);
        Entries = [.. _entries.Values.OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Code, StringComparer.Ordinal).ThenBy(e => e.Fingerprint, StringComparer.Ordinal)];
        _files = [.. _entries.Keys.Select(k => k.File)];
    }

    public static Baseline Empty { get; } = new([]);

    public IReadOnlyList<BaselineEntry> Entries { get; }

    /// <summary>How many findings the baseline accepts in all (entries times their counts).</summary>
    public int Findings => Entries.Sum(e => e.Count);

    public int CountOf(BaselineKey key) => _entries.TryGetValue(key, out var entry) ? entry.Count : 0;

    public BaselineEntry? Find(BaselineKey key) => _entries.GetValueOrDefault(key);

    /// <summary>Whether any entry names the file: most findings are in files without one, and need no fingerprint.</summary>
    public bool HasFile(string? file) => file is not null && _files.Contains(file);

    /// <summary>
    /// Whether a finding may be accepted by a baseline: one in a released revision's folder
    /// (<c>packages/L/name/N/…</c>), which immutability freezes, of any severity so that a pull
    /// request's report stays quiet about them. Layout findings above the revisions (stray files,
    /// empty folders, universe.yaml) can be fixed at any time and are not. Change-rule findings
    /// (UNI4xx) judge a pull request, not the tree, and are never accepted: a baseline must not
    /// let a pull request edit a released revision.
    /// </summary>
    public static bool Covers(Diagnostic diagnostic) =>
        diagnostic.File is { } file && IsRevisionPath(file) && RuleCatalog.Find(diagnostic.Code)?.Family != RuleFamily.Changes;

    /// <summary><c>packages/L/name/N[/…]</c> with N a number, no empty, '.' or '..' segment, no backslash and no control character.</summary>
    public static bool IsRevisionPath(string file)
    {
        // Control characters would reach terminals, logs and workflow commands through messages.
        if (file.Contains('\\') || file.Any(char.IsControl)) return false;
        var parts = file.Split('/');
        if (parts.Length < 4 || parts[0] != "packages") return false;
        if (parts.Any(p => p.Length == 0 || p == "." || p == "..")) return false;
        return parts[3].All(char.IsAsciiDigit);
    }

    /// <summary>The baseline of a set of findings: every covered finding, identical ones counted.</summary>
    public static Baseline Of(IEnumerable<Diagnostic> diagnostics)
    {
        var entries = new Dictionary<BaselineKey, BaselineEntry>();
        foreach (var diagnostic in diagnostics.Where(Covers))
        {
            var key = BaselineEntry.KeyOf(diagnostic);
            entries[key] = entries.TryGetValue(key, out var seen)
                ? seen with { Count = seen.Count + 1 }
                : new BaselineEntry(key.Code, key.File, key.Fingerprint, 1) { Message = DiagnosticFingerprint.Positionless(diagnostic.Message) };
        }
        return new Baseline(entries.Values);
    }

    /// <summary>Per key the smaller count of the two; keys either lacks are dropped. What both accept.</summary>
    public Baseline Intersect(Baseline other) =>
        new(Entries.Select(e => e with { Count = Math.Min(e.Count, other.CountOf(e.Key)) }).Where(e => e.Count > 0));

    /// <summary>The entries (and the part of a count) this baseline has beyond <paramref name="other"/>.</summary>
    public IReadOnlyList<BaselineEntry> Beyond(Baseline other) =>
        [.. Entries.Where(e => e.Count > other.CountOf(e.Key)).Select(e => e with { Count = e.Count - other.CountOf(e.Key) })];
}
