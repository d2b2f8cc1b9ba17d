using Pipeline.Action.Inputs;
using Pipeline.Action.Reports;
using Pipeline.GitHub.Errors;
using Pipeline.GitHub;
using Pipeline.GitHub.Events;

namespace Pipeline.Action.Posting;

/// <summary>
/// Decides whether, and to which pull request, a report from a <c>workflow_run</c> may be posted.
/// The report file was written by a run of the pull request's own (untrusted) code, so nothing in
/// it is believed that the finished run does not say too: its head commit must be the run's, a
/// passing report needs a run that concluded <c>success</c>, and the number is only believed when
/// the run lists that pull request or — for forks, whose runs list none — the pull request's head
/// is the commit the run validated.
/// </summary>
internal static class ReportTarget
{
    /// <summary>The pull request to post to and the run that vouches for it.</summary>
    public sealed record Vouched(int PullRequest, WorkflowRunEvent Run)
    {
        /// <summary>A run of a fork (or of a deleted repository): the pull request's author controlled what it ran.</summary>
        public bool FromFork => Run.IsFork || Run.HeadRepository is null;
    }

    public static async Task<Vouched?> CheckAsync(GitHubApi github, RepositorySlug repository, ActionReport report, bool passing, GitHubContext context, TextWriter log, CancellationToken cancellationToken)
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
        return await CheckNumberAsync(github, repository, report, number, passing, run, log, cancellationToken) ? new Vouched(number, run) : null;
    }

    private static async Task<bool> CheckNumberAsync(GitHubApi github, RepositorySlug repository, ActionReport report, int number, bool passing, WorkflowRunEvent run, TextWriter log, CancellationToken cancellationToken)
    {
        if (report.HeadSha is not { } sha || !string.Equals(sha, run.HeadSha, StringComparison.OrdinalIgnoreCase))
        {
            log.WriteLine($"::error title=Report::the report is about commit {WorkflowCommands.Data(report.HeadSha ?? "(none)")}, but the finished run validated {run.HeadSha}; not posting");
            return false;
        }
        if (passing && !string.Equals(run.Conclusion, "success", StringComparison.Ordinal))
        {
            log.WriteLine($"::error title=Report::the report says the pull request passes, but the run that wrote it concluded `{WorkflowCommands.Data(run.Conclusion ?? "(none)")}`; not posting a passing result");
            return false;
        }
        if (run.PullRequests.Count > 0)
        {
            if (run.PullRequests.Contains(number)) return true;
            log.WriteLine($"::error title=Report::the report names pull request #{number}, which the finished run does not list ({string.Join(", ", run.PullRequests.Select(n => "#" + n))}); not posting");
            return false;
        }
        try
        {
            var head = await github.PullRequests.HeadShaAsync(repository, number, cancellationToken);
            if (string.Equals(head, run.HeadSha, StringComparison.OrdinalIgnoreCase)) return true;
            log.WriteLine($"::error title=Report::pull request #{number} is at {head}, not at the validated {run.HeadSha} (pushed again since?); not posting");
            return false;
        }
        catch (GitHubReportException e)
        {
            log.WriteLine($"::error title=Report::pull request #{number} cannot be read: {WorkflowCommands.Data(e.Message)}");
            return false;
        }
    }
}
