using System.Text;

namespace Pipeline.Diagnostics.Reports;

/// <summary>
/// The "Validation" section of a pull request the tool opens (a promotion, a bump): passed or
/// failed with the counts, then the findings, neutralized by <see cref="MarkdownText"/>, at most
/// <see cref="MaxListed"/> of them and a count of the rest.
/// </summary>
public static class ValidationSummaryMarkdown
{
    /// <summary>Diagnostics listed; the rest are counted.</summary>
    public const int MaxListed = 50;

    public static StringBuilder Append(StringBuilder body, ValidationReport? validation)
    {
        ArgumentNullException.ThrowIfNull(body);
        body.AppendLine().AppendLine("### Validation").AppendLine();
        if (validation is null) return body.AppendLine("Not validated.");
        if (validation.Diagnostics.Count == 0) return body.AppendLine("Passed the pull-request rules for this package: no findings.");
        body.Append(validation.Errors == 0 ? "Passed" : "Failed").Append(" the pull-request rules for this package: ")
            .Append(validation.Errors).Append(" error(s), ").Append(validation.Warnings).Append(" warning(s), ")
            .Append(validation.Notes).AppendLine(" note(s).").AppendLine();
        foreach (var d in validation.Diagnostics.Take(MaxListed)) body.AppendLine(Line(d));
        if (validation.Diagnostics.Count > MaxListed) body.Append("- … and ").Append(validation.Diagnostics.Count - MaxListed).AppendLine(" more");
        return body;
    }

    private static string Line(Diagnostic d) => $"- {d.Severity.ToString().ToLowerInvariant()} {d.Code} {MarkdownText.Code(d.File)}: {MarkdownText.Inline(d.Message)}";
}
