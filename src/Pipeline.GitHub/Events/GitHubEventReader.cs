using System.Text.Json;

namespace Pipeline.GitHub.Events;

/// <summary>
/// Reads the event payload GitHub writes to <c>$GITHUB_EVENT_PATH</c>. Never throws for bad
/// content: a malformed or unexpected file becomes an <see cref="UnusableEvent"/> that says why.
/// </summary>
public static class GitHubEventReader
{
    public static GitHubEvent Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new UnusableEvent($"the event file {path} cannot be read: {e.Message}");
        }
        var parsed = Parse(bytes);
        return parsed is UnusableEvent problem ? problem with { Message = $"{path}: {problem.Message}" } : parsed;
    }

    public static GitHubEvent Parse(ReadOnlyMemory<byte> utf8)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return new UnusableEvent("the event payload is not a JSON object");
            if (root.TryGetProperty("pull_request", out var pullRequest) && pullRequest.ValueKind == JsonValueKind.Object)
            {
                return ReadPullRequest(root, pullRequest);
            }
            if (root.TryGetProperty("workflow_run", out var run) && run.ValueKind == JsonValueKind.Object)
            {
                return ReadWorkflowRun(root, run);
            }
            return new UnusableEvent("the event is neither a pull request nor a workflow run (no `pull_request` or `workflow_run` object)");
        }
        catch (JsonException e)
        {
            return new UnusableEvent($"the event payload is not valid JSON: {e.Message}");
        }
        catch (MalformedEventException e)
        {
            return new UnusableEvent(e.Message);
        }
    }

    public static GitHubEvent Parse(string json) => Parse(System.Text.Encoding.UTF8.GetBytes(json));

    private static PullRequestEvent ReadPullRequest(JsonElement root, JsonElement pr)
    {
        var number = OptionalInt(pr, "number") ?? OptionalInt(root, "number")
            ?? throw new MalformedEventException("`pull_request.number` is missing or not a number");
        var baseBranch = Object(pr, "base", "pull_request");
        var headBranch = Object(pr, "head", "pull_request");
        var baseRepository = OptionalObject(baseBranch, "repo") is { } baseRepo ? OptionalString(baseRepo, "full_name") : null;
        var repository = OptionalObject(root, "repository") is { } repo ? OptionalString(repo, "full_name") : baseRepository;
        // A fork whose repository was deleted has head.repo = null: still a fork, never trusted.
        var headRepo = OptionalObject(headBranch, "repo");
        var headRepository = headRepo is { } h ? OptionalString(h, "full_name") : null;
        var isFork = headRepo is not { } hr
            || OptionalBool(hr, "fork") == true
            || (headRepository is not null && baseRepository is not null && !string.Equals(headRepository, baseRepository, StringComparison.OrdinalIgnoreCase));
        var labels = new List<string>();
        if (pr.TryGetProperty("labels", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var label in list.EnumerateArray())
            {
                if (label.ValueKind == JsonValueKind.Object && OptionalString(label, "name") is { } name) labels.Add(name);
            }
        }
        return new PullRequestEvent(
            OptionalString(root, "action"),
            number,
            OptionalString(pr, "title") ?? "",
            new GitRef(RequiredString(baseBranch, "ref", "pull_request.base"), RequiredString(baseBranch, "sha", "pull_request.base")),
            new GitRef(RequiredString(headBranch, "ref", "pull_request.head"), RequiredString(headBranch, "sha", "pull_request.head")),
            repository,
            headRepository,
            isFork,
            labels,
            OptionalBool(pr, "draft") ?? false)
        {
            Author = OptionalObject(pr, "user") is { } user ? OptionalString(user, "login") : null,
            Body = OptionalString(pr, "body"),
        };
    }

    private static WorkflowRunEvent ReadWorkflowRun(JsonElement root, JsonElement run)
    {
        var id = OptionalLong(run, "id") ?? throw new MalformedEventException("`workflow_run.id` is missing or not a number");
        var numbers = new List<int>();
        if (run.TryGetProperty("pull_requests", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var pr in list.EnumerateArray())
            {
                if (pr.ValueKind == JsonValueKind.Object && OptionalInt(pr, "number") is { } number) numbers.Add(number);
            }
        }
        var headRepo = OptionalObject(run, "head_repository");
        var headRepository = headRepo is { } h ? OptionalString(h, "full_name") : null;
        var repository = OptionalObject(run, "repository") is { } r ? OptionalString(r, "full_name") : null;
        var isFork = headRepo is { } hr && (OptionalBool(hr, "fork") == true
            || (headRepository is not null && repository is not null && !string.Equals(headRepository, repository, StringComparison.OrdinalIgnoreCase)));
        return new WorkflowRunEvent(
            OptionalString(root, "action"),
            id,
            OptionalString(run, "name"),
            OptionalString(run, "event"),
            OptionalString(run, "status"),
            OptionalString(run, "conclusion"),
            RequiredString(run, "head_sha", "workflow_run"),
            OptionalString(run, "head_branch"),
            headRepository,
            isFork,
            numbers);
    }

    private static JsonElement Object(JsonElement parent, string name, string where) =>
        OptionalObject(parent, name) ?? throw new MalformedEventException($"`{where}.{name}` is missing or not an object");

    private static JsonElement? OptionalObject(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

    private static string RequiredString(JsonElement parent, string name, string where) =>
        OptionalString(parent, name) ?? throw new MalformedEventException($"`{where}.{name}` is missing or not a string");

    private static int? OptionalInt(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : null;

    private static long? OptionalLong(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number : null;

    private static string? OptionalString(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool? OptionalBool(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : null;

    /// <summary>Unwinds a missing required field to <see cref="Parse(ReadOnlyMemory{byte})"/>, which turns it into a value.</summary>
    private sealed class MalformedEventException(string message) : Exception(message);
}
