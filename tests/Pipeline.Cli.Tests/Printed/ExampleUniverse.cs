using Pipeline.Diagnostics.Runs;
using Pipeline.Testing;

namespace Pipeline.Cli.Tests.Printed;

/// <summary>
/// A temp copy of this repository's example universe (packages/ and universe.yaml) laid out so
/// every relative path the README's commands use resolves, run from as the working folder with its
/// own XDG_CONFIG_HOME; the checkout itself is never written. The working folder holds the tree as
/// a Universe checkout does, in repo/, so both `universe validate .` and `universe validate repo` read it.
/// <code>
/// checkout/repo/       the working folder's universe: packages/, universe.yaml
/// universe/repo/       ../universe/repo, a Universe checkout beside the working folder
/// production/          ../production, an empty universe to promote into
/// </code>
/// </summary>
public sealed class ExampleUniverse : IDisposable
{
    /// <summary>Bounds every run here, so a command that hangs fails its test instead of stalling the run.</summary>
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(2));

    public ExampleUniverse()
    {
        Root = Directory.CreateTempSubdirectory("universe-printed-").FullName;
        Checkout = Path.Combine(Root, "checkout");
        var packages = Path.Combine(RepositoryFolders.Root, "packages");
        CopyFolder(packages, Path.Combine(Checkout, "repo", "packages"));
        File.Copy(Path.Combine(RepositoryFolders.Root, "universe.yaml"), Path.Combine(Checkout, "repo", "universe.yaml"));
        CopyFolder(packages, Path.Combine(Root, "universe", "repo", "packages"));
        Directory.CreateDirectory(Path.Combine(Root, "production", "packages"));
        Environment = ProcessEnvironment.Of(
            new Dictionary<string, string> { ["XDG_CONFIG_HOME"] = Path.Combine(Root, "xdg"), ["HOME"] = Path.Combine(Root, "home") }, Checkout);
    }

    public string Root { get; }

    /// <summary>The working folder the commands run in.</summary>
    public string Checkout { get; }

    public ProcessEnvironment Environment { get; }

    public string InCheckout(params string[] parts) => Path.Combine([Checkout, .. parts]);

    /// <summary>
    /// Runs a command here. `serve` runs until it has answered one request for /health on its
    /// listen address (port 0 unless the command names one), then is stopped as Ctrl+C stops it.
    /// </summary>
    public Task<CliRun> RunAsync(IReadOnlyList<string> args) =>
        args is ["serve", ..] ? ServeOnceAsync(args.Contains("--listen") ? args : [.. args, "--listen", "127.0.0.1:0"], _timeout.Token)
            : CliRun.InAsync(Environment, args, _timeout.Token);

    private async Task<CliRun> ServeOnceAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var output = new ServingWriter();
        var error = new StringWriter();
        var serving = Program.RunAsync([.. args], new CliConsole(output, error, IsTerminal: false), Environment, stop.Token);
        if (await Task.WhenAny(output.Url, serving) == output.Url)
        {
            using var http = new HttpClient();
            using var health = await http.GetAsync(new Uri(await output.Url, "health"), cancellationToken);
            output.WriteLine($"GET /health: {(int)health.StatusCode}");
            await stop.CancelAsync();
        }
        var code = await serving;
        return new CliRun(code, output.ToString(), error.ToString());
    }

    public void Dispose()
    {
        _timeout.Dispose();
        Directory.Delete(Root, recursive: true);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var folder in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, folder)));
        }
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }
}
