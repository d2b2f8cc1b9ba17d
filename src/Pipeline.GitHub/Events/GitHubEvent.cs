namespace Pipeline.GitHub.Events;

/// <summary>
/// What <c>$GITHUB_EVENT_PATH</c> held, as far as the pipeline cares: a pull request, a
/// <c>workflow_run</c> (the second, fork-safe workflow), or why the file could not be used.
/// </summary>
public abstract record GitHubEvent;

/// <summary>A branch or tag name with the commit it pointed to when the event was sent.</summary>
public sealed record GitRef(string Ref, string Sha);

/// <summary>A <c>pull_request</c> (or <c>pull_request_target</c>) event.</summary>
public sealed record PullRequestEvent(
    string? Action,
    int Number,
    string Title,
    GitRef Base,
    GitRef Head,
    string? Repository,
    string? HeadRepository,
    bool IsFork,
    IReadOnlyList<string> Labels,
    bool Draft) : GitHubEvent
{
    /// <summary>The pull request's author (<c>pull_request.user.login</c>), which GitHub sets; null when the payload has none.</summary>
    public string? Author { get; init; }

    /// <summary>The pull request's description (<c>pull_request.body</c>), written by its author; null when empty.</summary>
    public string? Body { get; init; }
}

/// <summary>
/// A <c>workflow_run</c> event: the run that validated a pull request has finished. GitHub leaves
/// <see cref="PullRequests"/> empty for runs from forks, so the caller then finds the number in
/// the run's artifact instead.
/// </summary>
public sealed record WorkflowRunEvent(
    string? Action,
    long Id,
    string? Name,
    string? Event,
    string? Status,
    string? Conclusion,
    string HeadSha,
    string? HeadBranch,
    string? HeadRepository,
    bool IsFork,
    IReadOnlyList<int> PullRequests) : GitHubEvent;

/// <summary>The event file is missing, is not JSON, or is not an event this pipeline handles.</summary>
public sealed record UnusableEvent(string Message) : GitHubEvent;
