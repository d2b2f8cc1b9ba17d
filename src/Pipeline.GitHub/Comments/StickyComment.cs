using System.Text.RegularExpressions;
using Octokit;
using Pipeline.GitHub.Errors;
using Pipeline.GitHub.Identity;
using Pipeline.GitHub.Retries;

namespace Pipeline.GitHub.Comments;

/// <summary>
/// The one comment a workflow keeps on a pull request: found by a hidden marker and by its author
/// (the token's own identity, <see cref="TokenIdentity"/>), updated in place, created only when
/// missing. Anyone can write the marker into a comment; only a comment we authored is ours to edit.
/// The key lets two workflows each keep their own.
/// </summary>
public sealed partial class StickyComment : GitHubConcern
{
    private string? _login;

    internal StickyComment(IGitHubClient client, GitHubRetryPolicy retry, string key = "report")
        : base(client, retry)
    {
        // The key sits inside an HTML comment: "--" or ">" would end it early and show the marker.
        if (!KeyPattern().IsMatch(key)) throw new ArgumentException($"Sticky comment key '{key}' must be letters, digits, '.', '_' or '-' (no '--').", nameof(key));
        Marker = $"<!-- universe-pipeline:{key} -->";
    }

    public string Marker { get; }

    /// <summary>
    /// Makes our comment on <paramref name="issueNumber"/> say <paramref name="markdown"/>, cut to fit
    /// GitHub's limit with a link to <paramref name="fullReportUrl"/> when too long.
    /// </summary>
    public async Task<StickyCommentResult> PublishAsync(RepositorySlug repo, int issueNumber, string markdown, Uri? fullReportUrl, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repo);
        var ours = await FindOursAsync(repo, issueNumber, cancellationToken).ConfigureAwait(false);
        var newest = ours.Count == 0 ? null : ours[^1];
        var note = ours.Count > 1
            ? $"{ours.Count} comments carry the marker {Marker}; updated the newest ({newest!.Id}) and left the others."
            : null;

        var (body, truncated) = CommentBody.Fit(Marker + "\n", markdown, fullReportUrl, CommentBody.GitHubLimit);
        if (newest is not null && newest.Body == body)
            return new StickyCommentResult(newest.Id, StickyCommentAction.Unchanged, truncated, ours.Count - 1, note);

        try
        {
            return await SendAsync(repo, issueNumber, newest, body, truncated, ours.Count, note, cancellationToken).ConfigureAwait(false);
        }
        catch (GitHubReportException error) when (IsTooLong(error))
        {
            // GitHub measured the body longer than we did (it may count what it renders, or bytes).
            // Halve the budget: a wide margin is cheap since the note links the full report.
            (body, _) = CommentBody.Fit(Marker + "\n", markdown, fullReportUrl, CommentBody.GitHubLimit / 2);
            return await SendAsync(repo, issueNumber, newest, body, true, ours.Count, note, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<StickyCommentResult> SendAsync(
        RepositorySlug repo, int issueNumber, IssueComment? existing, string body, bool truncated, int found, string? note, CancellationToken cancellationToken)
    {
        if (existing is null)
        {
            var created = await Retry.RunAsync($"comment on {repo}#{issueNumber}",
                () => Client.Issue.Comment.Create(repo.Owner, repo.Name, issueNumber, body), cancellationToken).ConfigureAwait(false);
            return new StickyCommentResult(created.Id, StickyCommentAction.Created, truncated, 0, note);
        }

        var updated = await Retry.RunAsync($"update comment {existing.Id} on {repo}#{issueNumber}",
            () => Client.Issue.Comment.Update(repo.Owner, repo.Name, existing.Id, body), cancellationToken).ConfigureAwait(false);
        return new StickyCommentResult(updated.Id, StickyCommentAction.Updated, truncated, found - 1, note);
    }

    /// <summary>Our comments (marked, and authored by the token's identity), oldest first, read across every page of the issue's comments.</summary>
    private async Task<IReadOnlyList<IssueComment>> FindOursAsync(RepositorySlug repo, int issueNumber, CancellationToken cancellationToken)
    {
        _login ??= await TokenIdentity.LoginAsync(Client, Retry, cancellationToken).ConfigureAwait(false);
        var all = await Retry.RunAsync($"list comments on {repo}#{issueNumber}",
            () => Client.Issue.Comment.GetAllForIssue(repo.Owner, repo.Name, issueNumber, new ApiOptions { PageSize = 100 }),
            cancellationToken).ConfigureAwait(false);
        return all.Where(c => c.Body is not null && c.Body.Contains(Marker, StringComparison.Ordinal)
                              && string.Equals(c.User?.Login, _login, StringComparison.OrdinalIgnoreCase))
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .ToList();
    }

    private static bool IsTooLong(GitHubReportException error) =>
        error.StatusCode == 422
        && error.ValidationErrors.Any(e => e.Field == "body" && (e.Message?.Contains("too long", StringComparison.OrdinalIgnoreCase) ?? false));

    [GeneratedRegex("^(?!.*--)[A-Za-z0-9._-]+$")]
    private static partial Regex KeyPattern();
}
