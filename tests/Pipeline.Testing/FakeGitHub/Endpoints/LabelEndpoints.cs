using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Pipeline.Testing.FakeGitHub.Endpoints;

internal static class LabelEndpoints
{
    public static void Map(WebApplication app, EndpointContext ctx)
    {
        app.MapGet("/repos/{owner}/{repo}/issues/{number:int}/labels", (HttpContext http, string owner, string repo, int number) =>
        {
            var r = ctx.Repo(owner, repo);
            var page = Pagination.Page(http, ctx.Api, r.Labels(number));
            return GitHubResults.Ok(page.Select(l => GitHubShapes.Label(ctx.Api, r, l)).ToArray());
        });

        app.MapPost("/repos/{owner}/{repo}/issues/{number:int}/labels", async (HttpContext http, string owner, string repo, int number) =>
        {
            var json = await EndpointContext.ReadJsonAsync(http.Request).ConfigureAwait(false);
            // GitHub takes either {"labels": [...]} or a bare array of names.
            var names = (json is System.Text.Json.Nodes.JsonArray array ? array : json?["labels"]?.AsArray())
                ?.Select(n => n?.GetValue<string>()).OfType<string>().ToList();
            if (names is null) return EndpointContext.ProblemsParsingJson();
            if (names.Exists(string.IsNullOrWhiteSpace))
                return GitHubResults.ValidationFailed(new FakeValidationError("Label", "invalid", "name"));
            var r = ctx.Repo(owner, repo);
            var all = r.AddLabels(number, names);
            return GitHubResults.Ok(all.Select(l => GitHubShapes.Label(ctx.Api, r, l)).ToArray());
        });

        app.MapDelete("/repos/{owner}/{repo}/issues/{number:int}/labels/{name}", (string owner, string repo, int number, string name) =>
        {
            var r = ctx.Repo(owner, repo);
            return r.RemoveLabel(number, Uri.UnescapeDataString(name), out var remaining)
                ? GitHubResults.Ok(remaining.Select(l => GitHubShapes.Label(ctx.Api, r, l)).ToArray())
                : GitHubResults.Error(404, "Label does not exist", []);
        });
    }
}
