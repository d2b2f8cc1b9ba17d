using Pipeline.Action.Inputs;
using Pipeline.Action.Reports;
using Pipeline.Changes.Base;
using Pipeline.Changes.Bumps;
using Pipeline.Changes.ChangeSets;
using Pipeline.Changes.Git;
using Pipeline.Changes;
using Pipeline.Diagnostics.Paths;
using Pipeline.Diagnostics.Reports;
using Pipeline.Diagnostics;
using Pipeline.GitHub;
using Pipeline.GitHub.Errors;
using Pipeline.GitHub.PullRequests;
using Pipeline.GitHub.Events;
using Pipeline.Packages.Reading;
using Pipeline.Packages;
using Pipeline.Validation.Baselines;
using Pipeline.Validation;

namespace Pipeline.Action;

/// <summary>
/// Validates what a pull request changes: the changed files from Git (merge base of the base
/// branch and HEAD), or, in a shallow clone, from the pull request's file list on GitHub; outside
/// a pull request, or when neither source works, the whole tree.
/// </summary>
internal sealed class PullRequestValidation(TextWriter log, GitHubApi? github)
{
    /// <param name="root">The universe root (the folder holding packages/).</param>
    /// <param name="paths">Its place in the repository, whose paths GitHub's file list gives.</param>
    public async Task<ActionReport> RunAsync(string root, RepositoryPaths paths, ActionInputs inputs, GitHubContext context, CancellationToken cancellationToken)
    {
        var notes = new List<string>();
        var pullRequest = ReadPullRequest(context, notes);
        if (pullRequest is null) return WholeTree(root, notes, context.Sha);

        var baseRef = inputs.BaseRef ?? pullRequest.Base.Sha;
        ChangeSet? changes = null;
        BaseView? baseView = null;
        var scope = "git";
        switch (GitChangeReader.Read(root, baseRef))
        {
            case GitChangeResult.Found found:
                changes = found.Changes;
                baseView = found.Base;
                log.WriteLine($"changes from Git: merge base {Short(found.MergeBaseSha)} of {Short(found.BaseSha)} and {Short(found.HeadSha)}, {changes.Files.Count} files");
                break;
            case GitChangeResult.Unavailable unavailable:
                log.WriteLine($"::notice title=Changes::{WorkflowCommands.Data(unavailable.Message)}");
                notes.Add(unavailable.Message);
                (changes, baseView) = await FromFileListAsync(root, paths, pullRequest, context, notes, cancellationToken);
                scope = "file-list";
                break;
        }
        if (changes is null || baseView is null)
        {
            if (BumpMetadata.Read(pullRequest.Body, out var unreadable) is not null || unreadable is not null)
            {
                notes.Add("The pull request's body has bump metadata, but without its changes policies.bump was not checked: this report does not say the bump is allowed.");
            }
            return WholeTree(root, notes, pullRequest.Head.Sha, pullRequest.Number, pullRequest.Base.Sha, (pullRequest.Labels, inputs.AllowEditLabel));
        }

        var labels = pullRequest.Labels;
        var result = ChangeValidation.Validate(root, changes, baseView, labels, inputs.AllowEditLabel, new PullRequestOrigin(pullRequest.Author, pullRequest.Body));
        if (result.AllowedBy is { } allowed) notes.Add($"The label `{allowed}` allows changes to released revisions in this pull request.");
        if (result.Bump is { } bump) notes.Add(bump.Summary);
        if (result.WholeTree) notes.Add("universe.yaml changes, so the whole tree was validated.");
        return ActionReport.Of(result.Report) with
        {
            PullRequest = pullRequest.Number,
            HeadSha = pullRequest.Head.Sha,
            BaseSha = pullRequest.Base.Sha,
            Scope = result.WholeTree ? "whole-tree" : scope,
            Notes = notes,
            Changes = result.Packages.Select(p => new ReportedChange(p.Package.Name, p.Kind.ToString(), p.Description, p.AddedRevisions, p.ChangedRevisions, p.RemovedRevisions)).ToArray(),
            OutsidePackages = result.OutsidePackages.Select(f => f.Path).ToArray(),
            DescriptorDiffs = ReportedRevisionDiff.AllOf(result.DescriptorDiffs),
        };
    }

