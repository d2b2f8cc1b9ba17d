using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Pipeline.Site.Tests.Support;

namespace Pipeline.Site.Tests.Browser;

/// <summary>
/// The site built from the Universe corpus, served by Kestrel under /universe/ and driven in a real
/// headless Chromium that may reach 127.0.0.1 only.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class CorpusSiteInBrowserTests(SiteFixture fixture)
{
    [BrowserFact]
    public async Task SearchFindsPackagesByName()
    {
        var site = await fixture.CorpusSite();
        await using var watch = await PageWatch.OpenAsync(await fixture.Browser());
        await watch.Page.GotoAsync(site.Server.BaseUrl);

        var search = watch.Page.GetByLabel("Search packages");
        await search.FillAsync("cassandra");

        await Assertions.Expect(watch.Page.Locator("#packages > li:visible").First).ToHaveAttributeAsync("data-name", "cassandra");
        var visible = await VisibleNames(watch.Page);
        visible.Should().Contain("cassandra").And.NotContain("jenkins").And.NotContain("kafka");
        (await watch.Page.Locator("#search-status").TextContentAsync()).Should().MatchRegex(@"^\d+ packages? match");
        site.Server.Requests.Should().Contain("/universe/search-index.json", "search runs over the small search index");
        AssertClean(watch);
    }

    [BrowserFact]
    public async Task SearchFindsPackagesByTag()
    {
        var site = await fixture.CorpusSite();
        await using var watch = await PageWatch.OpenAsync(await fixture.Browser());
        await watch.Page.GotoAsync(site.Server.BaseUrl);

        await watch.Page.GetByLabel("Search packages").FillAsync("continuous-integration");

        await Assertions.Expect(watch.Page.Locator("#p-gitlab")).ToBeVisibleAsync();
        var visible = await VisibleNames(watch.Page);
        visible.Should().BeEquivalentTo(["beta-jenkins", "gitlab", "jenkins"], "exactly these packages' latest versions carry the tag");

        await watch.Page.GetByLabel("Search packages").FillAsync("pubsub");
        await Assertions.Expect(watch.Page.Locator("#p-concord")).ToBeVisibleAsync();
        (await VisibleNames(watch.Page)).Should().Contain(["concord", "kafka", "confluent-kafka"]).And.NotContain("cassandra");

        await watch.Page.GetByLabel("Search packages").FillAsync("");
        (await watch.Page.Locator("#packages > li:visible").CountAsync()).Should().Be(120, "an empty search shows every package again");
        AssertClean(watch);
    }

    [BrowserFact]
    public async Task IndexListsEveryPackageWithoutJavaScript()
    {
        var site = await fixture.CorpusSite();
        await using var watch = await PageWatch.OpenAsync(await fixture.Browser(), new BrowserNewContextOptions { JavaScriptEnabled = false });
        await watch.Page.GotoAsync(site.Server.BaseUrl + "index.html");

        (await watch.Page.Locator("#packages > li:visible").CountAsync()).Should().Be(120);
        (await watch.Page.Locator("#search").IsVisibleAsync()).Should().BeFalse("a search box that cannot work stays hidden without JavaScript");
        await Assertions.Expect(watch.Page.Locator("#p-cassandra .desc")).ToHaveTextAsync("Apache Cassandra");
        AssertClean(watch);
    }

    [BrowserFact]
    public async Task PackagePageShowsNearbyVersionsTheOptionsTableAndLinksToEveryVersionNewestFirst()
    {
        var site = await fixture.CorpusSite();
        await using var watch = await PageWatch.OpenAsync(await fixture.Browser());
        await watch.Page.GotoAsync(site.Server.BaseUrl);
        await watch.Page.GetByLabel("Search packages").FillAsync("cassandra");
        await watch.Page.Locator("#p-cassandra a.card-link").ClickAsync();

        await Assertions.Expect(watch.Page).ToHaveURLAsync(new Regex("/universe/packages/cassandra/index\\.html$"));
        await Assertions.Expect(watch.Page.GetByRole(AriaRole.Heading, new() { Name = "cassandra", Level = 1 })).ToBeVisibleAsync();

        var nearby = await watch.Page.Locator("table.versions tbody tr td:nth-child(2)").AllTextContentsAsync();
        nearby.Should().Equal(["1000", "900", "800"], "the latest revision's page lists itself and its two older neighbours");
        var firstRow = await watch.Page.Locator("table.versions tbody tr").First.AllInnerTextsAsync();
        firstRow[0].Should().Contain("2.10.0-3.11.6").And.Contain("4.0").And.Contain("1.11");

        var options = watch.Page.Locator("table.options");
        await Assertions.Expect(options).ToBeVisibleAsync();
        var headers = await options.Locator("thead th").AllTextContentsAsync();
        headers.Should().Equal("Option", "Type", "Default", "Required", "Allowed values", "Description");
        var optionNames = await options.Locator("tbody th").AllTextContentsAsync();
        optionNames.Should().Contain("service").And.Contain("service.name").And.Contain(n => n.Count(c => c == '.') >= 1);

        await watch.Page.GetByRole(AriaRole.Link, new() { Name = "All 38 versions" }).ClickAsync();
        await Assertions.Expect(watch.Page).ToHaveURLAsync(new Regex("/universe/packages/cassandra/versions\\.html$"));
        var revisions = await watch.Page.Locator("table.versions tbody tr td:nth-child(2)").AllTextContentsAsync();
        revisions.Should().HaveCount(38, "the version list shows every version once");
        revisions.Select(int.Parse).Should().BeInDescendingOrder();
        revisions[0].Should().Be("1000");

        await watch.Page.ClickAsync("table.versions a >> nth=1");
        await Assertions.Expect(watch.Page.Locator(".notice")).ToContainTextAsync("older version");
        AssertClean(watch);
    }

    [BrowserFact]
    public async Task ScreenshotsOfTheIndexAndAPackagePageAreSaved()
    {
        var site = await fixture.CorpusSite();
        await using var watch = await PageWatch.OpenAsync(await fixture.Browser());
        var folder = TestEnvironment.ScreenshotsFolder;

        await watch.Page.GotoAsync(site.Server.BaseUrl);
        var index = Path.Combine(folder, "index.png");
        await watch.Page.ScreenshotAsync(new() { Path = index });
        await watch.Page.GotoAsync(site.Server.BaseUrl + "packages/cassandra/index.html");
        var package = Path.Combine(folder, "package-cassandra.png");
        await watch.Page.ScreenshotAsync(new() { Path = package, FullPage = true });

        await using var phone = await PageWatch.OpenAsync(await fixture.Browser(), new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true,
            HasTouch = true,
        });
        await phone.Page.GotoAsync(site.Server.BaseUrl + "packages/hdfs/index.html");
        var mobile = Path.Combine(folder, "package-hdfs-phone.png");
        await phone.Page.ScreenshotAsync(new() { Path = mobile });
        var width = await phone.Page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        width.Should().BeLessThanOrEqualTo(390, "a phone shows the page without scrolling sideways");

        foreach (var file in new[] { index, package, mobile }) new FileInfo(file).Length.Should().BeGreaterThan(10_000);
        Console.WriteLine($"screenshots: {folder}");
        AssertClean(watch);
        AssertClean(phone);
    }

    private static async Task<IReadOnlyList<string>> VisibleNames(IPage page) =>
        [.. (await page.Locator("#packages > li:visible").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.name)"))];

    internal static void AssertClean(PageWatch watch)
    {
        watch.ForeignRequests.Should().BeEmpty("the site loads nothing from other hosts");
        watch.Errors.Should().BeEmpty("no script error or Content-Security-Policy violation");
    }
}
