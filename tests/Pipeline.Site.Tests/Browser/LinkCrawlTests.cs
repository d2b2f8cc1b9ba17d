using System.Net;
using System.Text.RegularExpressions;
using Pipeline.Site.Tests.Support;
using Pipeline.Testing;

namespace Pipeline.Site.Tests.Browser;

/// <summary>Every link and resource inside the served corpus site resolves, under its sub-path.</summary>
[Collection(SiteCollection.Name)]
public sealed partial class LinkCrawlTests(SiteFixture fixture)
{
    [CorpusFact]
    public async Task EveryInternalLinkResolves()
    {
        var site = await fixture.CorpusSite();
        using var http = new HttpClient();
        var root = new Uri(site.Server.BaseUrl);
        var start = new Uri(root, "index.html");
        var seen = new HashSet<string>(StringComparer.Ordinal) { start.AbsoluteUri };
        var queue = new Queue<Uri>([start]);
        var broken = new List<string>();
        var pages = 0;
        while (queue.Count > 0)
        {
            var url = queue.Dequeue();
            using var response = await http.GetAsync(url);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                broken.Add($"{url} → {(int)response.StatusCode}");
                continue;
            }
            if (response.Content.Headers.ContentType?.MediaType != "text/html") continue;
            pages++;
            var html = await response.Content.ReadAsStringAsync();
            var ids = IdAttribute().Matches(html).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
            foreach (Match link in LinkAttribute().Matches(html))
            {
                var target = WebUtility.HtmlDecode(link.Groups[2].Value);
                if (target.StartsWith("data:", StringComparison.Ordinal)) continue;
                var resolved = new Uri(url, target);
                if (resolved.Host != root.Host || resolved.Port != root.Port) continue; // links to other hosts are not followed
                if (!resolved.AbsolutePath.StartsWith(root.AbsolutePath, StringComparison.Ordinal))
                {
                    broken.Add($"{url}: {target} leaves the site's base path");
                    continue;
                }
                if (target.StartsWith('#') && !ids.Contains(target[1..])) broken.Add($"{url}: no element with id {target}");
                var page = new UriBuilder(resolved) { Fragment = "", Query = "" }.Uri;
                if (seen.Add(page.AbsoluteUri)) queue.Enqueue(page);
            }
        }
        broken.Should().BeEmpty();
        // 404.html is linked from nowhere: the host serves it for missing paths.
        pages.Should().Be(site.SiteFiles.Count(f => f.Path.EndsWith(".html", StringComparison.Ordinal) && f.Path != SitePaths.NotFound), "every page is reachable from the index");
        seen.Should().Contain(new Uri(root, "package/cassandra.json").AbsoluteUri).And.Contain(new Uri(root, "universe.json").AbsoluteUri);
    }

    [GeneratedRegex("\\s(href|src)=\"([^\"]*)\"")]
    private static partial Regex LinkAttribute();

    [GeneratedRegex("\\sid=\"([^\"]*)\"")]
    private static partial Regex IdAttribute();
}
