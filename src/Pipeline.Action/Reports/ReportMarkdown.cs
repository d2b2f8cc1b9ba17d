using System.Net;
using System.Text;
using Pipeline.Diagnostics.Baselines;
using Pipeline.Diagnostics.Reports;

namespace Pipeline.Action.Reports;

/// <summary>
/// The report as GitHub Markdown, for the sticky comment and the job summary: a status line,
/// what the pull request changes per package, then every problem grouped by package with file,
/// line, rule code, message and hint. Every text from the pull request (or from a report file,
/// which a pull request's run wrote) goes through <see cref="MarkdownText"/>, so it cannot add
/// HTML, images, mentions, lines or table cells to the comment. Paths are the repository's, and link to the file at
/// the validated commit when the repository is known.
/// </summary>
public static class ReportMarkdown
{
    /// <summary>How many accepted findings the comment lists; the report file has them all.</summary>
    public const int AcceptedRows = 100;

    /// <param name="repositoryUrl">The repository's page (https://github.com/owner/name), for links to files; null for no links.</param>
    public static string Write(ActionReport report, Uri? repositoryUrl = null)
    {
        var text = new StringBuilder();
        text.Append("## ").Append(report.Valid ? "✅" : "❌").Append(" Universe validation: ").AppendLine(Counts(report));
        text.AppendLine();
        var scope = report.Scope switch
        {
            "git" => "changes found with Git",
            "file-list" => "changes taken from the pull request's file list",
            _ => "the whole tree was validated",
        };
        text.Append("<sub>");
        if (report.HeadSha is { Length: >= 7 } sha) text.Append("head ").Append(MarkdownText.Code(sha[..7])).Append(" · ");
        text.Append(report.Revisions).Append(report.Revisions == 1 ? " revision" : " revisions").Append(" of ")
            .Append(report.Packages).Append(report.Packages == 1 ? " package" : " packages").Append(" checked · ").Append(scope).AppendLine("</sub>");
        foreach (var note in report.Notes) text.AppendLine().Append("> ").AppendLine(MarkdownText.Inline(note));

        if (report.Changes.Count > 0 || report.OutsidePackages.Count > 0)
        {
            text.AppendLine().AppendLine("### What this pull request changes").AppendLine();
            foreach (var change in report.Changes) text.Append("- ").AppendLine(MarkdownText.Inline(change.Description));
            if (report.OutsidePackages.Count > 0)
            {
                var paths = report.Paths;
                text.Append("- files outside `packages/` (not validated as packages): ")
                    .AppendLine(string.Join(", ", report.OutsidePackages.Take(20).Select(p => MarkdownText.Code(paths.ToRepository(p)))) + (report.OutsidePackages.Count > 20 ? $" and {report.OutsidePackages.Count - 20} more" : ""));
            }
        }

        if (report.Diagnostics.Count == 0)
        {
            text.AppendLine().AppendLine(report.Accepted.Count == 0 ? "No problems found." : "No new problems found.");
            OperatorDiffMarkdown.Append(text, report);
            AppendBaseline(text, report);
            return text.ToString();
        }
        text.AppendLine().AppendLine("### Problems");
        var blob = repositoryUrl is not null && report.HeadSha is { Length: > 0 } head && head.All(char.IsAsciiHexDigit)
            ? $"{repositoryUrl.AbsoluteUri.TrimEnd('/')}/blob/{head}/"
            : null;
        // As many as the check run annotates; the report file has them all.
        var (listed, left) = PostingLimit.Pick(report.InRepository().ToArray(), d => d.File, d => d.Level);
        foreach (var group in listed.GroupBy(d => d.Package).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            text.AppendLine().AppendLine(group.Key.Length == 0 ? "#### Repository" : $"#### {MarkdownText.Code(group.Key)}").AppendLine();
            text.AppendLine("| | Where | Rule | Problem |").AppendLine("|---|---|---|---|");
            foreach (var d in group)
            {
                var where = d.File is null ? "(repository)" : d.Line > 0 ? $"{d.File}:{d.Line}:{d.Column}" : d.File;
                var shown = MarkdownText.Code(where, inTable: true);
                if (blob is not null && d.File is { } file && ReportedPath.CanLink(file)) shown = $"[{shown}]({blob}{FileUrl(file)}{(d.Line > 0 ? $"#L{d.Line}" : "")})";
                text.Append("| ").Append(Icon(d.Severity)).Append(" | ").Append(shown).Append(" | ").Append(MarkdownText.Inline(d.Code, inTable: true)).Append(" | ").Append(MarkdownText.Inline(d.Message, inTable: true));
                if (d.Hint is { Length: > 0 } hint) text.Append("<br>💡 ").Append(MarkdownText.Inline(hint, inTable: true));
                text.AppendLine(" |");
            }
        }
        if (left > 0) text.AppendLine().Append("> ").AppendLine(PostingLimit.LeftOut(left, "the report file (the workflow run's artifact)"));
        OperatorDiffMarkdown.Append(text, report);
        AppendBaseline(text, report);
        return text.ToString();
    }

