using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Pipeline.Cli.Tests.Printed;
using Pipeline.Repositories.Fetching;
using Pipeline.Testing.Registries;

namespace Pipeline.Cli.Tests.Walkthrough;

/// <summary>
/// The README's "Running a private universe", run as printed and in order (addresses replaced by
/// <see cref="WalkthroughSite"/>'s), with what each step promises checked after it: the public
/// universe's packages reach staging through production, a stopped public universe keeps being
/// served, an edit in staging is served without a restart, a promoted revision reaches
/// production's serve, and a bundle's images pushed inside the air gap have the source digests.
/// </summary>
public sealed class OperatorWalkthroughTests : IAsyncLifetime
{
    public const string Section = "Running a private universe";

    private readonly HttpClient _http = UpstreamClient.ForDownloads();
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(6));
    private readonly List<(Task<int> Run, CancellationTokenSource Stop)> _serving = [];
    private readonly Dictionary<string, Uri> _servers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _checked = new(StringComparer.Ordinal);
    private WalkthroughSite? _site;

    public Task InitializeAsync() => Task.CompletedTask;

    [WalkthroughFact]
    public async Task EveryCommandOfTheWalkthroughRunsInOrderAndDoesWhatItSays()
    {
        var commands = ReadmeCommands.All.Where(c => c.Section == Section).ToArray();
        commands.Should().NotBeEmpty().And.OnlyContain(c => c.Kind == PrintedKind.Shell && c.UniverseArgs != null,
            "the walkthrough's commands are the `universe` lines of its shell blocks, each run here (a command in its prose would be neither run nor proven)");
        var site = _site = await WalkthroughSite.StartAsync(_http);

        foreach (var command in commands)
        {
            var args = site.Substitute(command.UniverseArgs!);
            if (command.Normalized.StartsWith("universe promote", StringComparison.Ordinal)) await EditStagingAsync();
            var run = args[0] == "serve" ? null : await CliRun.InAsync(site.Environment, args, _timeout.Token);
            if (run is not null) run.ExitCode.Should().Be(0, $"{command} printed:\n{run.Out}{run.Error}");
            else _servers[args[1]] = await ServeAsync(args);
            await CheckAsync(command.Normalized, run);
        }

        _checked.Should().BeEquivalentTo(
            ["public is DC/OS", "production serves public", "staging serves all", "public stopped", "search", "render", "edit served", "promoted", "bundle", "pushed", "dc serves"],
            "every step the walkthrough promises is checked");
    }

    private async Task CheckAsync(string printed, CliRun? run)
    {
        var site = _site!;
        switch (printed.Split(' ').Skip(1).Take(3).ToArray())
        {
            case ["repo", "add", "public"]:
                run!.Out.Should().Contain("DC/OS repository v5");
                _checked.Add("public is DC/OS");
                break;
            case ["serve", "production", ..]:
                Names(await RepoAsync("production")).Should().Contain(["cassandra", "kv-store"]);
                _checked.Add("production serves public");
                break;
            case ["serve", "staging", ..]:
                Names(await RepoAsync("staging")).Should().Contain(["cassandra", "kv-store", "hello-world"]);
                _checked.Add("staging serves all");
                await site.PublicUniverse.DisposeAsync();
                site.PublicUniverseStopped = true;
                Names(await RepoAsync("production")).Should().Contain("cassandra", "the last good copy is served when the public universe stops");
                _checked.Add("public stopped");
                break;
            case ["search", "cassandra", ..]:
                run!.Out.Should().Contain("cassandra").And.Contain("staging");
                _checked.Add("search");
                break;
            case ["render", ..]:
                JsonNode.Parse(run!.Out)!["id"]!.GetValue<string>().Should().Contain("cassandra");
                _checked.Add("render");
                break;
            case ["promote", ..]:
                Directory.EnumerateFiles(site.InRoot("production", "packages", "H", "hello-world"), "package.json", SearchOption.AllDirectories).Should().ContainSingle();
                await UntilAsync("production", "index.json", text => Names(text).Contains("hello-world"));
                _checked.Add("promoted");
                break;
            case ["mirror", "--from", "staging"]:
                var layout = JsonNode.Parse(File.ReadAllText(site.InRoot("bundle", "images", "index.json")))!["manifests"]!.AsArray();
                layout.Select(m => m!["digest"]!.GetValue<string>()).Should().BeEquivalentTo(site.Images.Values.Select(i => i.Index.Digest));
                _checked.Add("bundle");
                // Inside the air gap nothing outside answers.
                await site.StopSourceRegistryAsync();
                break;
            case ["mirror", "--from", "bundle/tree"]:
                foreach (var (tag, image) in site.Images)
                {
                    (await SiteDigestAsync(image.Index.Digest)).Should().Be(image.Index.Digest, $"hello-world:{tag} keeps its digest");
                }
                var pinned = Directory.EnumerateFiles(site.InRoot("dc", "packages", "H", "hello-world"), "resource.json", SearchOption.AllDirectories)
                    .Select(f => JsonNode.Parse(File.ReadAllText(f))!["assets"]!["container"]!["docker"]!["server"]!.GetValue<string>());
                pinned.Should().BeEquivalentTo(site.Images.Values.Select(i => $"{site.SiteRegistry.Host}/{WalkthroughSite.ImageRepository}@{i.Index.Digest}"));
                _checked.Add("pushed");
                break;
            case ["serve", "dc", ..]:
                var served = JsonNode.Parse(await RepoAsync("dc"))!["packages"]!.AsArray().Where(p => p!["name"]!.GetValue<string>() == "hello-world");
                served.Select(p => p!["resource"]!["assets"]!["container"]!["docker"]!["server"]!.GetValue<string>())
                    .Should().NotBeEmpty().And.OnlyContain(image => image.StartsWith(site.SiteRegistry.Host + "/", StringComparison.Ordinal));
                _checked.Add("dc serves");
                break;
        }
    }

    /// <summary>Step 4's edit: staging's hello-world 2.0.0 gets a new description, which its serve shows without a restart.</summary>
    private async Task EditStagingAsync()
    {
        var file = _site!.InRoot("staging", "packages", "H", "hello-world", "2", "package.json");
        var package = JsonNode.Parse(File.ReadAllText(file))!;
        package["description"] = "Edited while staging serves";
        File.WriteAllText(file, package.ToJsonString());
        await UntilAsync("staging", "package/hello-world.json", text => text.Contains("Edited while staging serves", StringComparison.Ordinal));
        _checked.Add("edit served");
    }

    private async Task<Uri> ServeAsync(IReadOnlyList<string> args)
    {
        var stop = CancellationTokenSource.CreateLinkedTokenSource(_timeout.Token);
        var output = new ServingWriter();
        var error = new StringWriter();
        var run = Program.RunAsync([.. args], new CliConsole(output, error, IsTerminal: false), _site!.Environment, stop.Token);
        _serving.Add((run, stop));
        (await Task.WhenAny(output.Url, run)).Should().Be(output.Url, $"`universe {string.Join(' ', args)}` should start serving:\n{output}{error}");
        return await output.Url;
    }

    private async Task<string> RepoAsync(string server)
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_servers[server], "repo"));
        request.Headers.TryAddWithoutValidation("User-Agent", "cosmos/0.6.0 dcos/2.0.0");
        request.Headers.TryAddWithoutValidation("Accept", "application/vnd.dcos.universe.repo+json;charset=utf-8;version=v5");
        using var response = await client.SendAsync(request, _timeout.Token);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync(_timeout.Token);
    }

    /// <summary>Asks until the answer shows the change: the serve rebuilds in the background, so the test waits for it, bounded by the run's timeout.</summary>
    private async Task UntilAsync(string server, string path, Func<string, bool> shows)
    {
        using var client = new HttpClient();
        while (true)
        {
            var text = await client.GetStringAsync(new Uri(_servers[server], path), _timeout.Token);
            if (shows(text)) return;
            await Task.Delay(TimeSpan.FromMilliseconds(100), _timeout.Token);
        }
    }

    private async Task<string> SiteDigestAsync(string digest)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_site!.SiteRegistry.Root, $"v2/{WalkthroughSite.ImageRepository}/manifests/{digest}"));
        request.Headers.Accept.ParseAdd(TestImage.IndexType);
        request.Headers.Accept.ParseAdd(TestImage.ManifestType);
        using var response = await _http.SendAsync(request, _timeout.Token);
        response.EnsureSuccessStatusCode();
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(await response.Content.ReadAsByteArrayAsync(_timeout.Token)));
    }

    private static IReadOnlyList<string> Names(string json) =>
        (JsonNode.Parse(json)!["packages"] as JsonArray ?? []).Select(p => p!["name"]!.GetValue<string>()).Distinct().ToArray();

    public async Task DisposeAsync()
    {
        foreach (var (run, stop) in _serving)
        {
            await stop.CancelAsync();
            await ((Task)run).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            stop.Dispose();
        }
        if (_site is not null) await _site.DisposeAsync();
        _http.Dispose();
        _timeout.Dispose();
    }
}
