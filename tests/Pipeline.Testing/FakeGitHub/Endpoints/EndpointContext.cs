using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Pipeline.Testing.FakeGitHub.Endpoints;

/// <summary>What every endpoint needs: the server's state and its public base URL.</summary>
internal sealed class EndpointContext(FakeGitHubServer server)
{
    public Uri Api => server.BaseUrl;

    public FakeGitHubOptions Options => server.Options;

    public FakeRepository Repo(string owner, string name) => server.Repository(owner, name);

    /// <summary>The repository if a test or a fork made it; null where GitHub would answer 404.</summary>
    public FakeRepository? Find(string owner, string name) => server.FindRepository(owner, name);

    /// <summary>The fork owned by <paramref name="login"/> in <paramref name="repo"/>'s network, or null.</summary>
    public FakeRepository? ForkOwnedBy(FakeRepository repo, string login) =>
        server.Repositories.FirstOrDefault(f => f.ForkedFrom is not null && f.Source == repo.Source && string.Equals(f.Owner, login, StringComparison.OrdinalIgnoreCase));

    public FakeRepository HeadRepo(FakeRepository repo, FakeOpenedPullRequest pull) =>
        pull.HeadOwner is { } owner ? ForkOwnedBy(repo, owner) ?? repo : repo;

    public static async Task<JsonNode?> ReadJsonAsync(HttpRequest request)
    {
        try
        {
            return await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted).ConfigureAwait(false);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    public static IResult ProblemsParsingJson() => GitHubResults.Error(400, "Problems parsing JSON", []);
}
