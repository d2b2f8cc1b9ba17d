using Octokit;
using Pipeline.GitHub.Errors;
using Pipeline.GitHub.Retries;

namespace Pipeline.GitHub.Identity;

/// <summary>
/// Who the token acts as: the login GitHub puts on what we create. <c>GET /user</c> answers for a
/// personal access token (its user). For an installation token — the workflow's GITHUB_TOKEN — it
/// answers 403, and what that token creates is authored by <see cref="ActionsBot"/>, so that is who
/// we are then. A GitHub App's own installation token authors as <c>&lt;app&gt;[bot]</c>, which
/// this cannot learn without the app's key: such a caller gets a fresh comment instead of an
/// update, never someone else's comment edited.
/// </summary>
internal static class TokenIdentity
{
    /// <summary>The author of everything the Actions GITHUB_TOKEN creates.</summary>
    public const string ActionsBot = "github-actions[bot]";

    public static async Task<string> LoginAsync(IGitHubClient client, GitHubRetryPolicy retry, CancellationToken cancellationToken = default) =>
        await UserLoginAsync(client, retry, cancellationToken).ConfigureAwait(false) ?? ActionsBot;

    /// <summary>The token's user's login; null for an installation token, which acts as no user (and cannot fork).</summary>
    public static async Task<string?> UserLoginAsync(IGitHubClient client, GitHubRetryPolicy retry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(retry);
        try
        {
            var user = await retry.RunAsync("find the token's user", () => client.User.Current(), cancellationToken).ConfigureAwait(false);
            return user.Login;
        }
        catch (GitHubReportException error) when (error.StatusCode is 403 or 404)
        {
            return null;
        }
    }
}
