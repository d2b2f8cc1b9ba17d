namespace Pipeline.Changes.Upgrades;

/// <summary>One line of an edit script: kept, removed from the old text, or added in the new one.</summary>
public enum LineDiffKind { Same, Removed, Added }

/// <summary>One step of an edit script, with the line's number on its side(s), counted from 0.</summary>
public readonly record struct LineDiffEdit(LineDiffKind Kind, int OldIndex, int NewIndex);

/// <summary>
/// A shortest line edit script by Myers' O(ND) algorithm, after the common head and tail are
/// taken off. Bounded: a middle longer than <see cref="MaxLines"/> lines on a side, or one that needs
/// more than <see cref="MaxEdits"/> removed and added lines, gives null ("too different to show")
/// instead of costing O(N·D) time and O(D²) memory without end; a middle that is only removed or
/// only added lines costs nothing to find and is always given. Lines are compared as they are given.
/// </summary>
public static class LineDiff
{
    public const int MaxLines = 20_000;
    public const int MaxEdits = 2_000;

    /// <returns>The edit script in order, or null when a bound is passed.</returns>
    public static IReadOnlyList<LineDiffEdit>? Compute(IReadOnlyList<string> a, IReadOnlyList<string> b, int maxEdits = MaxEdits, int maxLines = MaxLines)
    {
        var head = 0;
        while (head < a.Count && head < b.Count && a[head] == b[head]) head++;
        var tail = 0;
        while (tail < a.Count - head && tail < b.Count - head && a[a.Count - 1 - tail] == b[b.Count - 1 - tail]) tail++;

        var middle = Middle(a, b, head, a.Count - tail, head, b.Count - tail, maxEdits, maxLines);
        if (middle is null) return null;
        var script = new List<LineDiffEdit>(head + middle.Count + tail);
        for (var i = 0; i < head; i++) script.Add(new LineDiffEdit(LineDiffKind.Same, i, i));
        script.AddRange(middle);
        for (var i = tail; i > 0; i--) script.Add(new LineDiffEdit(LineDiffKind.Same, a.Count - i, b.Count - i));
        return script;
    }

    /// <summary>Myers' greedy forward search over a[aStart..aEnd) and b[bStart..bEnd), keeping each round's frontier to trace the path back.</summary>
    private static List<LineDiffEdit>? Middle(IReadOnlyList<string> a, IReadOnlyList<string> b, int aStart, int aEnd, int bStart, int bEnd, int maxEdits, int maxLines)
    {
        var n = aEnd - aStart;
        var m = bEnd - bStart;
        // Lines only added or only removed cost nothing to find, whatever their number.
        if (n == 0 || m == 0) return Straight(n, m, aStart, bStart);
        if (n > maxLines || m > maxLines) return null;
        var limit = Math.Min(n + m, maxEdits);
        var offset = limit + 1;
        var v = new int[2 * limit + 3];
        var trace = new List<int[]>();
        for (var d = 0; d <= limit; d++)
        {
            // The frontier before this round (diagonals -d-1 … d+1, all this round reads), kept to walk back along the path.
            trace.Add(v[(offset - d - 1)..(offset + d + 2)]);
            for (var k = -d; k <= d; k += 2)
            {
                var down = k == -d || k != d && v[offset + k - 1] < v[offset + k + 1];
                var x = down ? v[offset + k + 1] : v[offset + k - 1] + 1;
                var y = x - k;
                while (x < n && y < m && a[aStart + x] == b[bStart + y])
                {
                    x++;
                    y++;
                }
                v[offset + k] = x;
                if (x >= n && y >= m) return Backtrack(trace, d, n, m, aStart, bStart);
            }
        }
        return null;
    }

    private static List<LineDiffEdit> Straight(int n, int m, int aStart, int bStart)
    {
        var edits = new List<LineDiffEdit>(n + m);
        for (var i = 0; i < n; i++) edits.Add(new LineDiffEdit(LineDiffKind.Removed, aStart + i, bStart));
        for (var j = 0; j < m; j++) edits.Add(new LineDiffEdit(LineDiffKind.Added, aStart, bStart + j));
        return edits;
    }

    private static List<LineDiffEdit> Backtrack(List<int[]> trace, int end, int n, int m, int aStart, int bStart)
    {
        var reversed = new List<LineDiffEdit>();
        var x = n;
        var y = m;
        for (var d = end; d > 0; d--)
        {
            var v = trace[d];
            var at = d + 1; // where diagonal 0 is in this round's slice
            var k = x - y;
            var down = k == -d || k != d && v[at + k - 1] < v[at + k + 1];
            var previousK = down ? k + 1 : k - 1;
            var previousX = v[at + previousK];
            var previousY = previousX - previousK;
            while (x > previousX && y > previousY)
            {
                x--;
                y--;
                reversed.Add(new LineDiffEdit(LineDiffKind.Same, aStart + x, bStart + y));
            }
            if (down) reversed.Add(new LineDiffEdit(LineDiffKind.Added, aStart + x, bStart + --y));
            else reversed.Add(new LineDiffEdit(LineDiffKind.Removed, aStart + --x, bStart + y));
        }
        while (x > 0 && y > 0)
        {
            x--;
            y--;
            reversed.Add(new LineDiffEdit(LineDiffKind.Same, aStart + x, bStart + y));
        }
        reversed.Reverse();
        return reversed;
    }
}
