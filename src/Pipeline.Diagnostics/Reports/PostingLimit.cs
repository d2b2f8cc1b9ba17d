namespace Pipeline.Diagnostics.Reports;

/// <summary>
/// How many findings are posted where people read them (check run annotations, the comment, the
/// job summary): at most <see cref="PerFile"/> per file and <see cref="Total"/> in all, errors
/// before warnings before notes. With GitHub's 50 annotations per request that is at most ten
/// requests, whatever a pull request holds; the report file keeps every finding.
/// </summary>
public static class PostingLimit
{
    public const int PerFile = 10;
    public const int Total = 500;

    /// <summary>The items to post, in their given order, and how many are left out.</summary>
    public static (IReadOnlyList<T> Posted, int Left) Pick<T>(IReadOnlyList<T> items, Func<T, string?> fileOf, Func<T, Severity> severityOf, int perFile = PerFile, int total = Total)
    {
        var perFileCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        var chosen = new List<int>();
        foreach (var i in Enumerable.Range(0, items.Count).OrderByDescending(i => severityOf(items[i])))
        {
            if (chosen.Count == total) break;
            var file = fileOf(items[i]) ?? "";
            var count = perFileCounts.GetValueOrDefault(file);
            if (count == perFile) continue;
            perFileCounts[file] = count + 1;
            chosen.Add(i);
        }
        chosen.Sort();
        return (chosen.Select(i => items[i]).ToArray(), items.Count - chosen.Count);
    }

    /// <summary>The sentence that says how many findings are not shown, and where they are.</summary>
    public static string LeftOut(int left, string where) =>
        $"{left} more {(left == 1 ? "finding is" : "findings are")} not shown here (at most {PerFile} per file and {Total} in all are); {where} lists every one.";
}
