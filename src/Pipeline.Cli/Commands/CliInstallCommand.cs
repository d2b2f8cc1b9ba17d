using System.CommandLine;
using Pipeline.Cli.Commands.Repo;
using Pipeline.Diagnostics.Runs;
using Pipeline.Mirroring.CliInstall;
using Pipeline.Mirroring.Downloads;
using Pipeline.Repositories.Fetching;

namespace Pipeline.Cli.Commands;

/// <summary>
/// <c>universe cli install PKG[@VERSION] [--bin-dir DIR] [--config FILE]</c>: installs a package's
/// CLI binary for this platform, verified by sha256, or prints the pip command for command.json.
/// </summary>
public static class CliInstallCommand
{
    public static Command Create(CliConsole console, ProcessEnvironment environment) =>
        new("cli", "Package command-line extensions.") { CreateInstall(console, environment) };

    private static Command CreateInstall(CliConsole console, ProcessEnvironment environment)
    {
        var package = new Argument<string>("PKG[@VERSION]") { Description = "The package, and optionally its exact version (default: the latest)." };
        var binDir = new Option<string?>("--bin-dir") { Description = "Where to install (default: $XDG_BIN_HOME, else ~/.local/bin)." };
        var config = RepositoryCommandLine.ConfigOption();
        var command = new Command("install", "Download, verify (sha256) and install a package's CLI binary for this platform, or print the pip command for command.json.")
        {
            package, binDir, config,
        };
        command.SetAction((parsed, cancellationToken) => RunAsync(console, environment, parsed.GetValue(package)!, parsed.GetValue(binDir), parsed.GetValue(config), CliPlatform.Current, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(CliConsole console, ProcessEnvironment environment, string reference, string? binDir, string? config, CliPlatform platform, CancellationToken cancellationToken = default)
    {
        var folder = binDir is not null ? environment.FullPath(binDir) : BinDirectory.Default(name => environment[name]);
        if (folder is null)
        {
            console.Error.WriteLine("universe cli install: neither XDG_BIN_HOME nor HOME is set; give the folder with --bin-dir");
            return ExitCodes.Failure;
        }
        var (resolved, failure) = await RepositoryCommandLine.ResolveAsync(reference, config, environment, console, cancellationToken).ConfigureAwait(false);
        if (resolved?.Package is not { } definition) return failure;
        using var http = UpstreamClient.ForDownloads();
        CliInstallResult result;
        try
        {
            result = await new CliInstaller(new VerifiedDownloader(http)).InstallAsync(definition, folder, platform, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"universe cli install: cannot install into {folder}: {e.Message}");
            return ExitCodes.Failure;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Whatever an upstream makes go wrong is one line and exit 2, never a stack trace and 1 ("errors found").
            console.Error.WriteLine($"universe cli install: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}");
            return ExitCodes.Failure;
        }
        switch (result.Outcome)
        {
            case CliInstallOutcome.Installed:
                foreach (var file in result.InstalledFiles) console.Out.WriteLine($"installed {file}");
                return ExitCodes.Success;
            case CliInstallOutcome.PipCommand:
                console.Error.WriteLine(result.Message);
                console.Out.WriteLine(result.PipCommand);
                return ExitCodes.Success;
            default:
                console.Error.WriteLine($"universe cli install: {result.Message}");
                // Unreachable or unwritable is infrastructure (2); a package without a usable, verified binary is an error found (1).
                return result.Unreachable ? ExitCodes.Failure : ExitCodes.ContentErrors;
        }
    }
}
