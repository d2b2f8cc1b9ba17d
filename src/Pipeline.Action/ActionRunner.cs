using Pipeline.Action.Inputs;
using Pipeline.Action.Posting;
using Pipeline.Action.Reports;
using Pipeline.Diagnostics.Paths;
using Pipeline.Diagnostics.Reports.Sarif;
using Pipeline.Diagnostics.Reports;
using Pipeline.Diagnostics.Runs;
using Pipeline.Diagnostics;
using Pipeline.GitHub;
using Pipeline.GitHub.Events;
using Pipeline.Packages.Reading;
using Pipeline.Packages;

namespace Pipeline.Action;

/// <summary>
/// <c>universe action</c>: what the container does in a workflow. Reads the inputs and the
/// GITHUB_* context, validates (what a pull request changes, or the whole tree), writes the
/// report file, SARIF, job summary and outputs, and posts to the pull request when the mode and
/// the token allow. Exit status: 0 valid, 1 errors (or warnings with fail-on-warnings),
/// 2 when the action itself cannot run (bad inputs, unreadable report file).
/// </summary>
public sealed class ActionRunner
{
    private readonly ProcessEnvironment _environment;
    private readonly TextWriter _log;
    private readonly Func<string, string?, GitHubApi> _connect;

    /// <param name="connect">GitHub at an API URL with a token; <see cref="GitHubApi.Connect"/> by default.</param>
    public ActionRunner(ProcessEnvironment environment, TextWriter log, Func<string, string?, GitHubApi>? connect = null)
    {
        _environment = environment;
        _log = log;
        _connect = connect ?? ((apiUrl, token) => GitHubApi.Connect(apiUrl, token));
    }

    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var (inputs, problems) = ActionInputs.Read(_environment);
        var contextProblems = new List<string>();
        var context = GitHubContext.Read(_environment, contextProblems);
        foreach (var problem in problems.Concat(contextProblems)) _log.WriteLine($"::warning title=Action input::{WorkflowCommands.Data(problem)}");
        if (problems.Any(p => p.StartsWith("input `mode`", StringComparison.Ordinal))) return ExitCodes.Failure;

