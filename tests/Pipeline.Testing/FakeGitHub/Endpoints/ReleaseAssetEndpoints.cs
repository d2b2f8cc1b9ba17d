using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Pipeline.Testing.FakeGitHub.Endpoints;

internal static class ReleaseAssetEndpoints
{
    /// <summary>Download URLs are public on GitHub: no token needed.</summary>
    public static bool IsDownload(PathString path)
    {
        var segments = (path.Value ?? "").Trim('/').Split('/');
        return segments.Length == 6 && segments[0] != "repos" && segments[2] == "releases" && segments[3] == "download";
    }

    public static void Map(WebApplication app, EndpointContext ctx)
    {
        app.MapGet("/repos/{owner}/{repo}/releases/{id:long}/assets", (HttpContext http, string owner, string repo, long id) =>
        {
            var r = ctx.Repo(owner, repo);
            var release = r.Release(id);
            if (release is null) return GitHubResults.NotFound();
            var page = Pagination.Page(http, ctx.Api, r.Assets(id));
            return GitHubResults.Ok(page.Select(a => GitHubShapes.Asset(ctx.Api, r, release, a)).ToArray());
        });

        // The path the release's upload_url template expands to.
        app.MapPost("/repos/{owner}/{repo}/releases/{id:long}/assets", async (HttpContext http, string owner, string repo, long id) =>
        {
            var r = ctx.Repo(owner, repo);
            var release = r.Release(id);
            if (release is null) return GitHubResults.NotFound();
            string? name = http.Request.Query["name"];
            if (string.IsNullOrEmpty(name))
                return GitHubResults.ValidationFailed(new FakeValidationError("ReleaseAsset", "missing_field", "name"));
            if (string.IsNullOrEmpty(http.Request.ContentType))
                return GitHubResults.ValidationFailed(new FakeValidationError("ReleaseAsset", "missing_field", "content_type"));

            using var content = new MemoryStream();
            await http.Request.Body.CopyToAsync(content, http.RequestAborted).ConfigureAwait(false);
            var asset = r.TryUpload(id, name, http.Request.Query["label"], http.Request.ContentType, content.ToArray());
            if (asset is null)
                return GitHubResults.ValidationFailed(new FakeValidationError("ReleaseAsset", "already_exists", "name"));
            return GitHubResults.Created(GitHubShapes.Asset(ctx.Api, r, release, asset));
        });

        app.MapGet("/repos/{owner}/{repo}/releases/assets/{id:int}", (string owner, string repo, int id) =>
        {
            var r = ctx.Repo(owner, repo);
            var asset = r.Asset(id);
            var release = asset is null ? null : r.Release(asset.ReleaseId);
            return asset is null || release is null
                ? GitHubResults.NotFound()
                : GitHubResults.Ok(GitHubShapes.Asset(ctx.Api, r, release, asset));
        });

        app.MapDelete("/repos/{owner}/{repo}/releases/assets/{id:int}", (string owner, string repo, int id) =>
            ctx.Repo(owner, repo).DeleteAsset(id) ? GitHubResults.NoContent() : GitHubResults.NotFound());

        app.MapGet("/{owner}/{repo}/releases/download/{tag}/{name}", (string owner, string repo, string tag, string name) =>
        {
            var r = ctx.Repo(owner, repo);
            var release = tag.StartsWith("untagged-", StringComparison.Ordinal) && long.TryParse(tag["untagged-".Length..], out var id)
                ? r.Release(id)
                : r.Releases().FirstOrDefault(x => !x.Draft && x.TagName == tag);
            var asset = release is null ? null : r.Assets(release.Id).FirstOrDefault(a => a.Name == Uri.UnescapeDataString(name));
            return asset is null ? Results.NotFound() : Results.Bytes(asset.Content, asset.ContentType);
        });
    }
}
