using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Pipeline.Testing.FakeGitHub.Endpoints;

/// <summary>
/// <c>POST /repos/{owner}/{repo}/forks</c>: makes <c>{login}/{repo}</c> a fork of the repository
/// for the token's user and answers 202 with it, as GitHub does before the fork is ready; an
/// existing fork of the same network is answered again. An installation token cannot fork (403).
/// </summary>
internal static class ForkEndpoints
{
    public static void Map(WebApplication app, EndpointContext ctx)
    {
        app.MapPost("/repos/{owner}/{repo}/forks", (string owner, string repo) =>
        {
            if (ctx.Find(owner, repo) is not { } parent) return GitHubResults.NotFound();
            if (ctx.Options.InstallationToken) return GitHubResults.Error(403, "Resource not accessible by integration", []);
            var login = ctx.Options.Login;
            if (ctx.ForkOwnedBy(parent, login) is { } existing) return Results.Json(GitShapes.Repository(ctx.Api, existing), statusCode: 202);
            if (ctx.Find(login, repo) is not null) return GitHubResults.Error(422, "The fake does not rename forks: a repository of that name exists", []);
            var fork = ctx.Repo(login, repo);
            fork.ForkFrom(parent, ctx.Options.ForkNotReadyReads);
            return Results.Json(GitShapes.Repository(ctx.Api, fork), statusCode: 202);
        });
    }
}
