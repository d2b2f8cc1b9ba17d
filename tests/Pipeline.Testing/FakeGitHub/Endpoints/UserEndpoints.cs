using Microsoft.AspNetCore.Builder;

namespace Pipeline.Testing.FakeGitHub.Endpoints;

/// <summary><c>GET /user</c>: the token's user for a personal access token, 403 for an installation token (GITHUB_TOKEN), as on GitHub.</summary>
internal static class UserEndpoints
{
    public static void Map(WebApplication app, EndpointContext ctx)
    {
        app.MapGet("/user", () => ctx.Options.InstallationToken
            ? GitHubResults.Error(403, "Resource not accessible by integration", [])
            : GitHubResults.Ok(GitHubShapes.User(ctx.Api, ctx.Options.Login)));
    }
}
