using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text;
using Pipeline.Build.Output;
using Pipeline.Packages.Reading;
using Pipeline.Packages;
using Pipeline.Site.Tests.Support;
using Pipeline.Testing;

namespace Pipeline.Site.Tests.Unit;

public sealed partial class SiteGeneratorTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string OwnPackages => RepositoryFolders.Root; // the repository's own universe: packages/ at its root

    private static string Text(IReadOnlyList<BuiltFile> files, string path) => SiteFiles.Text(files, path);

    [Fact]
    public void SameTreeGivesTheSameBytesWhateverTheParallelism()
    {
        var tree = PackageTreeReader.Read(OwnPackages);
        var one = SiteGenerator.Generate(tree, new SiteOptions { MaxDegreeOfParallelism = 1 });
        var many = SiteGenerator.Generate(PackageTreeReader.Read(OwnPackages), new SiteOptions { MaxDegreeOfParallelism = 8 });

        many.Select(f => f.Path).Should().Equal(one.Select(f => f.Path));
        for (var i = 0; i < one.Count; i++) many[i].ToArray().Should().Equal(one[i].ToArray(), one[i].Path);
        one.Select(f => f.Path).Should().BeInAscendingOrder(StringComparer.Ordinal);
    }

    [Fact]
    public void ATreeScannedWithoutContentGivesTheSamePages()
    {
        var loaded = SiteGenerator.Generate(PackageTreeReader.Read(OwnPackages));
        var scanned = SiteGenerator.Generate(PackageTreeReader.Read(OwnPackages, new TreeReaderOptions { LoadContent = false }));

        scanned.Select(f => f.Path).Should().Equal(loaded.Select(f => f.Path));
        for (var i = 0; i < loaded.Count; i++) scanned[i].ToArray().Should().Equal(loaded[i].ToArray(), loaded[i].Path);
    }

    [Fact]
    public void WritesTheIndexAPagePerRevisionAndTheAssets()
    {
        new TreeBuilder(_temp.Path)
            .Revision("alpha", 0, TreeBuilder.Package("1.0", "First"))
            .Revision("alpha", 3, TreeBuilder.Package("1.3", "Newest"))
            .Revision("beta", 0, TreeBuilder.Package("0.1", "Other"));
        var files = SiteGenerator.Generate(PackageTreeReader.Read(_temp.Path));

        files.Select(f => f.Path).Should().Equal(
            "404.html", "assets/search.js", "assets/site.css", "index.html",
            "packages/alpha/0.html", "packages/alpha/index.html", "packages/alpha/versions.html",
            "packages/beta/index.html", "packages/beta/versions.html", "search-index.json");

        var alpha = Text(files, "packages/alpha/index.html");
        alpha.IndexOf(">1.3<", StringComparison.Ordinal).Should().BeLessThan(alpha.IndexOf(">1.0<", StringComparison.Ordinal), "versions are listed newest first");
        alpha.Should().Contain("href=\"../../index.html\"").And.Contain("href=\"../../package/alpha.json\"").And.Contain("href=\"0.html\"");
        Text(files, "packages/alpha/0.html").Should().Contain("This is an older version");

        using var search = JsonDocument.Parse(files.Single(f => f.Path == "search-index.json").ToArray());
        search.RootElement.GetArrayLength().Should().Be(2);
        search.RootElement[0].GetProperty("n").GetString().Should().Be("alpha");
        search.RootElement[0].GetProperty("v").GetString().Should().Be("1.3", "the search index carries the latest version");
    }

    [Fact]
    public void EveryPageLoadsOnlyItsOwnFilesUnderAStrictPolicy()
    {
        new TreeBuilder(_temp.Path).Revision("alpha", 0, TreeBuilder.Package("1.0", "See ![logo](https://example.com/logo.png)"),
            resource: new System.Text.Json.Nodes.JsonObject { ["images"] = new System.Text.Json.Nodes.JsonObject { ["icon-small"] = "https://example.com/i.png" } });
        var files = SiteGenerator.Generate(PackageTreeReader.Read(_temp.Path));

        foreach (var page in files.Where(f => f.Path.EndsWith(".html", StringComparison.Ordinal)))
        {
            var html = Encoding.UTF8.GetString(page.ToArray());
            html.Should().Contain("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'self';");
            html.Should().Contain("<main id=\"main\">").And.Contain("<html lang=\"en\">");
            LoadedResource().Matches(html).Select(m => m.Value).Should().OnlyContain(v => !v.Contains("//"), $"{page.Path} loads nothing from another host");
            html.Should().NotContain("<img").And.NotContain(" style=").And.NotContain(" onclick=");
        }
    }

    [Fact]
    public void PackageTextIsEscapedEverywhere()
    {
        CraftedTree.Write(_temp.Path);
        var files = SiteGenerator.Generate(PackageTreeReader.Read(_temp.Path));

        foreach (var path in new[] { "index.html", $"packages/{CraftedTree.Name}/index.html" })
        {
            var html = Text(files, path);
            html.Should().NotContain("<script>window").And.NotContain("<img src=x").And.NotContain("href=\"javascript:", path);
            html.Should().Contain("&lt;script&gt;window.__pwned=1&lt;/script&gt;");
        }
        var page = Text(files, $"packages/{CraftedTree.Name}/index.html");
        page.Should().Contain("&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;", "the maintainer, options and README show the markup");
        page.Should().Contain("&lt;/code&gt;&lt;/pre&gt;&lt;script&gt;", "a descriptor cannot close its own code block");
        Text(files, "search-index.json").Should().NotContain("<script>", "the search index is escaped JSON too");
    }

    [Fact]
    public void TheOptionsTableSaysWhichOptionsAreRequiredOnlyConditionally()
    {
        var config = System.Text.Json.Nodes.JsonNode.Parse("""
            {"type": "object",
             "properties": {"mode": {"type": "string"}, "zone": {"type": "string"}, "port": {"type": "integer"}},
             "oneOf": [{"required": ["mode", "zone"]}, {"required": ["mode"]}]}
            """)!.AsObject();
        new TreeBuilder(_temp.Path).Revision("alpha", 0, TreeBuilder.Package("1.0", "Options"), config);

        var page = Text(SiteGenerator.Generate(PackageTreeReader.Read(_temp.Path)), "packages/alpha/index.html");

        Regex.Matches(page, "<tr class=\"depth-0\">.*?</tr>").Select(m => Regex.Match(m.Value, "<td>(yes|no|conditionally)</td>").Groups[1].Value)
            .Should().Equal("yes", "conditionally", "no");
    }

    [Fact]
    public void BrokenFilesAreNotedAndNeverThrow()
    {
        new TreeBuilder(_temp.Path)
            .Revision("alpha", 0, TreeBuilder.Package("1.0", "Good"))
            .Revision("beta", 0, TreeBuilder.Package("1.0", "Config is broken"));
        File.WriteAllText(Path.Combine(_temp.Path, "packages", "B", "beta", "0", "config.json"), "{ \"properties\": ");
        Directory.CreateDirectory(Path.Combine(_temp.Path, "packages", "G", "gamma", "0"));
        File.WriteAllText(Path.Combine(_temp.Path, "packages", "G", "gamma", "0", "package.json"), "not json");

        var files = SiteGenerator.Generate(PackageTreeReader.Read(_temp.Path));

        files.Select(f => f.Path).Should().Contain("packages/alpha/index.html").And.Contain("packages/beta/index.html").And.NotContain(p => p.Contains("gamma"));
        Text(files, "packages/beta/index.html").Should().Contain("config.json is not valid JSON");
    }

    [Fact]
    public void TheTitleComesFromOptionsThenSettings()
    {
        new TreeBuilder(_temp.Path).Revision("alpha", 0, TreeBuilder.Package("1.0", "x"));
        File.WriteAllText(Path.Combine(_temp.Path, "universe.yaml"), "name: acme\nsite:\n  title: Acme <Universe>\n");
        var tree = PackageTreeReader.Read(_temp.Path);

        Text(SiteGenerator.Generate(tree), "index.html").Should().Contain("<title>Acme &lt;Universe&gt;</title>");
        Text(SiteGenerator.Generate(tree, new SiteOptions { Title = "Other", SourceCommit = "abc123" }), "index.html")
            .Should().Contain("<h1>Other</h1>").And.Contain("<code>abc123</code>");
    }

    [GeneratedRegex("<(?:script|link|img|iframe)[^>]*(?:src|href)=\"[^\"]*\"")]
    private static partial Regex LoadedResource();
}
