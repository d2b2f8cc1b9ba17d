using System.Text;
using Pipeline.Diagnostics.Reports;
using Pipeline.Promotion.Planning;

namespace Pipeline.Promotion.PullRequests;

/// <summary>The title, commit message and Markdown body of a promotion's pull request.</summary>
public static class PromotionPullRequestBody
{
    public static string Title(PromotionPlan plan) => $"Promote {plan.Name} {plan.Version}";

    public static string CommitMessage(PromotionPlan plan) =>
        $"Promote {plan.Name} {plan.Version} as revision {plan.Revision}\n\nFrom {plan.Source.Location} (revision {plan.Source.ReleaseVersion}) by universe promote.";

    public static string Build(PromotionPlan plan, ValidationReport? validation)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var body = new StringBuilder();
        body.Append("Promotes **").Append(MarkdownText.Inline(plan.Name)).Append("** ").Append(MarkdownText.Code(plan.Version)).Append(" from ").Append(MarkdownText.Code(plan.Source.Location))
            .Append(" (revision ").Append(plan.Source.ReleaseVersion).Append(") as ")
            .Append(plan.NewPackage ? "a new package, revision " : "revision ").Append(plan.Revision).AppendLine(".");
        body.AppendLine().AppendLine("### Files").AppendLine();
        foreach (var path in plan.Paths) body.Append("- ").AppendLine(MarkdownText.Code(path));
        ValidationSummaryMarkdown.Append(body, validation);
        body.AppendLine().AppendLine("<!-- universe promote: this pull request is updated, not duplicated, when the promotion runs again -->");
        return body.ToString();
    }
}
