using System.Globalization;
using Pipeline.Action.Inputs;
using Pipeline.Action.Reports;
using Pipeline.Bumping;
using Pipeline.Bumping.Assets;
using Pipeline.Diagnostics.Reports;
using Pipeline.Diagnostics.Runs;
using Pipeline.GitHub;
using Pipeline.GitHub.Errors;

namespace Pipeline.Action;

/// <summary>
/// <c>mode: bump</c>, in a framework's own release workflow: the release's version (input
/// <c>version</c>, else its tag without a leading "v") becomes the next revision of <c>package</c>
/// in <c>universe</c>, opened as a pull request there exactly as <c>universe bump --universe</c>
/// does. The bump says it comes from this repository (what <c>policies.bump</c> checks) and
/// links the release.
/// </summary>
internal sealed class BumpMode(TextWriter log, Func<string, string?, GitHubApi> connect)
{
    /// <summary>The outputs only this mode writes (action.yml declares them; a test checks).</summary>
    public static readonly IReadOnlyList<string> OwnOutputs = ["pull-request-url", "pull-request-number"];

    public async Task<int> RunAsync(ActionInputs inputs, GitHubContext context, CancellationToken cancellationToken)
    {
        var (request, universe, problem) = Request(inputs, context, ReleaseEvent.Read(context.EventPath));
        if (problem is not null || inputs.Token is null)
        {
            log.WriteLine($"::error title=Bump::{WorkflowCommands.Data(problem ?? "bump mode needs input `token`: a token that may push to the universe, or a user's token whose fork is used")}");
            return ExitCodes.Failure;
        }
        UniverseBumpResult result;
        try
        {
            result = await UniverseBump.RunAsync(connect(context.ApiUrl, inputs.Token), universe!, request!, AssetDownloader.Create(TimeProvider.System), TimeProvider.System, cancellationToken);
        }
        catch (Exception e) when (e is GitHubReportException or IOException or UnauthorizedAccessException)
        {
            log.WriteLine($"::error title=Bump::{WorkflowCommands.Data(e.Message)}");
            return ExitCodes.Failure;
        }
        var outcome = result.Outcome;
        // Change lines quote resource.json keys and URLs, diagnostics quote package text: a line
        // break in them must not start a workflow command of its own.
        if (outcome.Plan is { } plan) foreach (var change in plan.Changes) log.WriteLine(WorkflowCommands.Data(change));
        foreach (var diagnostic in outcome.Validation?.Diagnostics ?? []) log.WriteLine(WorkflowCommands.Data(diagnostic.ToString()));
        if (outcome.Problem is { } refusal) log.WriteLine($"::error title=Bump::{WorkflowCommands.Data(refusal)}");
        if (context.Output is { } outputs)
        {
            StepFiles.WriteOutputs(outputs,
            [
                ("pull-request-url", result.PullRequest?.Url ?? ""),
                ("pull-request-number", result.PullRequest?.Number.ToString(CultureInfo.InvariantCulture) ?? ""),
            ]);
        }
        if (context.StepSummary is { } summary) StepFiles.AppendSummary(summary, Summary(request!, universe!, result), context.RunUrl);
        return outcome.Succeeded ? ExitCodes.Success : ExitCodes.ContentErrors;
    }

    /// <summary>The bump the inputs and the release event ask for, or why there is none.</summary>
    internal static (BumpRequest? Request, RepositorySlug? Universe, string? Problem) Request(ActionInputs inputs, GitHubContext context, ReleaseEvent release)
    {
        if (inputs.Package is not { } package) return (null, null, "bump mode needs input `package`: the package's name in the universe");
        if (inputs.Universe is not { } universeText) return (null, null, "bump mode needs input `universe`: the universe repository on GitHub, owner/name");
        RepositorySlug universe;
        try
        {
            universe = RepositorySlug.Parse(universeText);
        }
        catch (ArgumentException e)
        {
            return (null, null, $"input `universe`: {e.Message}");
        }
        if ((inputs.Version ?? release.Version) is not { } version)
        {
            return (null, null, "bump mode needs input `version`, or a release event whose tag is the version (2.0.1 or v2.0.1)");
        }
        var request = new BumpRequest(package, version)
        {
            Assets = inputs.Assets,
            SourceRepository = context.Repository?.ToString(),
            ReleaseUrl = release.HtmlUrl,
        };
        return (request, universe, null);
    }

    private static string Summary(BumpRequest request, RepositorySlug universe, UniverseBumpResult result)
    {
        if (result.PullRequest is { } pullRequest)
        {
            var changes = string.Concat(result.Outcome.Plan!.Changes.Select(c => $"- {MarkdownText.Inline(c)}\n"));
            return $"## ⬆️ {MarkdownText.Inline(request.Name)} {MarkdownText.Inline(request.Version)} for {universe}\n\n"
                + $"Pull request [#{pullRequest.Number}]({pullRequest.Url}) {(pullRequest.Created ? "opened" : "updated")}.\n\n{changes}";
        }
        return $"## ❌ {MarkdownText.Inline(request.Name)} {MarkdownText.Inline(request.Version)} not bumped in {universe}\n\n{MarkdownText.Inline(result.Outcome.Problem ?? "")}\n";
    }
}
