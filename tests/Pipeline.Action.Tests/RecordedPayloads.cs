using System.Text.Json.Nodes;

namespace Pipeline.Action.Tests;

/// <summary>
/// GitHub's recorded webhook payloads in ../shared/github/webhooks, which the action's events are
/// made from. A test that needs them is a <see cref="RecordedEventFactAttribute"/>: without them it
/// is skipped, saying so, and never runs on a payload made up to look like one.
/// </summary>
internal static class RecordedPayloads
{
    public const string PullRequest = "pull_request/synchronize.payload.json";
    public const string WorkflowRun = "workflow_run/completed.payload.json";

    public static string Folder { get; } = Path.Combine(Pipeline.Testing.RepositoryFolders.Shared, "github", "webhooks");

    /// <summary>Why the recorded payloads cannot be used, or null when they are all there.</summary>
    public static string? MissingReason { get; } =
        new[] { PullRequest, WorkflowRun }.FirstOrDefault(p => !File.Exists(Path.Combine(Folder, p))) is { } missing
            ? $"needs GitHub's recorded webhook payload {Path.Combine(Folder, missing)} (../shared beside the checkout)"
            : null;

    public static JsonObject Read(string relative)
    {
        var path = Path.Combine(Folder, relative);
        if (!File.Exists(path)) throw new InvalidOperationException($"the recorded payload {path} is missing: mark the test [RecordedEventFact] so it is skipped, saying so");
        return JsonNode.Parse(File.ReadAllText(path))!.AsObject();
    }
}

/// <summary>A test that sends the action an event made from a recorded payload; skipped, saying why, without it.</summary>
public sealed class RecordedEventFactAttribute : FactAttribute
{
    public RecordedEventFactAttribute()
    {
        if (RecordedPayloads.MissingReason is { } reason) Skip = reason;
    }
}

/// <summary>The theory form of <see cref="RecordedEventFactAttribute"/>.</summary>
public sealed class RecordedEventTheoryAttribute : TheoryAttribute
{
    public RecordedEventTheoryAttribute()
    {
        if (RecordedPayloads.MissingReason is { } reason) Skip = reason;
    }
}
