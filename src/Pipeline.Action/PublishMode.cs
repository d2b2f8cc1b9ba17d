using Pipeline.Action.Inputs;
using Pipeline.Action.Reports;
using Pipeline.Diagnostics.Paths;
using Pipeline.Diagnostics.Runs;
using Pipeline.Diagnostics;
using Pipeline.GitHub.Errors;
using Pipeline.GitHub;
using Pipeline.Publishing;

namespace Pipeline.Action;

/// <summary>
/// <c>mode: publish</c>, on a push to the default branch: builds the site and repository files
/// into the Pages folder (for actions/upload-pages-artifact) and makes the release. Outputs
/// say where the folder is and which release was made.
/// </summary>
internal sealed class PublishMode(TextWriter log, Func<string, string?, GitHubApi> connect)
{
    /// <summary>The outputs only this mode writes (action.yml declares them; a test checks).</summary>
    public static readonly IReadOnlyList<string> OwnOutputs = ["site", "digest", "release-tag"];

    private static string Accepted(int count) => count == 1 ? "1 finding of a released revision is accepted" : $"{count} findings of released revisions are accepted";

    public async Task<int> RunAsync(string root, RepositoryPaths paths, ActionInputs inputs, GitHubContext context, CancellationToken cancellationToken)
    {
        var github = inputs.Token is { } token && context.Repository is not null ? connect(context.ApiUrl, token) : null;
        var output = Path.GetFullPath(Path.Combine(context.Workspace ?? Environment.CurrentDirectory, inputs.OutputFolder));
        PublishResult result;
        try
        {
            result = await new Publisher(log, github, context.Repository, TimeProvider.System).RunAsync(
                new PublishOptions { Root = root, OutputFolder = output, SourceCommit = context.Sha, Release = inputs.Release, ServerUrl = context.ServerUrl }, cancellationToken);
        }
        catch (Exception e) when (e is GitHubReportException or IOException or UnauthorizedAccessException)
        {
            // The Pages folder, if written, is complete; the release step can be re-run.
            log.WriteLine($"::error title=Publish::{WorkflowCommands.Data(e.Message)}");
            return ExitCodes.Failure;
        }
        if (result.MissingCredentials) log.WriteLine($"::notice title=Release::{WorkflowCommands.Data(Publisher.NoCredentialsMessage)}");
        if (!result.Published)
        {
            WorkflowCommands.WriteAnnotations(result.Validation.Diagnostics.Select(d => Reports.ReportedDiagnostic.From(paths.ToRepository(d))), log);
        }
        if (context.Output is { } outputs)
        {
            StepFiles.WriteOutputs(outputs,
            [
                ("valid", result.Validation.Errors == 0 ? "true" : "false"),
                ("errors", result.Validation.Errors.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("warnings", result.Validation.Warnings.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("site", result.OutputFolder ?? ""),
                ("digest", result.Digest ?? ""),
                ("release-tag", result.Release is null ? "" : result.ReleaseTag ?? ""),
            ]);
        }
        if (context.StepSummary is { } summary)
        {
            var text = result.Published
                ? $"## 📦 Universe published\n\n{result.Files:N0} files ({result.Bytes:N0} bytes) in `{result.OutputFolder}`, content digest `{result.Digest?[..12]}`.\n\n"
                  + (result.Release is { } release ? $"Release [{result.ReleaseTag}]({release.HtmlUrl}): {release.Action.ToString().ToLowerInvariant()}.\n" : $"No release: {result.ReleaseNote}.\n")
                  + (result.Validation.Accepted.Count > 0 ? $"\n{Accepted(result.Validation.Accepted.Count)} by `{result.Validation.Baseline}`.\n" : "")
                : $"## ❌ Not published\n\nThe tree has {result.Validation.Errors} errors; the last publication stays in place.\n";
            StepFiles.AppendSummary(summary, text, context.RunUrl);
        }
        return result.Published ? ExitCodes.Success : ExitCodes.ContentErrors;
    }
}
