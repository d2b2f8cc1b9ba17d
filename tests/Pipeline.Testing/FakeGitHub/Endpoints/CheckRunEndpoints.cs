using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Pipeline.Testing.FakeGitHub.Endpoints;

internal static class CheckRunEndpoints
{
    public const int MaxAnnotationsPerRequest = 50;

    /// <summary>GitHub's limit on a check run's output summary and text, in characters.</summary>
    public const int MaxOutputLength = 65_535;

    private static readonly string[] Levels = ["notice", "warning", "failure"];

    public static void Map(WebApplication app, EndpointContext ctx)
    {
        app.MapPost("/repos/{owner}/{repo}/check-runs", async (HttpContext http, string owner, string repo) =>
        {
            var json = await EndpointContext.ReadJsonAsync(http.Request).ConfigureAwait(false);
            if (json is null) return EndpointContext.ProblemsParsingJson();
            var name = json["name"]?.GetValue<string>();
            var sha = json["head_sha"]?.GetValue<string>();
            if (string.IsNullOrEmpty(name)) return Missing("name");
            if (string.IsNullOrEmpty(sha)) return Missing("head_sha");
            var problem = Validate(json, out var annotations);
            if (problem is not null) return problem;

            var r = ctx.Repo(owner, repo);
            var created = r.AddCheckRun(name, sha);
            var run = r.UpdateCheckRun(created.Id, current => Apply(current, json, annotations))!;
            return GitHubResults.Created(GitHubShapes.CheckRun(ctx.Api, r, run));
        });

        app.MapPatch("/repos/{owner}/{repo}/check-runs/{id:long}", async (HttpContext http, string owner, string repo, long id) =>
        {
            var json = await EndpointContext.ReadJsonAsync(http.Request).ConfigureAwait(false);
            if (json is null) return EndpointContext.ProblemsParsingJson();
            var problem = Validate(json, out var annotations);
            if (problem is not null) return problem;
            var r = ctx.Repo(owner, repo);
            var run = r.UpdateCheckRun(id, current => Apply(current, json, annotations));
            return run is null ? GitHubResults.NotFound() : GitHubResults.Ok(GitHubShapes.CheckRun(ctx.Api, r, run));
        });
    }

    private static FakeCheckRun Apply(FakeCheckRun run, JsonNode json, List<FakeAnnotation> annotations)
    {
        var conclusion = json["conclusion"]?.GetValue<string>();
        var status = json["status"]?.GetValue<string>();
        var output = json["output"];
        return run with
        {
            Name = json["name"]?.GetValue<string>() ?? run.Name,
            // Sending a conclusion completes the run, as on GitHub.
            Status = conclusion is not null ? "completed" : status ?? run.Status,
            Conclusion = conclusion ?? run.Conclusion,
            Title = output?["title"]?.GetValue<string>() ?? run.Title,
            Summary = output?["summary"]?.GetValue<string>() ?? run.Summary,
            Annotations = run.Annotations.AddRange(annotations),
            AnnotationBatches = annotations.Count > 0 ? run.AnnotationBatches.Add(annotations.Count) : run.AnnotationBatches,
        };
    }

    private static IResult? Validate(JsonNode json, out List<FakeAnnotation> annotations)
    {
        annotations = [];
        if (json["status"]?.GetValue<string>() == "completed" && json["conclusion"] is null) return Missing("conclusion");
        var output = json["output"];
        if (output is null) return null;
        if (output["title"] is null) return Missing("title");
        if (output["summary"] is null) return Missing("summary");
        foreach (var field in new[] { "summary", "text" })
        {
            if (output[field]?.GetValue<string>() is { Length: > MaxOutputLength } tooLong)
            {
                return GitHubResults.ValidationFailed(new FakeValidationError(
                    "CheckRun", "custom", $"output.{field}", $"Only {MaxOutputLength} characters are allowed; {tooLong.Length} were supplied."));
            }
        }
        if (output["annotations"] is not JsonArray items) return null;
        if (items.Count > MaxAnnotationsPerRequest)
        {
            return GitHubResults.ValidationFailed(new FakeValidationError(
                "CheckRun", "custom", "annotations", $"Only {MaxAnnotationsPerRequest} annotations are allowed per request"));
        }
        foreach (var item in items)
        {
            if (item is null) return Missing("annotations");
            var path = item["path"]?.GetValue<string>();
            var start = item["start_line"]?.GetValue<int>();
            var end = item["end_line"]?.GetValue<int>();
            var level = item["annotation_level"]?.GetValue<string>();
            var message = item["message"]?.GetValue<string>();
            if (string.IsNullOrEmpty(path)) return Missing("path");
            if (start is null or < 1) return Missing("start_line");
            if (end is null || end < start) return Missing("end_line");
            if (level is null || !Levels.Contains(level)) return Missing("annotation_level");
            if (string.IsNullOrEmpty(message)) return Missing("message");
            annotations.Add(new FakeAnnotation(
                path, start.Value, end.Value, level, message,
                item["title"]?.GetValue<string>(), item["start_column"]?.GetValue<int?>(), item["end_column"]?.GetValue<int?>()));
        }
        return null;
    }

    private static IResult Missing(string field) =>
        GitHubResults.ValidationFailed(new FakeValidationError("CheckRun", "missing_field", field));
}
