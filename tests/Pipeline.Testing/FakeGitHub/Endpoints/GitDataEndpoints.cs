using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Pipeline.Testing.FakeGitHub.Endpoints;

/// <summary>
/// The Git Data API (blobs, trees, commits, references), with the repository and contents reads
/// and the pull request writes a client needs to propose a change: mapped together from one line
/// in <see cref="FakeGitHubServer"/>.
/// </summary>
internal static class GitDataEndpoints
{
    public static void Map(WebApplication app, EndpointContext ctx)
    {
        RepositoryContentEndpoints.Map(app, ctx);
        PullRequestEndpoints.Map(app, ctx);

        app.MapPost("/repos/{owner}/{repo}/git/blobs", async (HttpContext http, string owner, string repo) =>
        {
            if (await EndpointContext.ReadJsonAsync(http.Request).ConfigureAwait(false) is not JsonObject json) return EndpointContext.ProblemsParsingJson();
            if (Text(json, "content") is not { } content) return GitHubResults.ValidationFailed(new FakeValidationError("Blob", "missing_field", "content"));
            byte[] bytes;
            switch (Text(json, "encoding") ?? "utf-8")
            {
                case "utf-8":
                    bytes = Encoding.UTF8.GetBytes(content);
                    break;
                case "base64":
                    try
                    {
                        bytes = Convert.FromBase64String(content);
                    }
                    catch (FormatException)
                    {
                        return GitHubResults.ValidationFailed(new FakeValidationError("Blob", "invalid", "content", "content is not valid Base64"));
                    }
                    break;
                default:
                    return GitHubResults.ValidationFailed(new FakeValidationError("Blob", "invalid", "encoding"));
            }
            var r = ctx.Repo(owner, repo);
            var sha = r.CreateBlob(bytes);
            http.Response.Headers.Location = $"{ctx.Api}repos/{owner}/{repo}/git/blobs/{sha}";
            return GitHubResults.Created(GitShapes.Blob(ctx.Api, r, sha));
        });

        app.MapPost("/repos/{owner}/{repo}/git/trees", async (HttpContext http, string owner, string repo) =>
        {
            if (await EndpointContext.ReadJsonAsync(http.Request).ConfigureAwait(false) is not JsonObject json) return EndpointContext.ProblemsParsingJson();
            if (json["tree"] is not JsonArray items) return GitHubResults.ValidationFailed(new FakeValidationError("Tree", "missing_field", "tree"));
            var r = ctx.Repo(owner, repo);
            var entries = new List<(string, string?)>();
            foreach (var item in items)
            {
                if (item is not JsonObject entry || Text(entry, "path") is not { Length: > 0 } path || path.StartsWith('/'))
                    return GitHubResults.ValidationFailed(new FakeValidationError("Tree", "invalid", "tree.path"));
                if (Text(entry, "type") is not ("blob" or null) || Text(entry, "mode") is not ("100644" or "100755" or null))
                    return GitHubResults.ValidationFailed(new FakeValidationError("Tree", "invalid", "tree.type", "the fake holds files (blobs) only"));
                // "content" stores a blob on the fly; an explicit "sha": null deletes the path.
                var sha = Text(entry, "content") is { } content ? r.CreateBlob(Encoding.UTF8.GetBytes(content)) : Text(entry, "sha");
                entries.Add((path, sha));
            }
            var created = r.CreateTree(Text(json, "base_tree"), entries);
            if (created is null) return GitHubResults.ValidationFailed(new FakeValidationError("Tree", "invalid", "tree.sha", "base_tree or tree.sha is not a valid object"));
            return GitHubResults.Created(GitShapes.Tree(ctx.Api, r, created, r.Tree(created)!));
        });

        app.MapGet("/repos/{owner}/{repo}/git/trees/{sha}", (HttpContext http, string owner, string repo, string sha) =>
        {
            var r = ctx.Repo(owner, repo);
            // GitHub takes any value of "recursive" as yes ("0" and "false" too); absent means no.
            var listing = r.TreeListing(sha, http.Request.Query.ContainsKey("recursive"));
            return listing is null ? GitHubResults.NotFound() : GitHubResults.Ok(GitShapes.Listing(ctx.Api, r, sha, listing));
        });

        app.MapGet("/repos/{owner}/{repo}/git/blobs/{sha}", (string owner, string repo, string sha) =>
        {
            var r = ctx.Repo(owner, repo);
            return r.Blob(sha) is { } content ? GitHubResults.Ok(GitShapes.BlobContent(ctx.Api, r, sha, content)) : GitHubResults.NotFound();
        });

        app.MapPost("/repos/{owner}/{repo}/git/commits", async (HttpContext http, string owner, string repo) =>
        {
            if (await EndpointContext.ReadJsonAsync(http.Request).ConfigureAwait(false) is not JsonObject json) return EndpointContext.ProblemsParsingJson();
            if (Text(json, "message") is not { } message) return GitHubResults.ValidationFailed(new FakeValidationError("Commit", "missing_field", "message"));
            if (Text(json, "tree") is not { } tree) return GitHubResults.ValidationFailed(new FakeValidationError("Commit", "missing_field", "tree"));
            var parents = (json["parents"] as JsonArray ?? []).Select(p => p?.GetValue<string>()).OfType<string>().ToArray();
            var r = ctx.Repo(owner, repo);
            var commit = r.CreateCommit(message, tree, parents);
            if (commit is null) return GitHubResults.ValidationFailed(new FakeValidationError("Commit", "invalid", "tree", "tree or parents are not valid objects"));
            http.Response.Headers.Location = $"{ctx.Api}repos/{owner}/{repo}/git/commits/{commit.Sha}";
            return GitHubResults.Created(GitShapes.Commit(ctx.Api, r, commit));
        });

        app.MapGet("/repos/{owner}/{repo}/git/commits/{sha}", (string owner, string repo, string sha) =>
        {
            var r = ctx.Repo(owner, repo);
            return r.Commit(sha) is { } commit ? GitHubResults.Ok(GitShapes.Commit(ctx.Api, r, commit)) : GitHubResults.NotFound();
        });

        // GitHub reads one reference at git/ref/{ref}; the older git/refs/{ref} also answers, with
        // the references under a prefix ("heads") as a list.
        app.MapGet("/repos/{owner}/{repo}/git/ref/{**name}", (string owner, string repo, string name) => OneReference(ctx, owner, repo, name));
        app.MapGet("/repos/{owner}/{repo}/git/refs/{**name}", (string owner, string repo, string name) =>
        {
            var r = ctx.Repo(owner, repo);
            if (r.Reference($"refs/{name}") is not null) return OneReference(ctx, owner, repo, name);
            var under = r.References($"refs/{name.TrimEnd('/')}/");
            return under.Count == 0 ? GitHubResults.NotFound() : GitHubResults.Ok(under.Select(x => GitShapes.Reference(ctx.Api, r, x.Name, x.Sha)).ToArray());
        });

        app.MapPost("/repos/{owner}/{repo}/git/refs", async (HttpContext http, string owner, string repo) =>
        {
            if (await EndpointContext.ReadJsonAsync(http.Request).ConfigureAwait(false) is not JsonObject json) return EndpointContext.ProblemsParsingJson();
            if (Text(json, "ref") is not { } name || !name.StartsWith("refs/", StringComparison.Ordinal) || name.Count(c => c == '/') < 2)
                return GitHubResults.Error(422, "Reference name must start with 'refs/' and have at least two slashes.", []);
            var r = ctx.Repo(owner, repo);
            if (Text(json, "sha") is not { } sha || r.Commit(sha) is null) return GitHubResults.Error(422, "Object does not exist", []);
            if (!r.CreateReference(name, sha)) return GitHubResults.Error(422, "Reference already exists", []);
            http.Response.Headers.Location = $"{ctx.Api}repos/{owner}/{repo}/git/{name}";
            return GitHubResults.Created(GitShapes.Reference(ctx.Api, r, name, sha));
        });

        app.MapMethods("/repos/{owner}/{repo}/git/refs/{**name}", ["PATCH"], async (HttpContext http, string owner, string repo, string name) =>
        {
            if (await EndpointContext.ReadJsonAsync(http.Request).ConfigureAwait(false) is not JsonObject json) return EndpointContext.ProblemsParsingJson();
            if (Text(json, "sha") is not { } sha) return GitHubResults.ValidationFailed(new FakeValidationError("Reference", "missing_field", "sha"));
            var force = json["force"] is JsonValue f && f.TryGetValue(out bool forced) && forced;
            var r = ctx.Repo(owner, repo);
            var full = $"refs/{name}";
            return r.UpdateReference(full, sha, force) switch
            {
                FakeRepository.ReferenceUpdate.Updated => GitHubResults.Ok(GitShapes.Reference(ctx.Api, r, full, sha)),
                FakeRepository.ReferenceUpdate.NotFound => GitHubResults.Error(422, "Reference does not exist", []),
                FakeRepository.ReferenceUpdate.UnknownCommit => GitHubResults.Error(422, "Object does not exist", []),
                _ => GitHubResults.Error(422, "Update is not a fast forward", []),
            };
        });
    }

    private static IResult OneReference(EndpointContext ctx, string owner, string repo, string name)
    {
        var r = ctx.Repo(owner, repo);
        var full = name.StartsWith("refs/", StringComparison.Ordinal) ? name : $"refs/{name}";
        return r.Reference(full) is { } sha ? GitHubResults.Ok(GitShapes.Reference(ctx.Api, r, full, sha)) : GitHubResults.NotFound();
    }

    internal static string? Text(JsonObject json, string name) =>
        json[name] is JsonValue value && value.TryGetValue(out string? text) ? text : null;
}