        var root = Path.GetFullPath(Path.Combine(context.Workspace ?? Environment.CurrentDirectory, inputs.Path));
        // The folder holding packages/ (`path` may name a Universe checkout, whose tree is in repo/),
        // and its place in the repository, which is what GitHub places annotations and alerts by.
        if (TreeLocator.Ambiguity(root) is { } ambiguity)
        {
            _log.WriteLine($"::error title=Action input::{WorkflowCommands.Data(ambiguity)}");
            return ExitCodes.Failure;
        }
        var universe = TreeLocator.FindRoot(root, out _) ?? root;
        string? outside = null;
        var paths = context.Workspace is { } workspace ? RepositoryPaths.Of(universe, workspace, out outside) : RepositoryPaths.FromGit(universe);
        if (outside is not null) _log.WriteLine($"::notice title=Paths::{WorkflowCommands.Data(outside)}");
        return inputs.Mode switch
        {
            ActionMode.PullRequest or ActionMode.Validate => await ValidateAsync(root, universe, paths, inputs, context, cancellationToken),
            ActionMode.Report => await ReportAsync(inputs, context, cancellationToken),
            ActionMode.Bump => await new BumpMode(_log, _connect).RunAsync(inputs, context, cancellationToken),
            _ => await new PublishMode(_log, _connect).RunAsync(root, paths, inputs, context, cancellationToken),
        };
    }

    private async Task<int> ValidateAsync(string root, string universe, RepositoryPaths paths, ActionInputs inputs, GitHubContext context, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(root))
        {
            _log.WriteLine($"::error title=Action input::input `path` names `{WorkflowCommands.Data(root)}`, which is not a folder");
            return ExitCodes.Failure;
        }
        var github = inputs.Token is { } token && context.Repository is not null ? _connect(context.ApiUrl, token) : null;
        var validated = await new PullRequestValidation(_log, github).RunAsync(universe, paths, inputs, context, cancellationToken);
        var report = validated with { PathPrefix = paths.Prefix.Length > 0 ? paths.Prefix : null };
        var reportPath = ReportFiles.WritePath(inputs.ReportFile, context);
        var sarifPath = ReportFiles.SarifPath(reportPath);
        try
        {
            using (var json = new StreamWriter(ReportFiles.Create(reportPath, context))) json.Write(report.ToJson());
            using (var sarif = new StreamWriter(ReportFiles.Create(sarifPath, context))) SarifReportWriter.Write(ToValidationReport(universe, report), sarif, new SarifOptions { Paths = paths });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _log.WriteLine($"::error title=Report file::{WorkflowCommands.Data(e.Message)}");
            return ExitCodes.Failure;
        }
        _log.WriteLine($"report written to {reportPath} and {sarifPath}");

        var posted = false;
        if (inputs.Mode == ActionMode.PullRequest && github is not null && context.Repository is { } repository)
        {
            posted = (await new ReportPoster(github, _log).PostAsync(repository, report, inputs, context.RunUrl, cancellationToken, context.RepositoryUrl)).CheckRun;
        }
        // Without a check run, the runner turns these lines into the annotations.
        if (!posted) WorkflowCommands.WriteAnnotations(report.InRepository(), _log, $"the report file {ReportFiles.Shown(reportPath, context)} (keep it as an artifact)");
        return Finish(report, inputs, context, reportPath, sarifPath);
    }

    private async Task<int> ReportAsync(ActionInputs inputs, GitHubContext context, CancellationToken cancellationToken)
    {
        // The artifact is the pull request's own run's output: read as data, from the named file only.
        if (ReportFiles.ReportModePath(inputs.ReportPath, context) is not { } reportPath || !File.Exists(reportPath))
        {
            _log.WriteLine($"::error title=Report file::`{WorkflowCommands.Data(inputs.ReportPath)}` does not exist under RUNNER_TEMP or the workspace; download the validate job's artifact there (actions/download-artifact with `path: ${{{{ github.workspace }}}}/universe-report`, beside the checkout the action runs from, never into it) and name the file in `report-path`");
            return ExitCodes.Failure;
        }
        var report = ReportFile.Read(reportPath, out var problem);
        if (report is null)
        {
            _log.WriteLine($"::error title=Report file::{WorkflowCommands.Data($"{reportPath}: {problem}")}");
            return ExitCodes.Failure;
        }
        if (inputs.Token is not { } token || context.Repository is not { } repository)
        {
            _log.WriteLine("::error title=Report::mode report needs the `token` input and GITHUB_REPOSITORY to post to the pull request");
            return ExitCodes.Failure;
        }
        var github = _connect(context.ApiUrl, token);
        // The report comes from the pull request's own run, so it is not trusted to say where it
        // goes, nor that it passes: the finished run must vouch for both.
        var vouched = await ReportTarget.CheckAsync(github, repository, report, !Failed(report, inputs), context, _log, cancellationToken);
        if (vouched is null) return ExitCodes.Failure;
        report = report with { PullRequest = vouched.PullRequest };
        if (vouched.FromFork) report = report with { Notes = [ForkNote(vouched.Run), .. report.Notes] };
        var checkRunName = vouched.FromFork ? ReportPoster.ForkCheckRunName : ReportPoster.CheckRunName;
        await new ReportPoster(github, _log).PostAsync(repository, report, inputs, context.RunUrl, cancellationToken, context.RepositoryUrl, checkRunName);
        var sarifPath = ReportFiles.SarifPath(reportPath);
        return Finish(report, inputs, context, reportPath, File.Exists(sarifPath) ? sarifPath : null);
    }

    /// <summary>What a reader must know about a fork's report: it says only what that run produced.</summary>
    internal static string ForkNote(WorkflowRunEvent run) =>
        $"Reported by the pull request's own run (from {run.HeadRepository ?? "a deleted fork"}): it ran the pull request's workflow files, "
        + "so this report says what that run produced for the head commit, not what this repository's workflow would find.";

    private int Finish(ActionReport report, ActionInputs inputs, GitHubContext context, string reportPath, string? sarifPath)
    {
        var markdown = ReportMarkdown.Write(report, context.RepositoryUrl);
        if (context.StepSummary is { } summary) StepFiles.AppendSummary(summary, markdown, context.RunUrl);
        if (context.Output is { } output)
        {
            StepFiles.WriteOutputs(output,
            [
                ("valid", report.Valid ? "true" : "false"),
                ("errors", report.Errors.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("warnings", report.Warnings.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("changed-packages", System.Text.Json.JsonSerializer.Serialize(report.Changes, ActionReportJson.Default.IReadOnlyListReportedChange)),
                ("report", ReportFiles.Shown(reportPath, context)),
                ("sarif", sarifPath is null ? "" : ReportFiles.Shown(sarifPath, context)),
            ]);
        }
        _log.WriteLine($"universe: {ReportMarkdown.Counts(report)}");
        return Failed(report, inputs) ? ExitCodes.ContentErrors : ExitCodes.Success;
    }

    private static bool Failed(ActionReport report, ActionInputs inputs) => report.Errors > 0 || inputs.FailOnWarnings && report.Warnings > 0;

    internal static ValidationReport ToValidationReport(string root, ActionReport report) =>
        new(root, report.Packages, report.Revisions, report.Diagnostics.Select(d => d.ToDiagnostic()).ToArray())
        {
            Baseline = report.Baseline,
            Accepted = report.Accepted.Select(d => d.ToDiagnostic()).ToArray(),
            Fixed = report.Fixed.Select(e => e.ToEntry()).ToArray(),
        };
}
