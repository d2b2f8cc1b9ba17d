using System.CommandLine;
using Pipeline.Diagnostics.Reports;
using Pipeline.Diagnostics.Runs;
using Pipeline.GitHub.Errors;
using Pipeline.GitHub;
using Pipeline.Packages.Reading;
using Pipeline.Packages;
using Pipeline.Publishing;

namespace Pipeline.Cli.Commands;

/// <summary>
/// <c>universe publish [PATH] --output DIR [--no-release] [--repository OWNER/NAME] [--no-baseline]</c>: what the
/// action's publish mode does, for maintainers who publish by hand. The token comes from
/// GITHUB_TOKEN (or GH_TOKEN), the API from GITHUB_API_URL, never from the command line, where
/// it would end up in shell history.
/// </summary>
public static class PublishCommand
{
    public static Command Create(CliConsole console, ProcessEnvironment environment)
    {
        var path = TreeArgument.Create();
        var output = new Option<string>("--output", "-o") { Description = "The folder to build the site and files into.", Required = true };
        var noRelease = new Option<bool>("--no-release") { Description = "Build only; make no GitHub release." };
        var repository = new Option<string?>("--repository") { Description = "The GitHub repository to release to, OWNER/NAME (default: GITHUB_REPOSITORY)." };
        var commit = new Option<string?>("--commit") { Description = "The source commit (default: read from .git)." };
        var noBaseline = BaselineOption.Create();
        var command = new Command("publish", "Validate, build the site and repository files, and make a GitHub release when the content changed.") { path, output, noRelease, repository, commit, noBaseline };
        command.SetAction((parsed, cancellationToken) => RunAsync(console, environment, environment.FullPath(parsed.GetValue(path)!), environment.FullPath(parsed.GetValue(output)!), !parsed.GetValue(noRelease),
            parsed.GetValue(repository), parsed.GetValue(commit), cancellationToken, !parsed.GetValue(noBaseline)));
        return command;
    }

    public static async Task<int> RunAsync(CliConsole console, ProcessEnvironment environment, string path, string output, bool release, string? repositoryText, string? commit, CancellationToken cancellationToken, bool useBaseline = true)
    {
        if (!DynamicCode.Available(console, "publish")) return ExitCodes.Failure;
        var root = TreeArgument.FindRoot(path, "publish", console);
        if (root is null) return ExitCodes.Failure;
        RepositorySlug? repository = null;
        if ((repositoryText ?? environment["GITHUB_REPOSITORY"]) is { } slug)
        {
            try
            {
                repository = RepositorySlug.Parse(slug);
            }
            catch (ArgumentException e)
            {
                console.Error.WriteLine($"universe publish: --repository: {e.Message}");
                return ExitCodes.Failure;
            }
        }
        var token = environment["GITHUB_TOKEN"] ?? environment["GH_TOKEN"];
        if (release && (token is null || repository is null))
        {
            console.Error.WriteLine("universe publish: a release needs GITHUB_TOKEN and --repository (or GITHUB_REPOSITORY); building without one");
        }
        var github = token is not null && repository is not null ? GitHubApi.Connect(GitHubConnection.ApiUrlOrDefault(environment["GITHUB_API_URL"]), token) : null;
        try
        {
            var result = await new Publisher(console.Out, github, repository, TimeProvider.System).RunAsync(
                new PublishOptions { Root = root, OutputFolder = output, SourceCommit = commit ?? SourceCommit.Find(root), Release = release, UseBaseline = useBaseline,
                    ServerUrl = environment["GITHUB_SERVER_URL"] ?? PagesAddress.GitHubDotCom }, cancellationToken);
            if (result.MissingCredentials) console.Out.WriteLine(Publisher.NoCredentialsMessage);
            if (!result.Published)
            {
                console.Error.WriteLine($"universe publish: the tree has {result.Validation.Errors} errors; run `universe validate {ShellText.Word(path)}` for the list");
                return ExitCodes.ContentErrors;
            }
            return ExitCodes.Success;
        }
        catch (Exception e) when (e is GitHubReportException or IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"universe publish: {e.Message}");
            return ExitCodes.Failure;
        }
    }
}
