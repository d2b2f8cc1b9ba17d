using Pipeline.Action.Inputs;
using Pipeline.Action.Reports;
using Pipeline.GitHub.Checks;
using Pipeline.GitHub.Errors;
using Pipeline.GitHub;

namespace Pipeline.Action.Posting;

/// <summary>
/// Puts a report on its pull request: the sticky comment, a check run with every diagnostic as
/// an annotation, and the labels. Each part is tried on its own; a part GitHub refuses is
/// reported as a warning and never hides the validation result.
/// </summary>
public sealed class ReportPoster(GitHubApi github, TextWriter log)
{
    public const string CheckRunName = "Universe validation";

    /// <summary>
    /// The check run of a report a fork's run made. That run executed the pull request's own copy
    /// of the workflow, so its report is the contributor's claim: under its own name it can never
    /// satisfy a branch protection rule that requires <see cref="CheckRunName"/>.
    /// </summary>
    public const string ForkCheckRunName = "Universe validation (fork's own report)";

    public sealed record Outcome(bool Commented, bool CheckRun, bool Labelled);

    /// <param name="repositoryUrl">The repository's page, for links to files in the comment; null for none.</param>
    /// <param name="checkRunName">The check run's name: <see cref="ForkCheckRunName"/> for a fork's report.</param>
    public async Task<Outcome> PostAsync(RepositorySlug repository, ActionReport report, ActionInputs inputs, Uri? runUrl, CancellationToken cancellationToken, Uri? repositoryUrl = null, string checkRunName = CheckRunName)
    {
        var markdown = ReportMarkdown.Write(report, repositoryUrl);
        var commented = false;
        var checkRun = false;
        var labelled = false;
        if (report.PullRequest is { } number && inputs.Comment)
        {
            commented = await Try("post the pull request comment", async () =>
            {
                var result = await github.StickyComment().PublishAsync(repository, number, markdown, runUrl, cancellationToken);
                log.WriteLine($"comment {result.Action.ToString().ToLowerInvariant()} (id {result.CommentId}){(result.Truncated ? ", cut to fit GitHub's limit" : "")}");
            });
        }
        if (report.HeadSha is { } sha)
        {
            checkRun = await Try("create the check run", async () =>
            {
                // GitHub places annotations by repository path.
                var diagnostics = report.InRepository().Select(d => d.ToDiagnostic()).ToArray();
                var conclusion = report.Errors > 0 || inputs.FailOnWarnings && report.Warnings > 0
                    ? CheckRunConclusion.Failure
                    : CheckRunConclusion.Success;
                var request = new CheckRunRequest(checkRunName, sha, ReportMarkdown.Counts(report), markdown) { DetailsUrl = runUrl };
                var result = await github.CheckRuns.ReportAsync(repository, request, diagnostics, conclusion, cancellationToken);
                log.WriteLine($"check run {result.CheckRunId}: {result.Annotations} annotations in {result.Batches} requests{(result.NotAnnotated > 0 ? $" ({result.NotAnnotated} more in the report file only)" : "")}, {result.Conclusion.ToString().ToLowerInvariant()}");
            });
        }
        if (report.PullRequest is { } pr && inputs.Labels is { } names)
        {
            labelled = await Try("update the labels", async () =>
            {
                var add = new List<string>();
                var remove = new List<string>();
                (report.Changes.Any(c => c.Kind == "NewPackage") ? add : remove).Add(names.NewPackage);
                (report.Changes.Any(c => c.Kind == "Update") ? add : remove).Add(names.Update);
                (report.Errors > 0 ? add : remove).Add(names.NeedsFixes);
                var change = await github.Labels.ApplyAsync(repository, pr, add, remove, cancellationToken);
                if (change.Added.Count + change.Removed.Count > 0)
                {
                    log.WriteLine($"labels: {string.Join(", ", change.Added.Select(l => "+" + l).Concat(change.Removed.Select(l => "-" + l)))}");
                }
            });
        }
        return new Outcome(commented, checkRun, labelled);
    }

    private async Task<bool> Try(string what, Func<Task> action)
    {
        try
        {
            await action();
            return true;
        }
        catch (Exception e) when (e is GitHubReportException or TaskCanceledException)
        {
            log.WriteLine($"::warning title=Could not {WorkflowCommands.Property(what)}::{WorkflowCommands.Data(e.Message)}");
            return false;
        }
    }
}
