using System.Globalization;
using Pipeline.Changes.Upgrades;

namespace Pipeline.Action.Reports;

/// <summary>
/// What changes for operators of a package on upgrade, as the report file keeps it (see
/// <see cref="RevisionDiff"/>): the rendered descriptors' diffs, each kept up to
/// <see cref="MaxDiffChars"/> characters so that a report stays small enough to post.
/// </summary>
public sealed record ReportedRevisionDiff(
    string Package,
    int PreviousRevision,
    string? PreviousVersion,
    int NextRevision,
    string? NextVersion,
    IReadOnlyList<ReportedDescriptorDiff> Descriptors)
{
    /// <summary>The most characters of one descriptor's diff a report file keeps.</summary>
    public const int MaxDiffChars = 200_000;

    public static ReportedRevisionDiff From(RevisionDiff diff) =>
        new(diff.Package, diff.PreviousRevision, diff.PreviousVersion, diff.NextRevision, diff.NextVersion,
            diff.Descriptors.Select(d => new ReportedDescriptorDiff(d.Name, d.UnifiedDiff is { } text ? Kept(text, MaxDiffChars) : null, d.Problem, d.Identical)).ToArray());

    /// <summary>
    /// The text cut at a line boundary to at most <paramref name="room"/> characters (at least a few dozen),
    /// with a last line saying how many lines are left out; a single line longer than the room is cut inside.
    /// </summary>
    public static string Kept(string text, int room)
    {
        if (text.Length <= room) return text;
        // Room for the count line ("… 2147483647 more lines").
        room = Math.Max(room - 32, 8);
        var end = text.LastIndexOf('\n', Math.Max(room - 1, 0));
        // The first line alone is too long: it is shown cut, and the lines after it are counted.
        var firstEnd = text.IndexOf('\n');
        var (kept, rest) = end > 0
            ? (text[..(end + 1)], end + 1)
            : (Cut(text, room) + "\n", firstEnd < 0 ? text.Length : firstEnd + 1);
        var left = CountLines(text.AsSpan(rest));
        if (left == 0) return kept;
        return kept + string.Create(CultureInfo.InvariantCulture, $"… {left} more {(left == 1 ? "line" : "lines")}\n");
    }

    private static string Cut(string text, int room)
    {
        var cut = Math.Max(room - 1, 0);
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1])) cut--;
        return text[..cut] + "…";
    }

    private static int CountLines(ReadOnlySpan<char> rest)
    {
        if (rest.IsEmpty) return 0;
        var count = rest.Count('\n');
        return rest[^1] == '\n' ? count : count + 1;
    }
}

/// <summary>One descriptor's change in a report: its diff, or the problem that stands for it, or identical.</summary>
public sealed record ReportedDescriptorDiff(string Name, string? Diff, string? Problem, bool Identical);
