using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Pipeline.Testing.FakeGitHub.Endpoints;

/// <summary>Listing, opening and updating pull requests (those opened through the API).</summary>
internal static class PullRequestEndpoints
{
    public static void Map(WebApplication app, EndpointContext ctx)
    {
        app.MapGet("/repos/{owner}/{repo}/pulls", (HttpContext http, string owner, string repo) =>
        {
            var r = ctx.Repo(owner, repo);
            var query = http.Request.Query;
            var state = query["state"].ToString() is { Length: > 0 } s ? s : "open";
            var head = query["head"].ToString();
            var baseBranch = query["base"].ToString();
            var pulls = r.OpenedPullRequests()
                .Where(p => state == "all" || p.State == state)
                // GitHub filters head by "user:ref-name".
                .Where(p => head.Length == 0 || string.Equals(head, $"{p.HeadOwner ?? r.Owner}:{p.Head}", StringComparison.OrdinalIgnoreCase))
                .Where(p => baseBranch.Length == 0 || p.Base == baseBranch)
                .OrderByDescending(p => p.CreatedAt)
                .ToList();
            return GitHubResults.Ok(Pagination.Page(http, ctx.Api, pulls).Select(p => GitShapes.PullRequest(ctx.Api, r, p, ctx.HeadRepo(r, p))).ToArray());
        });

        app.MapPost("/repos/{owner}/{repo}/pulls", async (HttpContext http, string owner, string repo) =>
        {
            if (await EndpointContext.ReadJsonAsync(http.Request).ConfigureAwait(false) is not JsonObject json) return EndpointContext.ProblemsParsingJson();
            var r = ctx.Repo(owner, repo);
            var title = GitDataEndpoints.Text(json, "title");
            var head = GitDataEndpoints.Text(json, "head");
            var baseBranch = GitDataEndpoints.Text(json, "base");
            if (string.IsNullOrEmpty(title)) return GitHubResults.ValidationFailed(new FakeValidationError("PullRequest", "missing_field", "title"));
            // "login:branch" names a branch of login's fork in this repository's network.
            string? headOwner = null;
            if (head?.Split(':') is [var login, var branch])
            {
                (headOwner, head) = string.Equals(login, r.Owner, StringComparison.OrdinalIgnoreCase) ? (null, branch) : (login, branch);
            }
            var headRepo = headOwner is null ? r : ctx.ForkOwnedBy(r, headOwner);
            if (head is null || headRepo?.BranchHead(head) is null) return GitHubResults.ValidationFailed(new FakeValidationError("PullRequest", "invalid", "head"));
            if (baseBranch is null || r.BranchHead(baseBranch) is null) return GitHubResults.ValidationFailed(new FakeValidationError("PullRequest", "invalid", "base"));
            if (r.OpenedPullRequests().Any(p => p.State == "open" && p.Head == head && p.HeadOwner == headOwner && p.Base == baseBranch))
            {
                return GitHubResults.ValidationFailed(new FakeValidationError("PullRequest", "custom", null, $"A pull request already exists for {headOwner ?? owner}:{head}."));
            }
            var pull = r.OpenPullRequest(title, GitDataEndpoints.Text(json, "body"), head, baseBranch, headOwner);
            http.Response.Headers.Location = $"{ctx.Api}repos/{owner}/{repo}/pulls/{pull.Number}";
            return GitHubResults.Created(GitShapes.PullRequest(ctx.Api, r, pull, headRepo));
        });

        app.MapMethods("/repos/{owner}/{repo}/pulls/{number:int}", ["PATCH"], async (HttpContext http, string owner, string repo, int number) =>
        {
            if (await EndpointContext.ReadJsonAsync(http.Request).ConfigureAwait(false) is not JsonObject json) return EndpointContext.ProblemsParsingJson();
            var r = ctx.Repo(owner, repo);
            var state = GitDataEndpoints.Text(json, "state");
            if (state is not (null or "open" or "closed")) return GitHubResults.ValidationFailed(new FakeValidationError("PullRequest", "invalid", "state"));
            var pull = r.UpdatePullRequest(number, GitDataEndpoints.Text(json, "title"), GitDataEndpoints.Text(json, "body"), state);
            return pull is null ? GitHubResults.NotFound() : GitHubResults.Ok(GitShapes.PullRequest(ctx.Api, r, pull, ctx.HeadRepo(r, pull)));
        });
    }
}
