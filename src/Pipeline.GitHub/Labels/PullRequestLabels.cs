using Octokit;
using Pipeline.GitHub.Errors;
using Pipeline.GitHub.Retries;

namespace Pipeline.GitHub.Labels;

/// <param name="Added">Labels that were not there and now are.</param>
/// <param name="Removed">Labels that were there and now are not.</param>
public sealed record LabelChange(IReadOnlyList<string> Added, IReadOnlyList<string> Removed);

/// <summary>
/// Puts the pull request's labels (new package, update, needs fixes; names given by the caller)
/// into the wanted state. Idempotent: a second run with the same input sends no change.
/// </summary>
public sealed class PullRequestLabels : GitHubConcern
{
    internal PullRequestLabels(IGitHubClient client, GitHubRetryPolicy retry)
        : base(client, retry)
    {
    }

    /// <param name="add">Labels that must be present.</param>
    /// <param name="remove">Labels that must be absent; a label in both lists stays.</param>
    public async Task<LabelChange> ApplyAsync(
        RepositorySlug repo, int number, IEnumerable<string> add, IEnumerable<string> remove, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repo);
        var wanted = add.Where(n => !string.IsNullOrWhiteSpace(n)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var unwanted = remove.Where(n => !wanted.Contains(n, StringComparer.OrdinalIgnoreCase)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

        var current = await Retry.RunAsync($"list labels of {repo}#{number}",
            () => Client.Issue.Labels.GetAllForIssue(repo.Owner, repo.Name, number), cancellationToken).ConfigureAwait(false);
        // GitHub compares label names without case.
        var has = new HashSet<string>(current.Select(l => l.Name), StringComparer.OrdinalIgnoreCase);

        var toAdd = wanted.Where(n => !has.Contains(n)).ToArray();
        if (toAdd.Length > 0)
        {
            await Retry.RunAsync($"add labels to {repo}#{number}",
                () => Client.Issue.Labels.AddToIssue(repo.Owner, repo.Name, number, toAdd), cancellationToken).ConfigureAwait(false);
        }

        var removed = new List<string>();
        foreach (var name in unwanted.Where(has.Contains))
        {
            try
            {
                // The name is one path segment: Octokit puts it in the URL as it is, so a '/', '?',
                // '#' or '%' in it would name another route, start a query or cut the name short.
                await Retry.RunAsync($"remove label '{name}' from {repo}#{number}",
                    () => Client.Issue.Labels.RemoveFromIssue(repo.Owner, repo.Name, number, Uri.EscapeDataString(name)), cancellationToken).ConfigureAwait(false);
                removed.Add(name);
            }
            catch (GitHubReportException error) when (error.StatusCode == 404)
            {
                // Someone removed it meanwhile: the wanted state is reached all the same.
            }
        }
        return new LabelChange(toAdd, removed);
    }
}