    /// <summary>
    /// Accepted findings and fixed baseline entries, collapsed: they are known and never block,
    /// and listing them open would bury the new problems of the pull request.
    /// </summary>
    private static void AppendBaseline(StringBuilder text, ActionReport report)
    {
        var paths = report.Paths;
        if (report.Accepted.Count > 0)
        {
            text.AppendLine().Append("<details><summary>").Append(Plural(report.Accepted.Count, "accepted finding"))
                .Append(" (").Append(MarkdownText.Inline(report.Baseline ?? "baseline")).AppendLine(")</summary>").AppendLine();
            text.AppendLine("| | Where | Rule | Finding |").AppendLine("|---|---|---|---|");
            // Capped: a whole-tree run of an old universe accepts hundreds, and the comment has a size limit.
            foreach (var d in report.Accepted.Take(AcceptedRows))
            {
                var file = paths.ToRepository(d.File);
                var where = file is null ? "(repository)" : d.Line > 0 ? $"{file}:{d.Line}:{d.Column}" : file;
                text.Append("| ").Append(Icon(d.Severity)).Append(" | ").Append(MarkdownText.Code(where, inTable: true)).Append(" | ").Append(MarkdownText.Inline(d.Code, inTable: true)).Append(" | ").Append(MarkdownText.Inline(d.Message, inTable: true)).AppendLine(" |");
            }
            if (report.Accepted.Count > AcceptedRows)
            {
                text.AppendLine().Append("… and ").Append(report.Accepted.Count - AcceptedRows).AppendLine(" more, listed in the report file (`accepted`).");
            }
            text.AppendLine().AppendLine("</details>");
        }
        if (report.Fixed.Count > 0)
        {
            var count = report.Fixed.Sum(e => e.Count);
            text.AppendLine().Append("<details><summary>").Append(Plural(count, "baselined finding")).Append(count == 1 ? " is" : " are")
                .Append(" fixed: run <code>").Append(WebUtility.HtmlEncode(PruneCommand.For(paths.Prefix)))
                .AppendLine("</code> from the repository root to drop them from the baseline</summary>").AppendLine();
            foreach (var entry in report.Fixed.Take(AcceptedRows))
            {
                text.Append("- ").Append(MarkdownText.Code(paths.ToRepository(entry.File))).Append(' ').Append(MarkdownText.Inline(entry.Code));
                if (entry.Count > 1) text.Append(" ×").Append(entry.Count);
                text.AppendLine();
            }
            text.AppendLine().AppendLine("</details>");
        }
    }

    public static string Counts(ActionReport report) =>
        report.Errors == 0 && report.Warnings == 0 && report.Accepted.Count == 0
            ? "no problems"
            : $"{Plural(report.Errors, "error")}, {Plural(report.Warnings, "warning")}{(report.Accepted.Count > 0 ? $", {report.Accepted.Count} accepted" : "")}";

    private static string Plural(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";

    private static string Icon(string severity) => severity switch
    {
        "error" => "❌",
        "warning" => "⚠️",
        _ => "ℹ️",
    };

    /// <summary>
    /// A repository path in a URL: each segment percent-encoded, so no character of it can end the
    /// link (only paths <see cref="ReportedPath.CanLink"/> accepts get here, so none leaves the repository).
    /// </summary>
    private static string FileUrl(string path) => string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
}