    private PullRequestEvent? ReadPullRequest(GitHubContext context, List<string> notes)
    {
        if (context.EventPath is null)
        {
            notes.Add("No GitHub event (GITHUB_EVENT_PATH is not set), so the whole tree was validated.");
            return null;
        }
        if (context.EventName is { } name && !name.StartsWith("pull_request", StringComparison.Ordinal))
        {
            notes.Add($"The `{name}` event is not a pull request, so the whole tree was validated.");
            return null;
        }
        switch (GitHubEventReader.Read(context.EventPath))
        {
            case PullRequestEvent pr:
                return pr;
            case UnusableEvent unusable:
                log.WriteLine($"::warning title=Event::{WorkflowCommands.Data(unusable.Message)}");
                notes.Add($"The event could not be used ({unusable.Message}), so the whole tree was validated.");
                return null;
            default:
                notes.Add("The event is not a pull request, so the whole tree was validated.");
                return null;
        }
    }

    private async Task<(ChangeSet?, BaseView?)> FromFileListAsync(string root, RepositoryPaths paths, PullRequestEvent pullRequest, GitHubContext context, List<string> notes, CancellationToken cancellationToken)
    {
        if (github is null || context.Repository is not { } repository)
        {
            notes.Add("Without a token the pull request's file list cannot be read, so the whole tree was validated. Check out with `fetch-depth: 0` to validate only the changes.");
            return (null, null);
        }
        try
        {
            var list = await github.PullRequestFiles.ListAsync(repository, pullRequest.Number, cancellationToken);
            if (list.Truncated)
            {
                notes.Add($"GitHub lists at most {PullRequestFiles.GitHubFileLimit} files of a pull request, so the whole tree was validated.");
                return (null, null);
            }
            var changes = ChangeSet.FromFiles(list.Files.Select(f => PullRequestFileChanges.ToChange(f, paths)));
            log.WriteLine($"changes from the pull request's file list: {changes.Files.Count} files");
            notes.Add("Released revisions are compared with the head checkout, as the base branch's files are not in a shallow clone.");
            return (changes, BaseView.Infer(root, changes));
        }
        catch (GitHubReportException e)
        {
            log.WriteLine($"::warning title=Pull request files::{WorkflowCommands.Data(e.Message)}");
            notes.Add($"The pull request's file list could not be read ({e.Message}), so the whole tree was validated.");
            return (null, null);
        }
    }

    /// <param name="labels">For a pull request: its labels and the action's allow-label input.</param>
    private static ActionReport WholeTree(string root, List<string> notes, string? headSha, int? pullRequest = null, string? baseSha = null,
        (IReadOnlyCollection<string> Names, string? AllowEditLabel)? labels = null)
    {
        // root is already the folder holding packages/ (ActionRunner found it).
        var tree = PackageTreeReader.Read(root, new TreeReaderOptions { LoadContent = false });
        var report = TreeValidator.Validate(tree);
        // On a push the checkout's baseline is the branch's own. A pull request that could not be
        // compared with its base would be judged by its own baseline, which it may have edited to
        // accept its new errors: without the base, the head's baseline counts only under the
        // allow label, as edits to released revisions would.
        var allowLabel = labels?.AllowEditLabel ?? tree.Settings.Policies.AllowEditLabel;
        var trusted = labels is not { } given || given.Names.Any(l => string.Equals(l, allowLabel, StringComparison.OrdinalIgnoreCase));
        if (trusted)
        {
            report = BaselineFile.Apply(report, root);
            if (pullRequest is not null && report.Baseline is not null)
            {
                notes.Add($"Without the base branch, the pull request's own universe-baseline.json applies because it carries the label `{allowLabel}`.");
            }
        }
        else if (File.Exists(BaselineFile.PathIn(root)))
        {
            notes.Add("Without the base branch, universe-baseline.json cannot be trusted (the pull request may have changed it), so no finding is accepted. Check out with `fetch-depth: 0`, or a maintainer sets the allow label.");
        }
        return ActionReport.Of(report) with
        {
            PullRequest = pullRequest,
            HeadSha = headSha,
            BaseSha = baseSha,
            Scope = "whole-tree",
            Notes = notes,
        };
    }

    private static string Short(string sha) => sha.Length > 7 ? sha[..7] : sha;
}
