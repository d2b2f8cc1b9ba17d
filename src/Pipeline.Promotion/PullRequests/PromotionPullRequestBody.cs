using System.Text;
using Pipeline.Diagnostics.Reports;
using Pipeline.Diagnostics;
using Pipeline.Promotion.Planning;

namespace Pipeline.Promotion.PullRequests;

/// <summary>The title, commit message and Markdown body of a promotion's pull request.</summary>
public static class PromotionPullRequestBody
{
    /// <summary>Diagnostics listed in the body; the rest are counted.</summary>
    private const int MaxListed = 50;

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
        body.AppendLine().AppendLine("### Validation").AppendLine();
        if (validation is null)
        {
            body.AppendLine("Not validated.");
        }
        else if (validation.Diagnostics.Count == 0)
        {
            body.AppendLine("Passed the pull-request rules for this package: no findings.");
        }
        else
        {
            body.Append(validation.Errors == 0 ? "Passed" : "Failed").Append(" the pull-request rules for this package: ")
                .Append(validation.Errors).Append(" error(s), ").Append(validation.Warnings).Append(" warning(s), ")
                .Append(validation.Notes).AppendLine(" note(s).").AppendLine();
            foreach (var d in validation.Diagnostics.Take(MaxListed)) body.AppendLine(Line(d));
            if (validation.Diagnostics.Count > MaxListed) body.Append("- … and ").Append(validation.Diagnostics.Count - MaxListed).AppendLine(" more");
        }
        body.AppendLine().AppendLine("<!-- universe promote: this pull request is updated, not duplicated, when the promotion runs again -->");
        return body.ToString();
    }

    private static string Line(Diagnostic d) => $"- {d.Severity.ToString().ToLowerInvariant()} {d.Code} {MarkdownText.Code(d.File)}: {MarkdownText.Inline(d.Message)}";
}
