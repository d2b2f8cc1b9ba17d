using System.Globalization;
using System.Net;
using System.Text;
using Pipeline.Diagnostics.Reports;

namespace Pipeline.Action.Reports;

/// <summary>
/// The report's "what changes for operators" sections: per new revision of an existing package, a
/// collapsed section with the diff of its rendered descriptors against the previous revision's
/// (both rendered with the previous revision's default options). The diff is package text: it goes
/// into a fenced block whose fence is longer than any backtick run inside, with hidden characters
/// made visible, so it cannot close the block, open HTML, mention anyone or start a line of its
/// own; names and versions go into <c>&lt;code&gt;</c>, HTML-encoded. Bounded: each section to
/// <see cref="SectionChars"/> characters and all of them to <see cref="TotalChars"/>, cut at a line
/// with the count of lines left out; the report file keeps much more of them (see ReportedRevisionDiff).
/// </summary>
public static class OperatorDiffMarkdown
{
    public const int SectionChars = 8_000;
    public const int TotalChars = 20_000;

    /// <summary>Less room than this left for the sections, and the rest are only counted: a diff cut to a few lines tells nothing.</summary>
    private const int SmallestSection = 1_000;

    /// <summary>Where more of the diffs is kept, for the notes under cut ones.</summary>
    private const string ReportFile = "the report file (the workflow run's artifact, `descriptorDiffs`)";

    public static void Append(StringBuilder text, ActionReport report)
    {
        if (report.DescriptorDiffs.Count == 0) return;
        text.AppendLine().AppendLine("### What changes for operators");
        var room = TotalChars;
        var left = 0;
        foreach (var diff in report.DescriptorDiffs)
        {
            if (room < SmallestSection)
            {
                left++;
                continue;
            }
            var section = Section(diff, Math.Min(SectionChars, room));
            room -= section.Length;
            text.AppendLine().Append(section);
        }
        if (left > 0)
        {
            text.AppendLine().Append("> ").Append(left).Append(left == 1 ? " more revision's changes are" : " more revisions' changes are")
                .Append(" not shown here, for room; ").Append(ReportFile).AppendLine(" has them.");
        }
    }

    private static string Section(ReportedRevisionDiff diff, int room)
    {
        var section = new StringBuilder();
        section.Append("<details><summary>What changes for operators of ").Append(Code(diff.Package)).Append(' ')
            .Append(Code(diff.PreviousVersion ?? "?")).Append(" → ").Append(Code(diff.NextVersion ?? "?"))
            .Append(string.Create(CultureInfo.InvariantCulture, $" (revision {diff.PreviousRevision} → {diff.NextRevision})"))
            .AppendLine("</summary>").AppendLine();
        section.AppendLine("Both rendered with the options operators of the previous revision have: its defaults, and placeholders for its required options.").AppendLine();
        if (diff.Descriptors.Count == 0) section.AppendLine("Neither revision has a descriptor template.");
        else if (diff.Descriptors.All(d => d.Identical)) section.AppendLine("No change in the rendered descriptors.");
        var problems = diff.Descriptors.Where(d => d.Problem is not null).ToArray();
        var listed = 0;
        // Half the room at most, so a report with thousands of failing descriptors still leaves room for a diff.
        while (listed < problems.Length && section.Length < room / 2)
        {
            var problem = problems[listed++];
            section.Append("- ").Append(MarkdownText.Code(problem.Name, maxLength: 100)).Append(": ").AppendLine(MarkdownText.Inline(problem.Problem));
        }
        if (listed < problems.Length) section.Append("- … and ").Append(problems.Length - listed).AppendLine(" more descriptors that are not shown");
        var body = string.Concat(diff.Descriptors.Select(d => d.Diff).OfType<string>());
        if (body.Length > 0)
        {
            const string end = "\n</details>\n";
            var cutNote = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"\n> The diff is cut here; {ReportFile} keeps up to {ReportedRevisionDiff.MaxDiffChars:N0} characters of it.\n");
            // Room for the block beside the section's own text, its end and the note; a block whose
            // backtick runs make its fence long is given less, so fences count against the room too.
            var available = Math.Max(room - section.Length - end.Length - cutNote.Length, 400);
            var bodyRoom = available;
            var shown = ReportedRevisionDiff.Kept(body, bodyRoom);
            var block = MarkdownText.CodeBlock(shown, "diff");
            while (block.Length > available && bodyRoom > 100)
            {
                bodyRoom /= 2;
                shown = ReportedRevisionDiff.Kept(body, bodyRoom);
                block = MarkdownText.CodeBlock(shown, "diff");
            }
            section.AppendLine().Append(block);
            if (shown.Length < body.Length) section.Append(cutNote);
        }
        return section.AppendLine().AppendLine("</details>").ToString();
    }

    /// <summary>A name or version from the package, inert in the summary's HTML: encoded, visible, bounded, in code (no mention is made there).</summary>
    private static string Code(string text)
    {
        return "<code>" + WebUtility.HtmlEncode(MarkdownText.Bounded(text, 100)) + "</code>";
    }
}
