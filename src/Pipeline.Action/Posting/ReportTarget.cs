using Octokit;
using Pipeline.Action.Reports;
using Pipeline.Changes;
using Pipeline.GitHub;
using Pipeline.GitHub.Errors;
using Pipeline.GitHub.Retries;

namespace Pipeline.Action.Posting;

/// <summary>
/// Decides which pull request a report from a <c>workflow_run</c> may be posted to. The report
/// file was written by a run of the pull request's own (untrusted) code, so the number in it is
/// only believed when the finished run says the same: the run lists that pull request, or —
/// for forks, whose runs list none — the pull request's head is the commit the run validated.
/// </summary>
internal static class ReportTarget
{
    public static async Task<int?> CheckAsync(IGitHubClient client, GitHubRetryPolicy retry, RepositorySlug repository, ActionReport report, GitHubContext context, TextWriter log, CancellationToken cancellationToken)
    {
        if (report.PullRequest is not { } number)
        {
            log.WriteLine("::notice title=Report::the report is not about a pull request; nothing to post");
            return null;
        }
        if (context.EventPath is null)
        {
            log.WriteLine("::error title=Report::mode report runs from a workflow_run event (GITHUB_EVENT_PATH is not set)");
            return null;
        }
        if (GitHubEventReader.Read(context.EventPath) is not WorkflowRunEvent run)
        {
            log.WriteLine("::error title=Report::mode report runs from a workflow_run event; this event is not one");
            return null;
        }
        if (report.HeadSha is { } sha && !string.Equals(sha, run.HeadSha, StringComparison.OrdinalIgnoreCase))
        {
            log.WriteLine($"::error title=Report::the report is about commit {sha}, but the finished run validated {run.HeadSha}; not posting");
            return null;
        }
        if (run.PullRequests.Count > 0)
        {
            if (run.PullRequests.Contains(number)) return number;
            log.WriteLine($"::error title=Report::the report names pull request #{number}, which the finished run does not list ({string.Join(", ", run.PullRequests.Select(n => "#" + n))}); not posting");
            return null;
        }
        try
        {
            var pullRequest = await retry.RunAsync("read the pull request", () => client.PullRequest.Get(repository.Owner, repository.Name, number), cancellationToken);
            if (string.Equals(pullRequest.Head.Sha, run.HeadSha, StringComparison.OrdinalIgnoreCase)) return number;
            log.WriteLine($"::error title=Report::pull request #{number} is at {pullRequest.Head.Sha}, not at the validated {run.HeadSha} (pushed again since?); not posting");
            return null;
        }
        catch (Exception e) when (e is GitHubReportException or ApiException or HttpRequestException)
        {
            log.WriteLine($"::error title=Report::pull request #{number} cannot be read: {WorkflowCommands.Data(e.Message)}");
            return null;
        }
    }
}
