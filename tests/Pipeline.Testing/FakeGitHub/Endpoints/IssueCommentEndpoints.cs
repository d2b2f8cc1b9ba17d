using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Pipeline.Testing.FakeGitHub.Endpoints;

internal static class IssueCommentEndpoints
{
    public static void Map(WebApplication app, EndpointContext ctx)
    {
        app.MapGet("/repos/{owner}/{repo}/issues/{number:int}/comments", (HttpContext http, string owner, string repo, int number) =>
        {
            var r = ctx.Repo(owner, repo);
            var page = Pagination.Page(http, ctx.Api, r.Comments(number));
            return GitHubResults.Ok(page.Select(c => GitHubShapes.Comment(ctx.Api, r, c)).ToArray());
        });

        app.MapPost("/repos/{owner}/{repo}/issues/{number:int}/comments", async (HttpContext http, string owner, string repo, int number) =>
        {
            var (body, problem) = await ReadBodyAsync(http, ctx.Options.MaxCommentLength).ConfigureAwait(false);
            if (problem is not null) return problem;
            var r = ctx.Repo(owner, repo);
            var comment = r.AddComment(number, body!, ctx.Options.Login);
            http.Response.Headers.Location = $"{ctx.Api}repos/{owner}/{repo}/issues/comments/{comment.Id}";
            return GitHubResults.Created(GitHubShapes.Comment(ctx.Api, r, comment));
        });

        app.MapPatch("/repos/{owner}/{repo}/issues/comments/{id:long}", async (HttpContext http, string owner, string repo, long id) =>
        {
            var (body, problem) = await ReadBodyAsync(http, ctx.Options.MaxCommentLength).ConfigureAwait(false);
            if (problem is not null) return problem;
            var r = ctx.Repo(owner, repo);
            var comment = r.UpdateComment(id, body!);
            return comment is null ? GitHubResults.NotFound() : GitHubResults.Ok(GitHubShapes.Comment(ctx.Api, r, comment));
        });
    }

    private static async Task<(string? Body, IResult? Problem)> ReadBodyAsync(HttpContext http, int maxLength)
    {
        var json = await EndpointContext.ReadJsonAsync(http.Request).ConfigureAwait(false);
        if (json is null) return (null, EndpointContext.ProblemsParsingJson());
        var body = json["body"]?.GetValue<string>();
        if (string.IsNullOrEmpty(body))
            return (null, GitHubResults.ValidationFailed(new FakeValidationError("IssueComment", "missing_field", "body")));
        // GitHub counts characters, not bytes; a .NET string's length is a safe stand-in here.
        if (body.Length > maxLength)
        {
            return (null, GitHubResults.ValidationFailed(new FakeValidationError(
                "IssueComment", "custom", "body", $"body is too long (maximum is {maxLength} characters)")));
        }
        return (body, null);
    }
}
