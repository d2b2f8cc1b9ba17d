using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Pipeline.Testing.FakeGitHub.Endpoints;

/// <summary><c>GET /repos/{owner}/{repo}</c> (for the default branch), one branch, and directory listings of the contents API.</summary>
internal static class RepositoryContentEndpoints
{
    public static void Map(WebApplication app, EndpointContext ctx)
    {
        app.MapGet("/repos/{owner}/{repo}", (string owner, string repo) =>
            ctx.Find(owner, repo) is { } found ? GitHubResults.Ok(GitShapes.Repository(ctx.Api, found)) : GitHubResults.NotFound());

        app.MapGet("/repos/{owner}/{repo}/branches/{**branch}", (string owner, string repo, string branch) =>
        {
            var r = ctx.Repo(owner, repo);
            return !r.TakeNotReadyRead() && r.BranchHead(branch) is { } sha ? GitHubResults.Ok(GitShapes.Branch(ctx.Api, r, branch, sha)) : GitHubResults.Error(404, "Branch not found", []);
        });

        app.MapGet("/repos/{owner}/{repo}/contents/{**path}", (HttpContext http, string owner, string repo, string? path) =>
        {
            var r = ctx.Repo(owner, repo);
            var branch = http.Request.Query["ref"].ToString() is { Length: > 0 } given ? given : r.DefaultBranch;
            var head = r.Reference(branch.StartsWith("refs/", StringComparison.Ordinal) ? branch : $"refs/heads/{branch}") ?? (r.Commit(branch) is not null ? branch : null);
            if (head is null || r.Tree(r.Commit(head)!.TreeSha) is not { } tree) return GitHubResults.NotFound();
            var folder = (path ?? "").Trim('/');
            if (tree.TryGetValue(folder, out var fileSha))
            {
                return GitHubResults.Ok(GitShapes.Content(ctx.Api, r, folder, "file", fileSha, r.Blob(fileSha)!.Length, branch));
            }
            var prefix = folder.Length == 0 ? "" : folder + "/";
            var children = tree.Keys.Where(p => p.StartsWith(prefix, StringComparison.Ordinal))
                .Select(p => p[prefix.Length..])
                .GroupBy(rest => rest.Split('/')[0])
                .Select(g => g.Any(rest => rest.Contains('/'))
                    ? GitShapes.Content(ctx.Api, r, prefix + g.Key, "dir", "0000000000000000000000000000000000000000", 0, branch)
                    : GitShapes.Content(ctx.Api, r, prefix + g.Key, "file", tree[prefix + g.Key], r.Blob(tree[prefix + g.Key])!.Length, branch))
                .ToArray();
            return children.Length == 0 ? GitHubResults.NotFound() : GitHubResults.Ok(children);
        });
    }
}
