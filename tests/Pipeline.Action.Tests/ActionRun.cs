using System.Text.Json.Nodes;
using Pipeline.Action.Inputs;
using Pipeline.Diagnostics.Runs;
using Pipeline.GitHub.Retries;
using Pipeline.GitHub;
using Pipeline.Testing.FakeGitHub;
using Pipeline.Testing.Git;

namespace Pipeline.Action.Tests;

/// <summary>
/// One run of the action as a workflow step would make it: a real Git checkout, an event file,
/// the INPUT_* and GITHUB_* variables, step files, and the fake GitHub API on 127.0.0.1.
/// </summary>
internal sealed class ActionRun : IAsyncDisposable
{
    public const string Token = "ghs_action_token";
    public const string Owner = "acme";
    public const string Name = "universe";

    private readonly Dictionary<string, string> _variables = new(StringComparer.Ordinal);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "action-tests", Guid.NewGuid().ToString("N"));

    private ActionRun(FakeGitHubServer server, GitRepository repository)
    {
        Server = server;
        Repository = repository;
        Directory.CreateDirectory(_folder);
        SummaryPath = Path.Combine(_folder, "summary.md");
        OutputPath = Path.Combine(_folder, "output.txt");
        RunnerTemp = Path.Combine(_folder, "runner-temp");
        Directory.CreateDirectory(RunnerTemp);
        _variables["GITHUB_ACTIONS"] = "true";
        _variables["GITHUB_API_URL"] = server.BaseUrl.ToString();
        _variables["GITHUB_SERVER_URL"] = "https://github.example";
        _variables["GITHUB_REPOSITORY"] = $"{Owner}/{Name}";
        _variables["GITHUB_RUN_ID"] = "4242";
        _variables["GITHUB_WORKSPACE"] = repository.Root;
        _variables["GITHUB_STEP_SUMMARY"] = SummaryPath;
        _variables["GITHUB_OUTPUT"] = OutputPath;
        _variables["RUNNER_TEMP"] = RunnerTemp;
        _variables[Input("token")] = Token;
    }

    public FakeGitHubServer Server { get; }
    public GitRepository Repository { get; }
    public FakeRepository GitHub => Server.Repository(Owner, Name);
    public string SummaryPath { get; }
    public string OutputPath { get; }

    /// <summary>The job's temporary folder (RUNNER_TEMP), outside the checkout, as the runner has one.</summary>
    public string RunnerTemp { get; }
    public string Log { get; private set; } = "";

    public static async Task<ActionRun> StartAsync(GitRepository repository) =>
        new(await FakeGitHubServer.StartAsync(new FakeGitHubOptions { Token = Token }), repository);

    /// <summary>The variables the step would get, for running the published program.</summary>
    public IReadOnlyDictionary<string, string> Variables => _variables;

    public static string Input(string name) => ActionInputs.VariableOf(name);

    public ActionRun Set(string variable, string? value)
    {
        if (value is null) _variables.Remove(variable);
        else _variables[variable] = value;
        return this;
    }

    public ActionRun With(string input, string? value) => Set(Input(input), value);

    /// <summary>Writes a pull_request event for <paramref name="number"/> and points GITHUB_EVENT_PATH at it.</summary>
    public ActionRun PullRequestEvent(int number, string baseSha, string headSha, params string[] labels) =>
        Event("pull_request", PullRequestPayload(number, baseSha, headSha, labels));

    /// <summary>The event of <see cref="PullRequestEvent"/> for a pull request opened by <paramref name="author"/> with <paramref name="body"/>.</summary>
    public ActionRun PullRequestEventBy(string author, string body, int number, string baseSha, string headSha)
    {
        var payload = PullRequestPayload(number, baseSha, headSha, []);
        payload["pull_request"]!["user"]!["login"] = author;
        payload["pull_request"]!["body"] = body;
        return Event("pull_request", payload);
    }

    private static JsonObject PullRequestPayload(int number, string baseSha, string headSha, string[] labels)
    {
        var labelArray = new JsonArray();
        foreach (var label in labels) labelArray.Add(new JsonObject { ["name"] = label });
        // A real payload from ../shared, adjusted to the test repository.
        var payload = RecordedPayloads.Read(RecordedPayloads.PullRequest);
        payload["number"] = number;
        var pull = payload["pull_request"]!.AsObject();
        pull["number"] = number;
        pull["labels"] = labelArray;
        pull["draft"] = false;
        pull["base"]!["sha"] = baseSha;
        pull["base"]!["ref"] = "main";
        pull["base"]!["repo"]!["full_name"] = $"{Owner}/{Name}";
        pull["head"]!["sha"] = headSha;
        pull["head"]!["ref"] = "feature";
        pull["head"]!["repo"]!["full_name"] = $"{Owner}/{Name}";
        payload["repository"]!["full_name"] = $"{Owner}/{Name}";
        return payload;
    }

    public ActionRun WorkflowRunEvent(string headSha, params int[] pullRequests) => WorkflowRunEvent(headSha, "success", pullRequests);

    /// <summary>Writes a completed workflow_run event of a fork's run that validated <paramref name="headSha"/> and concluded <paramref name="conclusion"/>.</summary>
    public ActionRun WorkflowRunEvent(string headSha, string conclusion, params int[] pullRequests)
    {
        var numbers = new JsonArray();
        foreach (var n in pullRequests) numbers.Add(new JsonObject { ["number"] = n, ["head"] = new JsonObject { ["sha"] = headSha } });
        var payload = RecordedPayloads.Read(RecordedPayloads.WorkflowRun);
        var workflowRun = payload["workflow_run"]!.AsObject();
        workflowRun["head_sha"] = headSha;
        workflowRun["conclusion"] = conclusion;
        workflowRun["event"] = "pull_request";
        workflowRun["pull_requests"] = numbers;
        workflowRun["head_repository"]!["full_name"] = "someone/universe";
        payload["repository"]!["full_name"] = $"{Owner}/{Name}";
        return Event("workflow_run", payload);
    }

    /// <summary>
    /// What report.yml's download step does: puts the validate step's report and SARIF (where its
    /// outputs say) into RUNNER_TEMP/universe-report, where report mode reads by default.
    /// </summary>
    public string DownloadReport()
    {
        var outputs = Outputs();
        var folder = Path.Combine(RunnerTemp, "universe-report");
        Directory.CreateDirectory(folder);
        foreach (var name in new[] { "report", "sarif" })
        {
            if (!outputs.TryGetValue(name, out var shown) || shown.Length == 0) continue;
            var source = Path.IsPathRooted(shown) ? shown : Path.Combine(Repository.Root, shown);
            File.Copy(source, Path.Combine(folder, Path.GetFileName(source)), overwrite: true);
        }
        return Path.Combine(folder, "universe-report.json");
    }

    public ActionRun Event(string name, JsonObject payload)
    {
        var path = Path.Combine(_folder, $"event-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, payload.ToJsonString());
        _variables["GITHUB_EVENT_NAME"] = name;
        _variables["GITHUB_EVENT_PATH"] = path;
        return this;
    }

    public async Task<int> RunAsync()
    {
        var log = new StringWriter();
        // No waiting in tests: the retry policy's clock is not the wall clock.
        var retry = new GitHubRetryPolicy(new RetryOptions { MaxTotalWait = TimeSpan.Zero });
        var runner = new ActionRunner(ProcessEnvironment.Of(_variables), log, (apiUrl, token) => GitHubApi.Connect(apiUrl, token, retry));
        var status = await runner.RunAsync();
        Log += log.ToString();
        return status;
    }

    /// <summary>The step outputs written so far, by name (last value wins).</summary>
    public IReadOnlyDictionary<string, string> Outputs()
    {
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(OutputPath)) return outputs;
        var lines = File.ReadAllLines(OutputPath);
        for (var i = 0; i < lines.Length; i++)
        {
            var marker = lines[i].IndexOf("<<", StringComparison.Ordinal);
            if (marker < 0) continue;
            var name = lines[i][..marker];
            var delimiter = lines[i][(marker + 2)..];
            var value = new List<string>();
            while (++i < lines.Length && lines[i] != delimiter) value.Add(lines[i]);
            outputs[name] = string.Join('\n', value);
        }
        return outputs;
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Repository.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
