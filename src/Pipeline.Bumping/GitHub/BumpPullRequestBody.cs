using System.Globalization;
using System.Text;
using Pipeline.Diagnostics.Reports;

namespace Pipeline.Bumping.GitHub;

/// <summary>
/// The title, commit message and Markdown body of a bump's pull request: what changed, the assets
/// with their sha256, the release, the files, the validation summary, and the hidden
/// <see cref="BumpMetadata"/> line. Every value from the plan goes through <see cref="MarkdownText"/>,
/// so a version or a change line can neither ping anyone nor open HTML.
/// </summary>
public static class BumpPullRequestBody
{
    /// <summary>Lines of <see cref="BumpPlan.Changes"/> and assets listed; the rest are counted.</summary>
    private const int MaxListed = 100;

    public static string Title(BumpPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return $"Bump {plan.Name} to {plan.Version}";
    }

    public static string CommitMessage(BumpPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return $"Bump {plan.Name} to {plan.Version} as revision {plan.Revision}\n\nFrom revision {plan.PreviousRevision} ({plan.PreviousVersion}) by universe bump.";
    }

    public static string Build(BumpPlan plan, ValidationReport? validation)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var body = new StringBuilder();
        body.Append("Bumps **").Append(MarkdownText.Inline(plan.Name)).Append("** from ").Append(MarkdownText.Code(plan.PreviousVersion))
            .Append(" (revision ").Append(plan.PreviousRevision).Append(") to ").Append(MarkdownText.Code(plan.Version))
            .Append(" as revision ").Append(plan.Revision).AppendLine(".");
        if (plan.SourceRepository is { } source) body.AppendLine().Append("From ").Append(MarkdownText.Code(source));
        if (ReleaseLink(plan.ReleaseUrl) is { } release) body.Append(plan.SourceRepository is null ? "\nRelease: " : ", release ").Append(release);
        if (plan.SourceRepository is not null || plan.ReleaseUrl is not null) body.AppendLine(".");

        body.AppendLine().AppendLine("### What changed").AppendLine();
        if (plan.Changes.Count == 0) body.AppendLine("Nothing but the version.");
        foreach (var change in plan.Changes.Take(MaxListed)) body.Append("- ").AppendLine(MarkdownText.Inline(change));
        More(body, plan.Changes.Count);

        if (plan.Assets.Count > 0)
        {
            body.AppendLine().AppendLine("### Assets").AppendLine();
            body.AppendLine("| asset | URL | sha256 | bytes |").AppendLine("|---|---|---|---|");
            foreach (var asset in plan.Assets.Take(MaxListed))
            {
                body.Append("| ").Append(MarkdownText.Code(asset.Key, inTable: true))
                    .Append(" | ").Append(MarkdownText.Code(asset.Url, inTable: true))
                    .Append(" | ").Append(asset.Sha256 is null ? "(not recorded)" : MarkdownText.Code(asset.Sha256, inTable: true))
                    .Append(" | ").Append(asset.Size.ToString("N0", CultureInfo.InvariantCulture)).AppendLine(" |");
            }
            More(body, plan.Assets.Count);
        }

        body.AppendLine().AppendLine("### Files").AppendLine();
        foreach (var path in plan.Paths) body.Append("- ").AppendLine(MarkdownText.Code(path));
        ValidationSummaryMarkdown.Append(body, validation);
        body.AppendLine().AppendLine("<!-- universe bump: this pull request is updated, not duplicated, when the bump runs again for the same version -->");
        body.AppendLine(new Changes.Bumps.BumpMetadata(plan.Name, plan.Version, plan.SourceRepository, plan.ReleaseUrl).ToLine());
        return body.ToString();
    }

    /// <summary>
    /// A link only to an absolute http(s) URL, written in its escaped form inside &lt;…&gt; (no
    /// space, angle bracket or backtick survives escaping); anything else is shown as code.
    /// </summary>
    private static string? ReleaseLink(string? url)
    {
        if (url is null) return null;
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && uri.AbsoluteUri.IndexOfAny(['<', '>', '`', ' ']) < 0
            ? $"<{uri.AbsoluteUri}>"
            : MarkdownText.Code(url);
    }

    private static void More(StringBuilder body, int count)
    {
        if (count > MaxListed) body.Append("- … and ").Append(count - MaxListed).AppendLine(" more");
    }
}
