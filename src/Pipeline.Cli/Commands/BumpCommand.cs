using System.CommandLine;
using Pipeline.Bumping;
using Pipeline.Bumping.Assets;
using Pipeline.Diagnostics.Runs;
using Pipeline.GitHub;
using Pipeline.GitHub.Errors;
using Pipeline.Packages.Reading;

namespace Pipeline.Cli.Commands;

/// <summary>
/// <c>universe bump NAME --version V [--set path=value]... [--asset KEY=URL]... [--universe OWNER/REPO | --to PATH]
/// [--from OWNER/REPO] [--release-url URL] [--dry-run] [--max-asset-size SIZE]</c>: a framework's new
/// version as the next revision of its package, written into a working tree or opened as a pull
/// request on the universe. Exit status 0 done (or planned), 1 refused or not valid, 2 usage or
/// infrastructure failure.
/// </summary>
public static class BumpCommand
{
    public static Command Create(CliConsole console, ProcessEnvironment environment)
    {
        var name = new Argument<string>("NAME") { Description = "The package to bump." };
        var version = new Option<string>("--version") { Description = "The new version.", Required = true };
        var set = new Option<string[]>("--set") { Description = "path=value in package.json, or config.json:path=value / resource.json:path=value; the value is JSON when it parses (a number only where a number was), else a string.", AllowMultipleArgumentsPerToken = false };
        var asset = new Option<string[]>("--asset") { Description = "KEY=URL: the URL of assets.uris KEY, or of a dotted path in resource.json (cli.binaries.linux.x86-64); {{version}} in URL becomes the new version." };
        var universe = new Option<string?>("--universe") { Description = "Open (or update) a pull request on this universe on GitHub, OWNER/REPO; needs GITHUB_TOKEN." };
        var to = new Option<string?>("--to") { Description = "Write into this working tree of the universe (default: the current folder's)." };
        var from = new Option<string?>("--from") { Description = "The framework repository the version comes from, OWNER/REPO, checked against policies.bump (default: GITHUB_REPOSITORY)." };
        var releaseUrl = new Option<string?>("--release-url") { Description = "The release page of the new version, linked from the pull request." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Download and check everything and write nothing; with --to, show the new files." };
        var maxAssetSize = new Option<string?>("--max-asset-size") { Description = "The largest asset downloaded, e.g. 500M or 2G (default 2G)." };
        var command = new Command("bump", "Make a framework's new version the next revision of its package: version, asset URLs and their sha256, upgradesFrom, checked with the pull-request rules.")
        {
            name, version, set, asset, universe, to, from, releaseUrl, dryRun, maxAssetSize,
        };
        command.SetAction((parsed, cancellationToken) => RunAsync(console, environment, new Arguments(
            parsed.GetValue(name)!, parsed.GetValue(version)!, parsed.GetValue(set) ?? [], parsed.GetValue(asset) ?? [],
            parsed.GetValue(universe), parsed.GetValue(to), parsed.GetValue(from), parsed.GetValue(releaseUrl),
            parsed.GetValue(dryRun), parsed.GetValue(maxAssetSize)), cancellationToken));
        return command;
    }

    public sealed record Arguments(
        string Name, string Version, IReadOnlyList<string> Sets, IReadOnlyList<string> Assets, string? Universe, string? To,
        string? From, string? ReleaseUrl, bool DryRun, string? MaxAssetSize);

    public static async Task<int> RunAsync(CliConsole console, ProcessEnvironment environment, Arguments arguments, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (arguments.Universe is not null && arguments.To is not null) return Fail(console, "--universe and --to exclude each other: a bump goes to GitHub or into a working tree");
        var maxBytes = arguments.MaxAssetSize is null ? BumpRequest.DefaultMaxAssetBytes : ByteSize.Parse(arguments.MaxAssetSize);
        if (maxBytes is null) return Fail(console, $"--max-asset-size {arguments.MaxAssetSize}: expected a size such as 500M, 2G or 1048576");
        var request = new BumpRequest(arguments.Name, arguments.Version)
        {
            Sets = arguments.Sets,
            Assets = arguments.Assets,
            SourceRepository = arguments.From ?? environment["GITHUB_REPOSITORY"],
            ReleaseUrl = arguments.ReleaseUrl,
            DryRun = arguments.DryRun,
            MaxAssetBytes = maxBytes.Value,
        };
        var assets = new AssetDownloader(UpstreamClients.Downloads.Value, TimeProvider.System);
        try
        {
            if (arguments.Universe is null) return await IntoTreeAsync(console, environment, arguments, request, assets, cancellationToken).ConfigureAwait(false);
            return await OnGitHubAsync(console, environment, arguments.Universe, request, assets, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or GitHubReportException)
        {
            return Fail(console, e.Message);
        }
    }

    private static async Task<int> IntoTreeAsync(CliConsole console, ProcessEnvironment environment, Arguments arguments, BumpRequest request, IAssetFetcher assets, CancellationToken cancellationToken)
    {
        var root = TreeLocator.FindRoot(environment.FullPath(arguments.To ?? "."), out var reason);
        if (root is null) return Fail(console, $"{(arguments.To is null ? "the current folder" : "--to " + arguments.To)} is not a universe working tree: {reason}");
        var outcome = await Bumper.BumpAsync(request, root, assets, TimeProvider.System, cancellationToken).ConfigureAwait(false);
        BumpReport.Write(console, outcome, root);
        if (outcome.Status == BumpStatus.Planned) BumpReport.WriteFiles(console, outcome.Plan!, root);
        return outcome.Succeeded ? ExitCodes.Success : ExitCodes.ContentErrors;
    }

    private static async Task<int> OnGitHubAsync(CliConsole console, ProcessEnvironment environment, string universe, BumpRequest request, IAssetFetcher assets, CancellationToken cancellationToken)
    {
        if (!DynamicCode.Available(console, "bump --universe")) return ExitCodes.Failure;
        RepositorySlug slug;
        try
        {
            slug = RepositorySlug.Parse(universe);
        }
        catch (ArgumentException e)
        {
            return Fail(console, $"--universe: {e.Message}");
        }
        var token = environment["GITHUB_TOKEN"] ?? environment["GH_TOKEN"];
        if (token is null && !request.DryRun) return Fail(console, "--universe needs GITHUB_TOKEN (a token that may open pull requests on it, or fork it)");
        var github = GitHubApi.Connect(GitHubConnection.ApiUrlOrDefault(environment["GITHUB_API_URL"]), token);
        var result = await UniverseBump.RunAsync(github, slug, request, assets, TimeProvider.System, cancellationToken).ConfigureAwait(false);
        BumpReport.Write(console, result.Outcome, $"a copy of {slug}");
        if (!result.Outcome.Succeeded) return ExitCodes.ContentErrors;
        if (result.PullRequest is not { } pullRequest)
        {
            console.Out.WriteLine($"would open or update a pull request on {slug} from branch bump/{request.Name}-{request.Version}");
            return ExitCodes.Success;
        }
        var head = pullRequest.ThroughFork ? $"{pullRequest.HeadRepository} ({(pullRequest.ForkCreated ? "a new fork" : "the token's fork")})" : pullRequest.HeadRepository.ToString();
        console.Out.WriteLine($"branch {pullRequest.Branch} in {head}: {(pullRequest.CommitCreated ? "committed" : "unchanged (already held these files)")} at {pullRequest.HeadSha}");
        console.Out.WriteLine($"pull request #{pullRequest.Number} {(pullRequest.Created ? "opened" : "updated")}: {pullRequest.Url}");
        return ExitCodes.Success;
    }

    private static int Fail(CliConsole console, string message)
    {
        console.Error.WriteLine($"universe bump: {message}");
        return ExitCodes.Failure;
    }
}
