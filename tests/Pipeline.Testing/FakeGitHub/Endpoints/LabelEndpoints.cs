using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Pipeline.Testing.FakeGitHub.Endpoints;

internal static class LabelEndpoints
{
    /// <summary>GitHub's limit on a label name, in characters.</summary>
    public const int MaxNameLength = 50;

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
            if (names.Find(n => n.Length > MaxNameLength) is { } tooLong)
            {
                return GitHubResults.ValidationFailed(new FakeValidationError(
                    "Label", "custom", "name", $"name is too long (maximum is {MaxNameLength} characters): {tooLong}"));
            }
            var r = ctx.Repo(owner, repo);
            var all = r.AddLabels(number, names);
            return GitHubResults.Ok(all.Select(l => GitHubShapes.Label(ctx.Api, r, l)).ToArray());
        });

        // The name is one path segment, decoded once as GitHub does: an unescaped '/' makes another
        // route (404), an unescaped '?' or '#' cuts the name short, so only an escaped name is found.
        app.MapDelete("/repos/{owner}/{repo}/issues/{number:int}/labels/{**rest}", (HttpContext http, string owner, string repo, int number) =>
        {
            var raw = http.Features.Get<IHttpRequestFeature>()!.RawTarget;
            var path = raw.Split('?', '#')[0];
            var segment = path[(path.IndexOf("/labels/", StringComparison.Ordinal) + "/labels/".Length)..];
            if (segment.Contains('/', StringComparison.Ordinal)) return GitHubResults.NotFound();
            var r = ctx.Repo(owner, repo);
            return r.RemoveLabel(number, Uri.UnescapeDataString(segment), out var remaining)
                ? GitHubResults.Ok(remaining.Select(l => GitHubShapes.Label(ctx.Api, r, l)).ToArray())
                : GitHubResults.Error(404, "Label does not exist", []);
        });
    }
}
