using System.Globalization;
using System.Text;

namespace Pipeline.Changes.Upgrades;

/// <summary>
/// Two texts as a unified diff (<c>diff -u</c>): <c>---</c>/<c>+++</c> headers, then hunks with
/// <see cref="Context"/> unchanged lines around each change and <c>@@ -l,s +l,s @@</c> headers; changes
/// closer than twice the context share one hunk. Lines are split at LF with a CR before it dropped
/// and a final line break optional, so line endings alone are no difference: these are rendered
/// descriptors, whose meaning does not change with them.
/// </summary>
public static class UnifiedDiff
{
    public const int Context = 3;

    /// <summary>The outcome: identical, the diff, or too different to compute within the bounds.</summary>
    public sealed record Outcome(bool Identical, string? Text)
    {
        public bool TooDifferent => !Identical && Text is null;
    }

    public static Outcome Of(string oldText, string newText, string oldLabel, string newLabel, int maxEdits = LineDiff.MaxEdits)
    {
        var a = Lines(oldText);
        var b = Lines(newText);
        if (a.SequenceEqual(b, StringComparer.Ordinal)) return new Outcome(true, null);
        if (LineDiff.Compute(a, b, maxEdits) is not { } edits) return new Outcome(false, null);

        var text = new StringBuilder();
        text.Append("--- ").Append(oldLabel).Append('\n').Append("+++ ").Append(newLabel).Append('\n');
        foreach (var (start, end) in Hunks(edits)) AppendHunk(text, edits, start, end, a, b);
        return new Outcome(false, text.ToString());
    }

    /// <summary>The lines of a text: LF or CRLF breaks, no empty last line for a final break, none at all for no text.</summary>
    public static IReadOnlyList<string> Lines(string text)
    {
        if (text.Length == 0) return [];
        var lines = text.Split('\n');
        var count = text.EndsWith('\n') ? lines.Length - 1 : lines.Length;
        var result = new string[count];
        for (var i = 0; i < count; i++) result[i] = lines[i].EndsWith('\r') ? lines[i][..^1] : lines[i];
        return result;
    }

    /// <summary>Ranges of the edit script, [start, end), each a hunk: its changes with up to <see cref="Context"/> lines either side.</summary>
    private static List<(int Start, int End)> Hunks(IReadOnlyList<LineDiffEdit> edits)
    {
        var hunks = new List<(int Start, int End)>();
        for (var i = 0; i < edits.Count; i++)
        {
            if (edits[i].Kind == LineDiffKind.Same) continue;
            var start = Math.Max(0, i - Context);
            var last = i;
            // Extend over further changes while the gap of unchanged lines is at most twice the context (as diff -u).
            for (var j = i + 1; j < edits.Count && j - last - 1 <= 2 * Context; j++)
            {
                if (edits[j].Kind != LineDiffKind.Same) last = j;
            }
            var end = Math.Min(edits.Count, last + Context + 1);
            hunks.Add((start, end));
            i = last;
        }
        return hunks;
    }

    private static void AppendHunk(StringBuilder text, IReadOnlyList<LineDiffEdit> edits, int start, int end, IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var oldCount = 0;
        var newCount = 0;
        for (var i = start; i < end; i++)
        {
            if (edits[i].Kind != LineDiffKind.Added) oldCount++;
            if (edits[i].Kind != LineDiffKind.Removed) newCount++;
        }
        var first = edits[start];
        text.Append("@@ -").Append(Range(first.OldIndex, oldCount)).Append(" +").Append(Range(first.NewIndex, newCount)).Append(" @@\n");
        for (var i = start; i < end; i++)
        {
            var edit = edits[i];
            switch (edit.Kind)
            {
                case LineDiffKind.Same: text.Append(' ').Append(a[edit.OldIndex]); break;
                case LineDiffKind.Removed: text.Append('-').Append(a[edit.OldIndex]); break;
                default: text.Append('+').Append(b[edit.NewIndex]); break;
            }
            text.Append('\n');
        }
    }

    /// <summary>GNU diff's range: "l,s" with l counted from 1, "l" alone for one line, the line before for none.</summary>
    private static string Range(int index, int count) => count switch
    {
        0 => string.Create(CultureInfo.InvariantCulture, $"{index},0"),
        1 => (index + 1).ToString(CultureInfo.InvariantCulture),
        _ => string.Create(CultureInfo.InvariantCulture, $"{index + 1},{count}"),
    };
}
