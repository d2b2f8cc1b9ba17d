using Pipeline.Bumping;

namespace Pipeline.Cli.Commands;

/// <summary>What <c>universe bump</c> prints: the plan's change lines, the validation, why it stopped, and for a dry run the new files.</summary>
internal static class BumpReport
{
    /// <summary>Lines of one file shown in a dry run's summary before the rest is counted.</summary>
    private const int MaxLinesPerFile = 40;

    public static void Write(CliConsole console, BumpOutcome outcome, string where)
    {
        if (outcome.Plan is { } plan)
        {
            var verb = outcome.Status switch
            {
                BumpStatus.Written => "bumped",
                BumpStatus.Planned => "would bump",
                _ => "could not bump",
            };
            // The previous version is the universe's text, never checked as the new one is.
            console.Out.WriteLine($"{verb} {plan.Name} {Pipeline.Diagnostics.Reports.TerminalText.Escape(plan.PreviousVersion)} → {plan.Version}: {plan.Directory} in {where} (from revision {plan.PreviousRevision})");
            // Change lines quote resource.json keys and URLs, diagnostics quote package text: one escaped line each.
            foreach (var change in plan.Changes) console.Out.WriteLine($"  {Pipeline.Diagnostics.Reports.TerminalText.Escape(change)}");
        }
        if (outcome.Validation is { } report)
        {
            console.Out.WriteLine($"validation (pull-request rules, this package): {(report.Errors == 0 ? "passed" : "failed")}: {report.Errors} error(s), {report.Warnings} warning(s)");
            var writer = outcome.Status == BumpStatus.RolledBack ? console.Error : console.Out;
            foreach (var diagnostic in report.Diagnostics) writer.WriteLine($"  {Pipeline.Diagnostics.Reports.TerminalText.Escape(diagnostic.ToString())}");
        }
        if (outcome.Problem is { } problem) console.Error.WriteLine($"universe bump: {Pipeline.Diagnostics.Reports.TerminalText.Escape(problem)}");
    }

    /// <summary>Each new file: copied as it was, or edited, with the lines that differ from the previous revision's file.</summary>
    public static void WriteFiles(CliConsole console, BumpPlan plan, string root)
    {
        console.Out.WriteLine("nothing was written; the new revision would hold:");
        var previous = Path.Combine(root, plan.PackageDirectory, plan.PreviousRevision.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var file in plan.Files)
        {
            var before = File.Exists(Path.Combine(previous, file.Name)) ? File.ReadAllBytes(Path.Combine(previous, file.Name)) : [];
            var path = $"{plan.Directory}/{file.Name}";
            if (file.Content.Span.SequenceEqual(before))
            {
                console.Out.WriteLine($"  {path} (as in revision {plan.PreviousRevision})");
                continue;
            }
            console.Out.WriteLine($"  {path} (edited)");
            // A real line diff: a set difference would hide a changed line whose text occurs elsewhere.
            var diff = Pipeline.Changes.Upgrades.UnifiedDiff.Of(Text(before), Text(file.Content.ToArray()), $"revision {plan.PreviousRevision}/{file.Name}", path);
            string[] shown = diff.Text is { } text ? [.. Pipeline.Changes.Upgrades.UnifiedDiff.Lines(text).Skip(2)]
                : diff.Identical ? ["(only line endings differ)"]
                : ["(too different to show line by line)"];
            foreach (var line in shown.Take(MaxLinesPerFile)) console.Out.WriteLine($"    {Pipeline.Diagnostics.Reports.TerminalText.Escape(line)}");
            if (shown.Length > MaxLinesPerFile) console.Out.WriteLine($"    … {shown.Length - MaxLinesPerFile} more line(s)");
        }
    }

    private static string Text(byte[] content) => System.Text.Encoding.UTF8.GetString(content);
}
