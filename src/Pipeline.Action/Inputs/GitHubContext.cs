using Pipeline.Diagnostics.Runs;
using Pipeline.GitHub;

namespace Pipeline.Action.Inputs;

/// <summary>The standard GITHUB_* variables of a workflow run that the action uses.</summary>
public sealed record GitHubContext
{
    public string ApiUrl { get; init; } = GitHubConnection.DefaultApiUrl;
    public string ServerUrl { get; init; } = "https://github.com";
    public RepositorySlug? Repository { get; init; }
    public string? EventName { get; init; }
    public string? EventPath { get; init; }
    public string? Sha { get; init; }
    public string? Workspace { get; init; }
    public string? RunId { get; init; }
    public string? StepSummary { get; init; }
    public string? Output { get; init; }
    public bool IsActions { get; init; }

    /// <summary>RUNNER_TEMP: the job's temporary folder, emptied at the start and end of each job.</summary>
    public string? RunnerTemp { get; init; }

    /// <summary>The repository's page, for links to its files.</summary>
    public Uri? RepositoryUrl => Repository is { } repo ? new Uri($"{ServerUrl.TrimEnd('/')}/{repo.Owner}/{repo.Name}") : null;

    /// <summary>The run's page, where the job summary with the full report is.</summary>
    public Uri? RunUrl => Repository is { } repo && RunId is { } run
        ? new Uri($"{ServerUrl.TrimEnd('/')}/{repo.Owner}/{repo.Name}/actions/runs/{run}")
        : null;

    public static GitHubContext Read(ProcessEnvironment environment, List<string> problems)
    {
        RepositorySlug? repository = null;
        if (environment["GITHUB_REPOSITORY"] is { } slug)
        {
            try
            {
                repository = RepositorySlug.Parse(slug);
            }
            catch (ArgumentException e)
            {
                problems.Add($"GITHUB_REPOSITORY `{slug}` is not owner/name: {e.Message}");
            }
        }
        return new GitHubContext
        {
            ApiUrl = GitHubConnection.ApiUrlOrDefault(environment["GITHUB_API_URL"]),
            ServerUrl = environment["GITHUB_SERVER_URL"] ?? "https://github.com",
            Repository = repository,
            EventName = environment["GITHUB_EVENT_NAME"],
            EventPath = environment["GITHUB_EVENT_PATH"],
            Sha = environment["GITHUB_SHA"],
            Workspace = environment["GITHUB_WORKSPACE"],
            RunId = environment["GITHUB_RUN_ID"],
            StepSummary = environment["GITHUB_STEP_SUMMARY"],
            Output = environment["GITHUB_OUTPUT"],
            IsActions = environment["GITHUB_ACTIONS"] == "true",
            RunnerTemp = environment["RUNNER_TEMP"],
        };
    }
}
