using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Pipeline.Testing.FakeGitHub.Endpoints;

/// <summary>What every endpoint needs: the server's state and its public base URL.</summary>
internal sealed class EndpointContext(FakeGitHubServer server)
{
    public Uri Api => server.BaseUrl;

    public FakeGitHubOptions Options => server.Options;

    public FakeRepository Repo(string owner, string name) => server.Repository(owner, name);

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
