using Microsoft.Playwright;
using Pipeline.Packages.Reading;
using Pipeline.Site.Tests.Support;
using Pipeline.Testing;

namespace Pipeline.Site.Tests.Browser;

/// <summary>The 404 page as GitHub Pages serves it for a missing path deep under a project site: styled, and its links lead into the site.</summary>
[Collection(SiteCollection.Name)]
public sealed class NotFoundPageInBrowserTests(SiteFixture fixture)
{
    [BrowserFact(needsCorpus: false)]
    public async Task ANestedMissingPathShowsTheStyledPageAndLinksHome()
    {
        using var folder = new TempFolder("site-404");
        var site = SiteGenerator.Generate(PackageTreeReader.Read(RepositoryFolders.Root), new SiteOptions { BaseUrl = "/universe/" });
        SiteFiles.WriteAll(site, folder.Path);
        await using var server = await StaticSiteServer.StartAsync(folder.Path, "/universe");
        await using var watch = await PageWatch.OpenAsync(await fixture.Browser());

        var response = await watch.Page.GotoAsync(server.BaseUrl + "packages/no-such-package/deeper/7.html");
        await watch.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        response!.Status.Should().Be(404);
        (await watch.Page.Locator("h1").InnerTextAsync()).Should().Be("Page not found");
        (await watch.Page.Locator("a.skip").EvaluateAsync<string>("a => getComputedStyle(a).position")).Should().Be("absolute", "the stylesheet loaded from the base path");
        server.Requests.Should().Contain("/universe/assets/site.css").And.NotContain(r => r.Contains("/deeper/assets", StringComparison.Ordinal));

        await watch.Page.GetByRole(AriaRole.Link, new() { Name = "The home page" }).ClickAsync();
        await watch.Page.WaitForURLAsync(server.BaseUrl + "index.html");
        (await watch.Page.Locator("#packages > li").CountAsync()).Should().BeGreaterThan(0, "the link leads to the package list");
        watch.ForeignRequests.Should().BeEmpty();
        watch.Errors.Should().ContainSingle("the missing page itself is the one failed load, and nothing breaks the policy").Which.Should().Contain("404");
    }
}
