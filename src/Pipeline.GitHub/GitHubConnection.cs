using Octokit;
using Octokit.Internal;

namespace Pipeline.GitHub;

/// <summary>Makes the Octokit client every feature here talks through.</summary>
public static class GitHubConnection
{
    public const string DefaultApiUrl = "https://api.github.com";

    /// <summary>The API URL to use given the value of <c>GITHUB_API_URL</c> (null or blank → GitHub.com).</summary>
    public static string ApiUrlOrDefault(string? githubApiUrl) =>
        string.IsNullOrWhiteSpace(githubApiUrl) ? DefaultApiUrl : githubApiUrl.Trim();

    /// <summary>
    /// A client for <paramref name="apiUrl"/> taken as is. The <c>GitHubClient(header, uri)</c>
    /// constructor would rewrite a non-GitHub.com path to <c>/api/v3/</c>; GitHub Enterprise Server
    /// already gives the full API root in <c>GITHUB_API_URL</c>, so we build the connection ourselves.
    /// </summary>
    internal static IGitHubClient Create(string apiUrl, string? token)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(apiUrl);
        var credentials = string.IsNullOrEmpty(token) ? Credentials.Anonymous : new Credentials(token);
        var connection = new Connection(
            new ProductHeaderValue("universe-pipeline"),
            new Uri(apiUrl.TrimEnd('/') + "/"),
            new InMemoryCredentialStore(credentials));
        return new GitHubClient(connection);
    }
}
