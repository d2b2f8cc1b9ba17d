using Microsoft.Playwright;
using Pipeline.Build.Output;
using Pipeline.Build;
using Pipeline.Packages.Reading;
using Pipeline.Packages;
using Pipeline.Testing;

namespace Pipeline.Site.Tests.Support;

/// <summary>A generated site, written to a temp folder and served over HTTP.</summary>
internal sealed record ServedSite(StaticSiteServer Server, string Folder, IReadOnlyList<BuiltFile> SiteFiles);

/// <summary>
/// Shared by the tests that need a served site or a browser: the corpus site (with the build's
/// index.json, universe.json, SHA256SUMS and package/*.json beside it, as `universe build` writes them), the
/// crafted hostile site, and one headless Chromium. Each is made on first use only, so tests that
/// are skipped cost nothing.
/// </summary>
public sealed class SiteFixture : IAsyncLifetime
{
    private readonly TempFolder _temp = new("site-served");
    private readonly Lazy<Task<ServedSite>> _corpus;
    private readonly Lazy<Task<ServedSite>> _crafted;
    private readonly Lazy<Task<(IPlaywright, IBrowser)>> _browser;

    public SiteFixture()
    {
        _corpus = new(() => Task.Run(ServeCorpusAsync));
        _crafted = new(() => Task.Run(ServeCraftedAsync));
        _browser = new(LaunchAsync);
    }

    internal Task<ServedSite> CorpusSite() => _corpus.Value;

    internal Task<ServedSite> CraftedSite() => _crafted.Value;

    internal async Task<IBrowser> Browser() => (await _browser.Value).Item2;

    private async Task<ServedSite> ServeCorpusAsync()
    {
        var tree = PackageTreeReader.Read(SharedCorpus.Repository);
        var site = SiteGenerator.Generate(tree, new SiteOptions { SourceCommit = "0123456789abcdef" });
        var build = RepositoryBuilder.Build(tree);
        var repositoryFiles = build.Files.Where(f => f.Path is "index.json" or "universe.json" or "SHA256SUMS" || f.Path.StartsWith("package/", StringComparison.Ordinal));
        var folder = Path.Combine(_temp.Path, "corpus");
        SiteFiles.WriteAll(site.Concat(repositoryFiles), folder);
        return new ServedSite(await StaticSiteServer.StartAsync(folder), folder, site);
    }

    private async Task<ServedSite> ServeCraftedAsync()
    {
        var treeRoot = Path.Combine(_temp.Path, "crafted-tree");
        CraftedTree.Write(treeRoot);
        var site = SiteGenerator.Generate(PackageTreeReader.Read(treeRoot));
        var folder = Path.Combine(_temp.Path, "crafted");
        SiteFiles.WriteAll(site, folder);
        return new ServedSite(await StaticSiteServer.StartAsync(folder, "/crafted"), folder, site);
    }

    private static async Task<(IPlaywright, IBrowser)> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = TestEnvironment.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return (playwright, browser);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_browser.IsValueCreated)
        {
            var (playwright, browser) = await _browser.Value;
            await browser.CloseAsync();
            playwright.Dispose();
        }
        if (_corpus.IsValueCreated) await (await _corpus.Value).Server.DisposeAsync();
        if (_crafted.IsValueCreated) await (await _crafted.Value).Server.DisposeAsync();
        _temp.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class SiteCollection : ICollectionFixture<SiteFixture>
{
    public const string Name = "served site";
}
