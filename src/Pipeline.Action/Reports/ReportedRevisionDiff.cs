using System.Globalization;
using Pipeline.Changes.Upgrades;
using Pipeline.GitHub.Comments;

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
    public const int MaxDiffChars = 100_000;

    /// <summary>The most characters of diffs one report file keeps, well inside what report mode reads (<see cref="ReportFile.MaxBytes"/>).</summary>
    public const int MaxReportChars = 2_000_000;

    /// <summary>The diffs of a pull request's upgrades, each cut to <see cref="MaxDiffChars"/>, and all to <see cref="MaxReportChars"/>.</summary>
    public static IReadOnlyList<ReportedRevisionDiff> AllOf(IEnumerable<RevisionDiff> diffs)
    {
        var room = MaxReportChars;
        var result = new List<ReportedRevisionDiff>();
        foreach (var diff in diffs)
        {
            var descriptors = new List<ReportedDescriptorDiff>();
            foreach (var d in diff.Descriptors)
            {
                if (d.UnifiedDiff is not null && room < 1_000)
                {
                    descriptors.Add(new ReportedDescriptorDiff(d.Name, null, string.Create(CultureInfo.InvariantCulture, $"not kept: the report's room for diffs ({MaxReportChars:N0} characters) is used up"), false));
                    continue;
                }
                var text = d.UnifiedDiff is { } whole ? Kept(whole, Math.Min(MaxDiffChars, room)) : null;
                room -= text?.Length ?? 0;
                descriptors.Add(new ReportedDescriptorDiff(d.Name, text, d.Problem, d.Identical));
            }
            result.Add(new ReportedRevisionDiff(diff.Package, diff.PreviousRevision, diff.PreviousVersion, diff.NextRevision, diff.NextVersion, descriptors));
        }
        return result;
    }

    /// <summary>
    /// The text cut at a line boundary to at most <paramref name="room"/> characters (at least a few dozen),
    /// with a last line saying how many lines are left out; a single line longer than the room is cut inside.
    /// </summary>
    public static string Kept(string text, int room)
    {
        if (text.Length <= room) return text;
        // Room for the count line ("… 2147483647 more lines").
        var kept = CommentBody.CutAtLine(text, Math.Max(room - 32, 8));
        // Cut inside its first line, which is then shown in part: the lines after that one are left.
        var next = text[kept.Length - 1] == '\n' ? kept.Length : text.IndexOf('\n', kept.Length - 1) + 1;
        var left = CountLines(text.AsSpan(next == 0 ? text.Length : next));
        if (left == 0) return kept;
        return kept + string.Create(CultureInfo.InvariantCulture, $"… {left} more {(left == 1 ? "line" : "lines")}\n");
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
