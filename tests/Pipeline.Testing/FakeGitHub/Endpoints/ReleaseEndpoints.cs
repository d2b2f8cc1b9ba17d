using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Pipeline.Testing.FakeGitHub.Endpoints;

internal static class ReleaseEndpoints
{
    public static void Map(WebApplication app, EndpointContext ctx)
    {
        app.MapGet("/repos/{owner}/{repo}/releases", (HttpContext http, string owner, string repo) =>
        {
            var r = ctx.Repo(owner, repo);
            var page = Pagination.Page(http, ctx.Api, r.Releases());
            return GitHubResults.Ok(page.Select(x => Shape(ctx, r, x)).ToArray());
        });

        // Drafts and prereleases are never "latest".
        app.MapGet("/repos/{owner}/{repo}/releases/latest", (string owner, string repo) =>
        {
            var r = ctx.Repo(owner, repo);
            var latest = r.Releases().Where(x => !x.Draft && !x.Prerelease).MaxBy(x => (x.PublishedAt, x.Id));
            return latest is null ? GitHubResults.NotFound() : GitHubResults.Ok(Shape(ctx, r, latest));
        });

        // Drafts have no tag yet on GitHub, so looking one up by tag finds only published releases.
        app.MapGet("/repos/{owner}/{repo}/releases/tags/{tag}", (string owner, string repo, string tag) =>
        {
            var r = ctx.Repo(owner, repo);
            var found = r.Releases().FirstOrDefault(x => !x.Draft && x.TagName == tag);
            return found is null ? GitHubResults.NotFound() : GitHubResults.Ok(Shape(ctx, r, found));
        });

        app.MapGet("/repos/{owner}/{repo}/releases/{id:long}", (string owner, string repo, long id) =>
        {
            var r = ctx.Repo(owner, repo);
            var found = r.Release(id);
            return found is null ? GitHubResults.NotFound() : GitHubResults.Ok(Shape(ctx, r, found));
        });

        app.MapPost("/repos/{owner}/{repo}/releases", async (HttpContext http, string owner, string repo) =>
        {
            var json = await EndpointContext.ReadJsonAsync(http.Request).ConfigureAwait(false);
            if (json is null) return EndpointContext.ProblemsParsingJson();
            var tag = json["tag_name"]?.GetValue<string>();
            if (string.IsNullOrEmpty(tag))
                return GitHubResults.ValidationFailed(new FakeValidationError("Release", "missing_field", "tag_name"));
            var draft = json["draft"]?.GetValue<bool>() ?? false;
            var r = ctx.Repo(owner, repo);
            if (!draft && TagTaken(r, tag, exceptId: null)) return TagAlreadyExists();

            var created = r.AddRelease(tag, draft, json["name"]?.GetValue<string>(), json["body"]?.GetValue<string>(),
                json["prerelease"]?.GetValue<bool>() ?? false);
            var release = r.UpdateRelease(created.Id, x => x with { TargetCommitish = json["target_commitish"]?.GetValue<string>() ?? x.TargetCommitish })!;
            http.Response.Headers.Location = $"{ctx.Api}repos/{owner}/{repo}/releases/{release.Id}";
            return GitHubResults.Created(Shape(ctx, r, release));
        });

        app.MapPatch("/repos/{owner}/{repo}/releases/{id:long}", async (HttpContext http, string owner, string repo, long id) =>
        {
            var json = await EndpointContext.ReadJsonAsync(http.Request).ConfigureAwait(false);
            if (json is null) return EndpointContext.ProblemsParsingJson();
            var r = ctx.Repo(owner, repo);
            var current = r.Release(id);
            if (current is null) return GitHubResults.NotFound();
            var next = Edit(current, json);
            if (!next.Draft && TagTaken(r, next.TagName, exceptId: id)) return TagAlreadyExists();
            return GitHubResults.Ok(Shape(ctx, r, r.UpdateRelease(id, _ => next)!));
        });
    }

    private static FakeRelease Edit(FakeRelease r, JsonNode json) => r with
    {
        TagName = json["tag_name"]?.GetValue<string>() ?? r.TagName,
        Name = json["name"]?.GetValue<string>() ?? r.Name,
        Body = json["body"]?.GetValue<string>() ?? r.Body,
        Draft = json["draft"]?.GetValue<bool>() ?? r.Draft,
        Prerelease = json["prerelease"]?.GetValue<bool>() ?? r.Prerelease,
        TargetCommitish = json["target_commitish"]?.GetValue<string>() ?? r.TargetCommitish,
    };

    private static bool TagTaken(FakeRepository r, string tag, long? exceptId) =>
        r.Releases().Any(x => !x.Draft && x.TagName == tag && x.Id != exceptId);

    private static IResult TagAlreadyExists() =>
        GitHubResults.ValidationFailed(new FakeValidationError("Release", "already_exists", "tag_name"));

    internal static object Shape(EndpointContext ctx, FakeRepository r, FakeRelease release) =>
        GitHubShapes.Release(ctx.Api, r, release, r.Assets(release.Id));
}
