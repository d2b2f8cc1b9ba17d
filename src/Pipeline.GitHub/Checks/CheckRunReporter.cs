using Octokit;
using Pipeline.Diagnostics;
using Pipeline.Diagnostics.Reports;
using Pipeline.GitHub.Comments;
using Pipeline.GitHub.Errors;
using Pipeline.GitHub.Retries;

namespace Pipeline.GitHub.Checks;

/// <summary>
/// Reports diagnostics as a check run: created in progress, annotated in batches of 50 (GitHub's
/// cap per request), then completed with a conclusion. At most <see cref="PostingLimit.Total"/>
/// diagnostics are annotated (<see cref="PostingLimit.PerFile"/> per file, errors first), so a run
/// makes at most ten annotation requests of the thousand an hour a workflow token has; the summary
/// counts the rest.
/// </summary>
/// <remarks>A run's completion time is read from the retry policy's <see cref="GitHubRetryPolicy.Clock"/>.</remarks>
public sealed class CheckRunReporter : GitHubConcern
{
    internal CheckRunReporter(IGitHubClient client, GitHubRetryPolicy retry)
        : base(client, retry)
    {
    }

    public const int AnnotationsPerRequest = 50;

    // GitHub's limit on a check run output summary.
    private const int MaxSummary = 65_535;

    public async Task<CheckRunReport> ReportAsync(
        RepositorySlug repo, CheckRunRequest request, IReadOnlyList<Diagnostic> diagnostics, CheckRunConclusion conclusion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repo);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var (annotated, left) = PostingLimit.Pick(diagnostics, d => d.File, d => d.Severity);
        // The note goes first, so cutting the summary to GitHub's limit never drops it.
        var note = left == 0 ? "" : $"> {PostingLimit.LeftOut(left, "the report file (the workflow run's artifact)")}\n\n";
        var summary = CommentBody.Fit(note, request.Summary, request.DetailsUrl, MaxSummary).Body;

        var created = await Retry.RunAsync($"create check run '{request.Name}' on {repo}", () => Client.Check.Run.Create(repo.Owner, repo.Name,
            new NewCheckRun(request.Name, request.HeadSha)
            {
                Status = CheckStatus.InProgress,
                DetailsUrl = request.DetailsUrl?.ToString(),
                Output = new NewCheckRunOutput(request.Title, summary),
            }), cancellationToken).ConfigureAwait(false);

        var batches = annotated.Select(DiagnosticAnnotations.ToAnnotation).Chunk(AnnotationsPerRequest).ToList();
        try
        {
            for (var i = 0; i < batches.Count; i++)
            {
                var batch = batches[i];
                await Retry.RunAsync($"annotate check run {created.Id} on {repo} (batch {i + 1} of {batches.Count})", () => Client.Check.Run.Update(
                    repo.Owner, repo.Name, created.Id,
                    new CheckRunUpdate { Output = new NewCheckRunOutput(request.Title, summary) { Annotations = batch } }), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (GitHubReportException)
        {
            await CloseAfterFailureAsync(repo, created.Id, request, note, conclusion, cancellationToken).ConfigureAwait(false);
            throw;
        }

        await Retry.RunAsync($"complete check run {created.Id} on {repo}", () => Client.Check.Run.Update(repo.Owner, repo.Name, created.Id,
            Completion(request, summary, conclusion)), cancellationToken).ConfigureAwait(false);

        return new CheckRunReport(created.Id, annotated.Count, batches.Count, conclusion) { NotAnnotated = left };
    }

    /// <summary>
    /// Best effort: a run left "in progress" would block a required check forever. It closes with
    /// the conclusion the diagnostics call for, not neutral, as a required check accepts neutral:
    /// a failed annotation request must not let errors through. The summary says what is missing.
    /// </summary>
    private async Task CloseAfterFailureAsync(
        RepositorySlug repo, long id, CheckRunRequest request, string note, CheckRunConclusion conclusion, CancellationToken cancellationToken)
    {
        var summary = CommentBody.Fit($"> Sending the annotations to GitHub failed, so they are not shown here; see the job log and summary.\n\n{note}", request.Summary, request.DetailsUrl, MaxSummary).Body;
        try
        {
            await Retry.RunAsync($"close check run {id} on {repo}", () => Client.Check.Run.Update(repo.Owner, repo.Name, id,
                Completion(request, summary, conclusion)), cancellationToken).ConfigureAwait(false);
        }
        catch (GitHubReportException)
        {
            // The original failure is the one worth reporting.
        }
    }

    private CheckRunUpdate Completion(CheckRunRequest request, string summary, CheckRunConclusion conclusion) => new()
    {
        Status = CheckStatus.Completed,
        Conclusion = ToOctokit(conclusion),
        CompletedAt = Retry.Clock.GetUtcNow(),
        Output = new NewCheckRunOutput(request.Title, summary),
    };

    private static CheckConclusion ToOctokit(CheckRunConclusion conclusion) => conclusion switch
    {
        CheckRunConclusion.Success => CheckConclusion.Success,
        CheckRunConclusion.Failure => CheckConclusion.Failure,
        _ => CheckConclusion.Neutral,
    };
}
