using System.Globalization;
using Pipeline.Diagnostics.Reports;
using Pipeline.Json.Nodes;
using Pipeline.Packages.Documents;

namespace Pipeline.Changes.Upgrades;

/// <summary>
/// The <see cref="RevisionDiff"/> of each upgrade: every descriptor of both revisions rendered with
/// the options an operator of the previous revision has (its defaults and placeholders). On
/// <c>dcos package update</c> Cosmos keeps those options and merges the new revision's defaults
/// under them, so the new side is rendered over the new defaults with the kept options on top.
/// </summary>
public static class DescriptorDiffs
{
    public static IReadOnlyList<RevisionDiff> Of(IEnumerable<UpgradePair> pairs) => pairs.Select(Of).ToArray();

    public static RevisionDiff Of(UpgradePair pair)
    {
        var previous = RevisionDocuments.Read(pair.Previous.Load());
        var next = RevisionDocuments.Read(pair.Next.Load());
        var kept = RenderedDescriptors.OperatorOptions(previous);
        var updated = JsonMerge.Merge(RenderedDescriptors.OperatorOptions(next), kept);
        var before = RenderedDescriptors.Render(previous, kept);
        var after = RenderedDescriptors.Render(next, updated);

        var oldVersion = Shown(previous.Package?.Version);
        var newVersion = Shown(next.Package?.Version);
        var names = before.Select(d => d.Name).Concat(after.Select(d => d.Name)).Distinct(StringComparer.Ordinal);
        var diffs = new List<DescriptorDiff>();
        foreach (var name in names)
        {
            var old = before.FirstOrDefault(d => d.Name == name);
            var @new = after.FirstOrDefault(d => d.Name == name);
            var oldLabel = old is null ? $"{name} (not in revision {pair.Previous.ReleaseVersion})" : $"{name} (revision {pair.Previous.ReleaseVersion}, version {oldVersion})";
            var newLabel = @new is null ? $"{name} (not in revision {pair.Next.ReleaseVersion})" : $"{name} (revision {pair.Next.ReleaseVersion}, version {newVersion})";
            diffs.Add(Compare(name, old, @new, oldLabel, newLabel, pair));
        }
        return new RevisionDiff(pair.Name, pair.Previous.ReleaseVersion, previous.Package?.Version, pair.Next.ReleaseVersion, next.Package?.Version, diffs);
    }

    private static DescriptorDiff Compare(string name, RenderedDescriptorText? old, RenderedDescriptorText? @new, string oldLabel, string newLabel, UpgradePair pair)
    {
        // A side that fails to render is told in one line: a diff against nothing would mislead.
        if (old?.Problem is { } oldProblem) return new DescriptorDiff(name, null, $"revision {pair.Previous.ReleaseVersion} does not render: {oldProblem}", false);
        if (@new?.Problem is { } newProblem) return new DescriptorDiff(name, null, $"revision {pair.Next.ReleaseVersion} does not render: {newProblem}", false);
        var outcome = UnifiedDiff.Of(old?.Text ?? "", @new?.Text ?? "", oldLabel, newLabel);
        if (outcome.Identical && (old is null) == (@new is null)) return new DescriptorDiff(name, null, null, true);
        if (outcome.TooDifferent)
        {
            return new DescriptorDiff(name, null, string.Create(CultureInfo.InvariantCulture,
                $"the renderings are too different to show here (more than {LineDiff.MaxEdits:N0} changed lines, or more than {LineDiff.MaxLines:N0} lines)"), false);
        }
        // Present on one side only but rendering to nothing: the file's coming or going is the change.
        return new DescriptorDiff(name, outcome.Text ?? $"--- {oldLabel}\n+++ {newLabel}\n", null, false);
    }

    /// <summary>A version as a header shows it: on one line, hidden characters visible.</summary>
    private static string Shown(string? version) => version is null ? "unknown" : TerminalText.Escape(version);
}
