using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Pipeline.Testing.FakeGitHub.Endpoints;

internal static class PullRequestFileEndpoints
{
    public static void Map(WebApplication app, EndpointContext ctx)
    {
        app.MapGet("/repos/{owner}/{repo}/pulls/{number:int}", (string owner, string repo, int number) =>
        {
            var r = ctx.Repo(owner, repo);
            if (r.PullRequest(number) is not { } pull) return GitHubResults.NotFound();
            var url = $"{ctx.Api.ToString().TrimEnd('/')}/repos/{owner}/{repo}/pulls/{number}";
            return GitHubResults.Ok(new Dictionary<string, object?>
            {
                ["id"] = 1000 + number,
                ["number"] = number,
                ["state"] = "open",
                ["title"] = $"Pull request {number}",
                ["url"] = url,
                ["html_url"] = $"https://github.com/{owner}/{repo}/pull/{number}",
                ["user"] = new Dictionary<string, object?> { ["login"] = "contributor", ["id"] = 1 },
                ["head"] = new Dictionary<string, object?> { ["sha"] = pull.HeadSha, ["ref"] = "feature", ["label"] = "contributor:feature" },
                ["base"] = new Dictionary<string, object?> { ["sha"] = pull.BaseSha, ["ref"] = "main", ["label"] = $"{owner}:main" },
            });
        });

        app.MapGet("/repos/{owner}/{repo}/pulls/{number:int}/files", (HttpContext http, string owner, string repo, int number) =>
        {
            var r = ctx.Repo(owner, repo);
            var files = r.PullRequestFiles(number);
            if (files is null) return GitHubResults.NotFound();
            // GitHub lists at most 3000 files and says nothing about the rest.
            var capped = files.Take(ctx.Options.MaxPullRequestFiles).ToList();
            var page = Pagination.Page(http, ctx.Api, capped);
            return GitHubResults.Ok(page.Select(f => GitHubShapes.PullRequestFile(ctx.Api, r, f)).ToArray());
        });
    }
}
