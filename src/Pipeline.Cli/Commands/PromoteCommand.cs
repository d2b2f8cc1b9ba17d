using System.CommandLine;
using Pipeline.Cli.Commands.Repo;
using Pipeline.Diagnostics.Reports;
using Pipeline.Diagnostics.Runs;
using Pipeline.GitHub;
using Pipeline.GitHub.Errors;
using Pipeline.Promotion;
using Pipeline.Promotion.PullRequests;
using Pipeline.Repositories.Configuration;
using Pipeline.Repositories.Resolution;
using Pipeline.Repositories.Sources;
using Pipeline.Repositories.Workspace;

namespace Pipeline.Cli.Commands;

/// <summary>
/// <c>universe promote NAME@VERSION --from SOURCE --to TARGET [--pull-request] [--repository OWNER/NAME]
/// [--dry-run] [--config FILE]</c>. SOURCE and TARGET are configured repository names or locations;
/// TARGET is a working tree of the production repository. With <c>--pull-request</c> the working
/// tree is only read (and checked against), and the change goes to GitHub as a pull request.
/// </summary>
public static class PromoteCommand
{
    public static Command Create(CliConsole console, ProcessEnvironment environment)
    {
        var package = new Argument<string>("NAME@VERSION") { Description = "The package and the exact version to promote." };
        var from = new Option<string>("--from") { Description = "The repository to promote from: a configured repository's name, a folder or a repository file URL.", Required = true };
        var to = new Option<string>("--to") { Description = "The working tree of the production repository: a configured repository's name or a folder.", Required = true };
        var pullRequest = new Option<bool>("--pull-request") { Description = "Open (or update) a pull request on the production repository instead of changing the working tree; needs GITHUB_TOKEN." };
        var repository = new Option<string?>("--repository") { Description = "The production repository on GitHub, OWNER/NAME (default: GITHUB_REPOSITORY)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Show what would be written; change nothing." };
        var config = RepositoryCommandLine.ConfigOption();
        var command = new Command("promote", "Copy a package version from one repository to the next revision of another, checked with the pull-request rules.")
        {
            package, from, to, pullRequest, repository, dryRun, config,
        };
        command.SetAction((parsed, cancellationToken) => RunAsync(console, environment, new Arguments(
            parsed.GetValue(package)!, parsed.GetValue(from)!, parsed.GetValue(to)!, parsed.GetValue(pullRequest),
            parsed.GetValue(repository), parsed.GetValue(dryRun), parsed.GetValue(config)), cancellationToken));
        return command;
    }

    public sealed record Arguments(string Package, string From, string To, bool PullRequest, string? Repository, bool DryRun, string? Config);

