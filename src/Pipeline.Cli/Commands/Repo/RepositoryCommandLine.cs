using System.CommandLine;
using System.Text.Json.Nodes;
using Pipeline.Diagnostics.Runs;
using Pipeline.Repositories.Configuration;
using Pipeline.Repositories.Rendering;
using Pipeline.Repositories.Resolution;
using Pipeline.Repositories.Workspace;

namespace Pipeline.Cli.Commands.Repo;

/// <summary>
/// What the repository commands share on the command line: the <c>--config</c> and <c>--json</c>
/// options, and telling the user on standard error why the configured repositories cannot be had
/// (the finding and resolving is <see cref="RepositoryWorkspace"/>'s).
/// </summary>
public static class RepositoryCommandLine
{
    public static Option<string?> ConfigOption() => new("--config")
    {
        Description = "The repositories file (default: $XDG_CONFIG_HOME/universe/repositories.yaml, else ~/.config/universe/repositories.yaml).",
    };

    public static Option<bool> JsonOption() => new("--json") { Description = "Print JSON for machines instead of a table." };

    /// <summary>The configuration file's path, or null (reported) when no folder for it is known.</summary>
    public static string? ConfigPath(string? option, ProcessEnvironment environment, CliConsole console)
    {
        var path = RepositoryWorkspace.ConfigPath(option, environment);
        if (path is null) console.Error.WriteLine("universe: neither XDG_CONFIG_HOME nor HOME is set; give the repositories file with --config");
        return path;
    }

    /// <summary>The configuration, or null (reported) when the file is broken.</summary>
    public static RepositoryConfig? Load(string path, CliConsole console)
    {
        var loaded = RepositoryConfigFile.Load(path);
        if (loaded.Problem is not null) console.Error.WriteLine($"universe: {loaded.Problem}");
        return loaded.Config;
    }

    /// <summary>Writes the configuration; false (reported) when the file cannot be written.</summary>
    public static bool Save(string path, RepositoryConfig config, CliConsole console)
    {
        try
        {
            RepositoryConfigFile.Save(path, config);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"universe: cannot write {path}: {e.Message}");
            return false;
        }
    }

    /// <summary>A resolver over the configured repositories; null (reported) when the configuration cannot be had.</summary>
    public static PackageResolver? Resolver(string? configOption, ProcessEnvironment environment, CliConsole console)
    {
        var path = ConfigPath(configOption, environment, console);
        if (path is null || Load(path, console) is not { } config) return null;
        if (config.Repositories.Count == 0) console.Error.WriteLine("universe: no repositories are configured; add one with `universe repo add NAME LOCATION`");
        return RepositoryWorkspace.Resolver(config, UpstreamClients.Documents.Value);
    }

    /// <summary>
    /// Resolves <c>PKG[@VERSION]</c> over the configured repositories; on failure prints why and
    /// gives the exit code (1 not found, 2 bad usage or an unreachable repository).
    /// </summary>
    public static async Task<(ResolveResult? Resolved, int Failure)> ResolveAsync(
        string text, string? configOption, ProcessEnvironment environment, CliConsole console, CancellationToken cancellationToken)
    {
        if (PackageReference.Parse(text) is not { } reference)
        {
            console.Error.WriteLine($"universe: `{text}` is not PKG or PKG@VERSION");
            return (null, ExitCodes.Failure);
        }
        if (Resolver(configOption, environment, console) is not { } resolver) return (null, ExitCodes.Failure);
        var result = await resolver.ResolveAsync(reference, cancellationToken).ConfigureAwait(false);
        PrintWarnings(result.Warnings, console);
        if (result.Found) return (result, ExitCodes.Success);
        console.Error.WriteLine($"universe: {result.Problem}");
        return (null, result.Unreachable ? ExitCodes.Failure : ExitCodes.ContentErrors);
    }

    public static void PrintWarnings(IEnumerable<RepositoryWarning> warnings, CliConsole console)
    {
        foreach (var warning in warnings) console.Error.WriteLine($"warning: repository `{warning.Repository}` skipped: {warning.Message}");
    }

    public static void WriteJson(CliConsole console, JsonNode node) => console.Out.WriteLine(JsonOutput.Write(node, indented: true));
}
