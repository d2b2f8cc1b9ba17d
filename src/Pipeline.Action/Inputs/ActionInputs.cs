using Pipeline.Diagnostics.Runs;
namespace Pipeline.Action.Inputs;

/// <summary>
/// The action's inputs, read from the <c>INPUT_&lt;NAME&gt;</c> variables GitHub sets (upper-case,
/// spaces to '_', dashes kept). Every input has a default, so an empty <c>with:</c> works.
/// </summary>
public sealed record ActionInputs
{
    public ActionMode Mode { get; init; } = ActionMode.PullRequest;
    public string Path { get; init; } = ".";
    public string? Token { get; init; }
    public string? BaseRef { get; init; }

    /// <summary>Overrides universe.yaml's policies.allowEditLabel when set.</summary>
    public string? AllowEditLabel { get; init; }

    public bool Comment { get; init; } = true;

    /// <summary>Label names for a new package, an update and a pull request that needs fixes; null = no labels.</summary>
    public PullRequestLabelNames? Labels { get; init; } = PullRequestLabelNames.Default;

    public bool FailOnWarnings { get; init; }
    public string ReportFile { get; init; } = "universe-report.json";

    /// <summary>Report mode, the report file downloaded from the pull request's run: relative to RUNNER_TEMP, or absolute.</summary>
    public string ReportPath { get; init; } = DefaultReportPath;

    public const string DefaultReportPath = "universe-report/universe-report.json";

    /// <summary>Where the site and repository files go in publish mode.</summary>
    public string OutputFolder { get; init; } = "_site";

    public bool Release { get; init; } = true;

    /// <summary>Bump mode, the package to bump.</summary>
    public string? Package { get; init; }

    /// <summary>Bump mode, the new version; empty = the release's tag without a leading "v".</summary>
    public string? Version { get; init; }

    /// <summary>Bump mode, <c>KEY=URL</c> lines (see <c>universe bump --asset</c>).</summary>
    public IReadOnlyList<string> Assets { get; init; } = [];

    /// <summary>Bump mode, the universe on GitHub to open the pull request on (<c>owner/name</c>).</summary>
    public string? Universe { get; init; }

    public static string VariableOf(string input) => "INPUT_" + input.Replace(' ', '_').ToUpperInvariant();

    /// <summary>Reads every input; problems are collected as messages naming the input, never thrown.</summary>
    public static (ActionInputs Inputs, IReadOnlyList<string> Problems) Read(ProcessEnvironment environment)
    {
        var problems = new List<string>();
        string? Get(string name) => environment[VariableOf(name)]?.Trim();
        bool Flag(string name, bool fallback)
        {
            var value = Get(name);
            if (value is null) return fallback;
            if (value.Equals("true", StringComparison.OrdinalIgnoreCase)) return true;
            if (value.Equals("false", StringComparison.OrdinalIgnoreCase)) return false;
            problems.Add($"input `{name}` must be true or false, not `{value}`; using {fallback.ToString().ToLowerInvariant()}");
            return fallback;
        }

        var mode = ActionMode.PullRequest;
        if (Get("mode") is { } modeText)
        {
            ActionMode? parsed = modeText.ToLowerInvariant() switch
            {
                "pr" or "pull-request" => ActionMode.PullRequest,
                "validate" => ActionMode.Validate,
                "report" => ActionMode.Report,
                "publish" => ActionMode.Publish,
                "bump" => ActionMode.Bump,
                _ => null,
            };
            if (parsed is null) problems.Add($"input `mode` must be one of pr, validate, report, publish, bump, not `{modeText}`");
            else mode = parsed.Value;
        }

        PullRequestLabelNames? labels = PullRequestLabelNames.Default;
        if (Get("labels") is { } labelText)
        {
            labels = PullRequestLabelNames.Parse(labelText, out var labelProblem);
            if (labelProblem is not null) problems.Add(labelProblem);
        }

        var inputs = new ActionInputs
        {
            Mode = mode,
            Path = Get("path") ?? ".",
            Token = Get("token"),
            BaseRef = Get("base-ref"),
            AllowEditLabel = Get("allow-edit-label"),
            Comment = Flag("comment", true),
            Labels = labels,
            FailOnWarnings = Flag("fail-on-warnings", false),
            ReportFile = Get("report") ?? "universe-report.json",
            ReportPath = Get("report-path") is { Length: > 0 } reportPath ? reportPath : DefaultReportPath,
            OutputFolder = Get("output") ?? "_site",
            Release = Flag("release", true),
            Package = Get("package") is { Length: > 0 } package ? package : null,
            Version = Get("version") is { Length: > 0 } version ? version : null,
            Assets = Lines(Get("assets")),
            Universe = Get("universe") is { Length: > 0 } universe ? universe : null,
        };
        return (inputs, problems);
    }

    /// <summary>The non-empty lines of a multi-line input, trimmed.</summary>
    private static string[] Lines(string? text) =>
        text is null ? [] : [.. text.ReplaceLineEndings("\n").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];
}
