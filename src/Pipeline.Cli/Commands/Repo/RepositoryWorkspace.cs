using System.CommandLine;
using System.Net;
using System.Text.Json.Nodes;
using Pipeline.Repositories.Configuration;
using Pipeline.Repositories.Fetching;
using Pipeline.Repositories.Rendering;
using Pipeline.Repositories.Resolution;
using Pipeline.Repositories.Sources;
using Pipeline.Diagnostics.Runs;

namespace Pipeline.Cli.Commands.Repo;

/// <summary>
/// What the repository commands share: the <c>--config</c> option, the configuration file, the
/// resolver over the configured repositories, warnings and JSON output.
/// </summary>
public static class RepositoryWorkspace
{
    public static Option<string?> ConfigOption() => new("--config")
    {
        Description = "The repositories file (default: $XDG_CONFIG_HOME/universe/repositories.yaml, else ~/.config/universe/repositories.yaml).",
    };

    public static Option<bool> JsonOption() => new("--json") { Description = "Print JSON for machines instead of a table." };

    /// <summary>The configuration file's path, or null (reported) when no folder for it is known.</summary>
    public static string? ConfigPath(string? option, ProcessEnvironment environment, CliConsole console)
    {
        if (option is not null) return Path.GetFullPath(Path.Combine(environment.CurrentDirectory, option));
        var path = ConfigPaths.Default(name => environment[name]);
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

    /// <summary>Loads the configuration and makes a resolver over it; null (reported) when the configuration cannot be had.</summary>
    public static PackageResolver? Resolver(string? configOption, ProcessEnvironment environment, CliConsole console, out RepositoryConfig config)
    {
        config = RepositoryConfig.Empty;
        var path = ConfigPath(configOption, environment, console);
        if (path is null || Load(path, console) is not { } loaded) return null;
        config = loaded;
        if (loaded.Repositories.Count == 0) console.Error.WriteLine("universe: no repositories are configured; add one with `universe repo add NAME LOCATION`");
        var fetcher = new ContentFetcher(Http.Value);
        var sources = loaded.ByPriority.Select(entry => new ConfiguredSource(entry, PackageSources.Create(entry.Location, fetcher))).ToArray();
        return new PackageResolver(sources);
    }

    /// <summary>One client for the process: a socket handler pools connections; each fetch is bounded by <see cref="Pipeline.Repositories.Fetching.BoundedFetch"/>.</summary>
    private static readonly Lazy<HttpClient> Http = new(() => UpstreamClient.Create(DecompressionMethods.GZip | DecompressionMethods.Deflate | DecompressionMethods.Brotli));

    /// <summary>
    /// Resolves <c>PKG[@VERSION]</c> over the configured repositories; on failure prints why and
    /// sets <paramref name="exitCode"/> (1 not found, 2 bad usage or an unreachable repository).
    /// </summary>
    public static ResolveResult? Resolve(string text, string? configOption, ProcessEnvironment environment, CliConsole console, out int exitCode)
    {
        exitCode = ExitCodes.Failure;
        if (PackageReference.Parse(text) is not { } reference)
        {
            console.Error.WriteLine($"universe: `{text}` is not PKG or PKG@VERSION");
            return null;
        }
        var resolver = Resolver(configOption, environment, console, out _);
        if (resolver is null) return null;
        var result = resolver.ResolveAsync(reference).GetAwaiter().GetResult();
        PrintWarnings(result.Warnings, console);
        if (result.Found) return result;
        console.Error.WriteLine($"universe: {result.Problem}");
        // Found in the listing but not fetchable is infrastructure; anything else is not found.
        exitCode = result.Repository is not null && result.Warnings.Any(w => w.Repository == result.Repository.Name) ? ExitCodes.Failure : ExitCodes.ContentErrors;
        return null;
    }

    /// <summary>The DCOS_PACKAGE_SOURCE of a repository: its URL, or a file URL for a path.</summary>
    public static string SourceUri(RepositoryEntry repository) =>
        PackageSources.AsUrl(repository.Location)?.AbsoluteUri ?? new Uri(Path.GetFullPath(repository.Location)).AbsoluteUri;

    public static void PrintWarnings(IEnumerable<RepositoryWarning> warnings, CliConsole console)
    {
        foreach (var warning in warnings) console.Error.WriteLine($"warning: repository `{warning.Repository}` skipped: {warning.Message}");
    }

    public static JsonArray WarningsJson(IEnumerable<RepositoryWarning> warnings) =>
        new(warnings.Select(w => (JsonNode)new JsonObject { ["repository"] = w.Repository, ["message"] = w.Message }).ToArray());

    public static void WriteJson(CliConsole console, JsonNode node) => console.Out.WriteLine(JsonOutput.Write(node, indented: true));

    public static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());
}
