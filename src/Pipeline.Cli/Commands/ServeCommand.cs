using System.CommandLine;
using System.Globalization;
using Pipeline.Build;
using Pipeline.Cli.Commands.Repo;
using Pipeline.Diagnostics.Reports;
using Pipeline.Diagnostics.Runs;
using Pipeline.Packages.Reading;
using Pipeline.Packages;
using Pipeline.Repositories.Configuration;
using Pipeline.Repositories.Fetching;
using Pipeline.Serving;
using Pipeline.Serving.LocalTree;
using Pipeline.Serving.Upstreams;

namespace Pipeline.Cli.Commands;

/// <summary>
/// <c>universe serve [PATH] [--listen 127.0.0.1:8080] [--config FILE] [--allow NAME]... [--ttl SECONDS] [--max-upstream-mb N] [--no-watch]</c>:
/// the local universe at PATH (when given, followed as it changes on disk) and the configured
/// repositories served as one repository, until Ctrl+C.
/// </summary>
public static class ServeCommand
{
    public static Command Create(CliConsole console, ProcessEnvironment environment)
    {
        var path = new Argument<string?>("path") { Description = "A universe repository root to serve first (default: only the configured repositories).", Arity = ArgumentArity.ZeroOrOne };
        var listen = new Option<string>("--listen") { Description = "The IP address and port to listen on.", DefaultValueFactory = _ => ServeOptions.DefaultListen };
        var allow = new Option<string[]>("--allow") { Description = "Serve only these upstream packages; repeatable (default: all). Local packages are always served." };
        var ttl = new Option<int>("--ttl") { Description = "Seconds an upstream index is used before it is revalidated.", DefaultValueFactory = _ => 300 };
        var maxMegabytes = new Option<int>("--max-upstream-mb")
        {
            Description = "Megabytes an upstream body may decode to; a larger one is refused and the last good copy kept.",
            DefaultValueFactory = _ => (int)(FetchLimits.DefaultMaxBytes / (1024 * 1024)),
        };
        var noWatch = new Option<bool>("--no-watch") { Description = "Serve PATH as it is at start; by default changes on disk are picked up (a tree that stops validating keeps the last good one served)." };
        var config = RepositoryCommandLine.ConfigOption();
        var command = new Command("serve", "Serve a local universe and the configured repositories as one repository over HTTP, with DC/OS /repo negotiation.")
        {
            path, listen, config, allow, ttl, maxMegabytes, noWatch,
        };
        command.SetAction((parsed, cancellationToken) => RunAsync(console, environment, new Settings(
            parsed.GetValue(path), parsed.GetValue(listen)!, parsed.GetValue(config), parsed.GetValue(allow) ?? [], parsed.GetValue(ttl))
        {
            MaxUpstreamMegabytes = parsed.GetValue(maxMegabytes),
            Follow = !parsed.GetValue(noWatch),
        }, cancellationToken));
        return command;
    }

    public sealed record Settings(string? Path, string Listen, string? Config, IReadOnlyList<string> Allow, int TtlSeconds)
    {
        public int MaxUpstreamMegabytes { get; init; } = (int)(FetchLimits.DefaultMaxBytes / (1024 * 1024));

        /// <summary>Follow PATH as it changes (the default), or serve it as read at start.</summary>
        public bool Follow { get; init; } = true;
    }

    /// <summary>Serves until <paramref name="cancellationToken"/> is cancelled (Ctrl+C), then returns 0.</summary>
    public static async Task<int> RunAsync(CliConsole console, ProcessEnvironment environment, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.TtlSeconds < 0)
        {
            console.Error.WriteLine("universe serve: --ttl must be 0 or more seconds");
            return ExitCodes.Failure;
        }
        if (settings.MaxUpstreamMegabytes < 1)
        {
            console.Error.WriteLine("universe serve: --max-upstream-mb must be 1 or more");
            return ExitCodes.Failure;
        }
        BuildResult? local = null;
        LocalTreeOptions? followed = null;
        if (settings.Path is not null)
        {
            var root = TreeArgument.FindRoot(environment.FullPath(settings.Path), "serve", console);
            if (root is null) return ExitCodes.Failure;
            if (settings.Follow)
            {
                // Built when the server starts; a tree that does not validate is reported through Notice.
                followed = new LocalTreeOptions(root);
            }
            else
            {
                local = RepositoryBuilder.Build(PackageTreeReader.Read(root));
                if (local.Unbuilt.Count > 0)
                {
                    console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"universe serve: {local.Unbuilt.Count} revision(s) could not be built and are not served; run `universe validate {ShellText.Word(settings.Path)}` for details"));
                }
            }
        }
        var configPath = RepositoryCommandLine.ConfigPath(settings.Config, environment, console);
        var repositories = configPath is null ? RepositoryConfig.Empty : RepositoryCommandLine.Load(configPath, console);
        if (repositories is null) return ExitCodes.Failure;

        var upstreams = new List<Upstream>();
        foreach (var entry in repositories.ByPriority)
        {
            if (Upstream.For(entry) is { } upstream) upstreams.Add(upstream);
            else console.Error.WriteLine($"universe serve: not serving `{entry.Name}` ({entry.Location}): upstreams are http(s) or file addresses of an index.json or a DC/OS repository, not package trees");
        }

        var options = new ServeOptions
        {
            Listen = settings.Listen,
            Local = local,
            LocalTree = followed,
            Upstreams = upstreams,
            Allow = settings.Allow,
            Ttl = TimeSpan.FromSeconds(settings.TtlSeconds),
            Limits = new ServeOptions().Limits with { MaxBytes = settings.MaxUpstreamMegabytes * 1024L * 1024 },
            // Notices quote what upstreams and trees chose (names, reasons): shown on one line, never as terminal controls.
            Notice = line => console.Error.WriteLine($"universe serve: {TerminalText.Escape(line)}"),
        };
        UniverseServer server;
        try
        {
            server = await UniverseServer.StartAsync(options, cancellationToken);
        }
        catch (ArgumentException e)
        {
            console.Error.WriteLine($"universe serve: --listen: {e.Message}");
            return ExitCodes.Failure;
        }
        catch (IOException e)
        {
            console.Error.WriteLine($"universe serve: cannot listen on {settings.Listen}: {e.Message}");
            return ExitCodes.Failure;
        }
        await using (server)
        {
            var following = server.LocalTree is { Root: { } root } ? $"; following {root} (generation {server.LocalTree.Snapshot?.Generation ?? 0}, {SourceStateNames.Of(server.LocalTree.State)})" : "";
            console.Out.WriteLine($"serving {server.Url} (index.json, package/<name>.json, repo, health){following}; Ctrl+C stops");
            foreach (var (upstream, copy, kind) in await server.UpstreamsAsync(cancellationToken))
            {
                var what = kind switch { UpstreamKind.Dcos => "DC/OS repository", UpstreamKind.Index => "index", _ => "kind not known yet" };
                console.Error.WriteLine($"  upstream {upstream.Name} ({what}, {upstream.Address}): {SourceStateNames.Of(copy.State)}{(copy.Problem is null ? "" : $" ({copy.Problem})")}");
            }
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C: stop serving.
            }
        }
        return ExitCodes.Success;
    }
}
