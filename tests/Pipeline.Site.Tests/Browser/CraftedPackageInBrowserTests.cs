using Pipeline.Site.Tests.Support;

namespace Pipeline.Site.Tests.Browser;

/// <summary>A package whose text is script and HTML everywhere: in a real browser none of it runs, all of it reads as text.</summary>
[Collection(SiteCollection.Name)]
public sealed class CraftedPackageInBrowserTests(SiteFixture fixture)
{
    [BrowserFact(needsCorpus: false)]
    public async Task ScriptInPackageTextNeverRunsAndShowsAsText()
    {
        var site = await fixture.CraftedSite();
        await using var watch = await PageWatch.OpenAsync(await fixture.Browser());

        foreach (var path in new[] { "index.html", $"packages/{CraftedTree.Name}/index.html" })
        {
            await watch.Page.GotoAsync(site.Server.BaseUrl + path);
            await watch.Page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle);
            foreach (var details in await watch.Page.Locator("details").AllAsync()) await details.EvaluateAsync("d => d.open = true");
            (await watch.Page.EvaluateAsync<bool>("() => window.__pwned === undefined")).Should().BeTrue($"no payload ran on {path}");
            (await watch.Page.Locator("main script, main img, main [onerror]").CountAsync()).Should().Be(0, $"{path} holds no element from package text");
            (await watch.Page.Locator("a[href^='javascript:' i]").CountAsync()).Should().Be(0);
        }

        await watch.Page.ScreenshotAsync(new() { Path = Path.Combine(TestEnvironment.ScreenshotsFolder, "package-crafted.png"), FullPage = true });
        var body = await watch.Page.Locator("main").InnerTextAsync();
        body.Should().Contain(CraftedTree.ScriptPayload, "the description, README and notes show the markup as text");
        body.Should().Contain(CraftedTree.ImagePayload);
        var options = await watch.Page.Locator("table.options").InnerTextAsync();
        options.Should().Contain(CraftedTree.ScriptPayload).And.Contain(CraftedTree.ImagePayload);

        await watch.Page.GotoAsync(site.Server.BaseUrl);
        await watch.Page.GetByLabel("Search packages").FillAsync("<script>");
        (await watch.Page.EvaluateAsync<bool>("() => window.__pwned === undefined")).Should().BeTrue();
        CorpusSiteInBrowserTests.AssertClean(watch);
    }
}