    public static async Task<int> RunAsync(CliConsole console, ProcessEnvironment environment, Arguments arguments, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (PackageReference.Parse(arguments.Package) is not { Version: { } version } reference)
        {
            return Fail(console, $"`{arguments.Package}` is not NAME@VERSION (the version is required)");
        }
        RepositorySlug? slug = null;
        if (arguments.PullRequest)
        {
            // A dry run does not talk to GitHub, so the native build can show the plan.
            if (!arguments.DryRun && !DynamicCode.Available(console, "promote --pull-request")) return ExitCodes.Failure;
            if ((arguments.Repository ?? environment["GITHUB_REPOSITORY"]) is not { } text) return Fail(console, "--pull-request needs --repository OWNER/NAME (or GITHUB_REPOSITORY)");
            try
            {
                slug = RepositorySlug.Parse(text);
            }
            catch (ArgumentException e)
            {
                return Fail(console, $"--repository: {e.Message}");
            }
            if (!arguments.DryRun && environment["GITHUB_TOKEN"] is null && environment["GH_TOKEN"] is null) return Fail(console, "--pull-request needs GITHUB_TOKEN");
        }

        var configuration = LoadConfig(arguments.Config, environment, console);
        if (configuration is null) return ExitCodes.Failure;
        var sourceLocation = RepositoryWorkspace.Locate(arguments.From, configuration, environment);
        var targetLocation = RepositoryWorkspace.Locate(arguments.To, configuration, environment);
        if (PackageSources.KindOf(targetLocation) != SourceKind.LocalTree || PackageSources.AsUrl(targetLocation) is { IsFile: false })
        {
            return Fail(console, $"--to {arguments.To}: the target must be a working tree (a folder) of the production repository, not {targetLocation}");
        }
        var source = PackageSources.Create(sourceLocation, new ContentFetcher(UpstreamClients.Downloads.Value));
        var request = new PromotionRequest(reference.Name, version, source, PackageSources.AsUrl(targetLocation)?.LocalPath ?? targetLocation)
        {
            DryRun = arguments.DryRun,
            KeepWorkingTreeClean = arguments.PullRequest,
        };

        PromotionOutcome outcome;
        try
        {
            outcome = await Promoter.PromoteAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SourceUnavailableException or IOException or UnauthorizedAccessException)
        {
            return Fail(console, e.Message);
        }
        Report(console, arguments, outcome);
        if (!outcome.Succeeded) return ExitCodes.ContentErrors;
        if (slug is null) return ExitCodes.Success;

        var plan = outcome.Plan!;
        if (arguments.DryRun)
        {
            console.Out.WriteLine($"would open or update a pull request on {slug} from branch {PromotionPullRequest.BranchName(plan)}");
            return ExitCodes.Success;
        }
        var github = GitHubApi.Connect(GitHubConnection.ApiUrlOrDefault(environment["GITHUB_API_URL"]), environment["GITHUB_TOKEN"] ?? environment["GH_TOKEN"]);
        try
        {
            var result = await new PromotionPullRequest(github).PublishAsync(slug, plan, outcome.Validation, cancellationToken).ConfigureAwait(false);
            var branch = result.BranchCreated ? "created" : result.CommitCreated ? "updated" : "unchanged (already held these files)";
            console.Out.WriteLine($"branch {result.Branch}: {branch}, at {result.Commit}");
            console.Out.WriteLine($"pull request #{result.Number} {(result.PullRequestCreated ? "opened" : "updated")}: {result.Url}");
            return ExitCodes.Success;
        }
        catch (GitHubReportException e)
        {
            return Fail(console, e.Message);
        }
    }

    private static void Report(CliConsole console, Arguments arguments, PromotionOutcome outcome)
    {
        // A refusal prints only why: the plan it would have made is not news.
        if (outcome.Plan is { } plan && outcome.Status != PromotionStatus.Conflict)
        {
            var kind = plan.NewPackage ? "a new package" : $"after revision {plan.Existing[^1].ReleaseVersion}";
            var verb = outcome.Status switch
            {
                PromotionStatus.Planned => "would promote",
                PromotionStatus.Promoted => "promoted",
                PromotionStatus.Validated => "checked",
                _ => "could not promote",
            };
            console.Out.WriteLine($"{verb} {plan.Name} {plan.Version} (revision {plan.Source.ReleaseVersion} in {arguments.From}) to {plan.Directory} in {plan.TargetRoot} ({kind})");
            foreach (var path in plan.Paths) console.Out.WriteLine($"  {path}");
            foreach (var skipped in plan.Source.Skipped) console.Error.WriteLine($"warning: {skipped} is not a package file and was left behind");
        }
        if (outcome.Validation is { } report) WriteValidation(console, report, outcome.Status);
        if (outcome.Problem is { } problem) console.Error.WriteLine($"universe promote: {problem}");
    }

    private static void WriteValidation(CliConsole console, ValidationReport report, PromotionStatus status)
    {
        var verdict = report.Errors == 0 ? "passed" : "failed";
        console.Out.WriteLine($"validation (pull-request rules, this package): {verdict}: {report.Errors} error(s), {report.Warnings} warning(s)");
        var writer = status == PromotionStatus.RolledBack ? console.Error : console.Out;
        foreach (var diagnostic in report.Diagnostics) writer.WriteLine($"  {diagnostic}");
        if (status == PromotionStatus.Validated) console.Out.WriteLine("the working tree was left unchanged; the pull request carries the files");
    }

    /// <summary>The configuration, empty when no file is known or it does not exist; null (reported) when it is broken.</summary>
    private static RepositoryConfig? LoadConfig(string? option, ProcessEnvironment environment, CliConsole console)
    {
        var path = RepositoryWorkspace.ConfigPath(option, environment);
        return path is null ? RepositoryConfig.Empty : RepositoryCommandLine.Load(path, console);
    }

    private static int Fail(CliConsole console, string message)
    {
        console.Error.WriteLine($"universe promote: {message}");
        return ExitCodes.Failure;
    }
}
