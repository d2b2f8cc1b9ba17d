using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Pipeline.Diagnostics.Runs;
using Pipeline.Testing;
using Pipeline.Testing.Registries;
using Pipeline.Testing.StaticFiles;

namespace Pipeline.Cli.Tests.Walkthrough;

/// <summary>
/// Everything the README's walkthrough talks to, on 127.0.0.1: the public universe (Universe's own
/// build of its repository, served at <c>/repo</c> as a static file), the registry the example
/// packages' images come from and the data centre's empty registry; and the working folder with
/// <c>staging/</c> (the example packages, hello-world's images in that registry) and
/// <c>production/</c> (kv-store alone). The README's addresses are replaced
/// by these (<see cref="Substitute"/>).
/// </summary>
public sealed class WalkthroughSite : IAsyncDisposable
{
    public const string ImageRepository = "universe-pipeline-examples/hello-world";
    public static readonly string[] ImageTags = ["1.0.0", "1.1.0", "2.0.0"];

    private readonly Dictionary<string, string> _addresses = new(StringComparer.Ordinal);

    private WalkthroughSite(string root) => Root = root;

    public string Root { get; }

    public ProcessEnvironment Environment { get; private set; } = null!;

    public StaticFileServer PublicUniverse { get; private set; } = null!;

    public DistributionRegistry SourceRegistry { get; private set; } = null!;

    public DistributionRegistry SiteRegistry { get; private set; } = null!;

    /// <summary>Per tag, the image pushed to the source registry.</summary>
    public IReadOnlyDictionary<string, TestImage> Images { get; } = ImageTags.ToDictionary(t => t, t => TestImage.Create($"hello-world {t}"));

    public bool SourceRegistryStopped { get; private set; }

    /// <summary>Set when a test has stopped <see cref="PublicUniverse"/>.</summary>
    public bool PublicUniverseStopped { get; set; }

    public static async Task<WalkthroughSite> StartAsync(HttpClient http)
    {
        var site = new WalkthroughSite(Directory.CreateTempSubdirectory("universe-walkthrough-").FullName);
        site.PublicUniverse = await StaticFileServer.StartAsync();
        site.PublicUniverse.Add("repo", Gunzip(Path.Combine(SharedCorpus.Reference, "repo-up-to-2.0.json.gz")),
            File.ReadAllText(Path.Combine(SharedCorpus.Reference, "repo-up-to-2.0.content_type")).Trim());
        site.SourceRegistry = await DistributionRegistry.StartAsync();
        site.SiteRegistry = await DistributionRegistry.StartAsync();
        foreach (var (tag, image) in site.Images) await image.PushAsync(http, site.SourceRegistry.Root, ImageRepository, tag);

        site._addresses["https://universe.mesosphere.com/repo"] = new Uri(site.PublicUniverse.BaseUrl, "repo").ToString();
        site._addresses["registry.dc.example:5000"] = site.SiteRegistry.Host;
        foreach (var port in new[] { "8080", "8081", "8082" }) site._addresses[$"127.0.0.1:{port}"] = $"127.0.0.1:{FreePort()}";
        site.MakeTrees();
        site.Environment = ProcessEnvironment.Of(
            new Dictionary<string, string> { ["XDG_CONFIG_HOME"] = Path.Combine(site.Root, "xdg"), ["HOME"] = Path.Combine(site.Root, "home") }, site.Root);
        return site;
    }

    /// <summary>The address this site uses for one the README prints, e.g. 127.0.0.1:8080.</summary>
    public string Address(string printed) => _addresses[printed];

    /// <summary>A README command's words with its addresses replaced by this site's.</summary>
    public IReadOnlyList<string> Substitute(IReadOnlyList<string> words) =>
        words.Select(w => _addresses.Aggregate(w, (text, pair) => text.Replace(pair.Key, pair.Value, StringComparison.Ordinal))).ToArray();

    public string InRoot(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>The data centre has no route to the outside: the source registry goes away.</summary>
    public async Task StopSourceRegistryAsync()
    {
        await SourceRegistry.DisposeAsync();
        SourceRegistryStopped = true;
    }

    private void MakeTrees()
    {
        var examples = Path.Combine(RepositoryFolders.Root, "packages");
        Copy(examples, InRoot("staging", "packages"));
        File.Copy(Path.Combine(RepositoryFolders.Root, "universe.yaml"), InRoot("staging", "universe.yaml"));
        Copy(Path.Combine(examples, "K", "kv-store"), InRoot("production", "packages", "K", "kv-store"));
        File.Copy(Path.Combine(RepositoryFolders.Root, "universe.yaml"), InRoot("production", "universe.yaml"));
        // hello-world's image comes from the source registry. Its icons are dropped: they must be https
        // (UNI204), which no server here can be, and staging must validate for its edits to be served.
        foreach (var file in Directory.EnumerateFiles(InRoot("staging", "packages", "H", "hello-world"), "resource.json", SearchOption.AllDirectories))
        {
            var resource = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
            resource.Remove("images");
            File.WriteAllText(file, resource.ToJsonString().Replace("ghcr.io/universe-pipeline-examples/", $"{SourceRegistry.Host}/universe-pipeline-examples/", StringComparison.Ordinal));
        }
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static byte[] Gunzip(string path)
    {
        using var input = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!PublicUniverseStopped) await PublicUniverse.DisposeAsync();
        if (!SourceRegistryStopped) await SourceRegistry.DisposeAsync();
        await SiteRegistry.DisposeAsync();
        Directory.Delete(Root, recursive: true);
    }
}
