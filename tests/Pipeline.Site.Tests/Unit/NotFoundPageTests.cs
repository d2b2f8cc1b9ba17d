using Pipeline.Packages.Reading;
using Pipeline.Site.Tests.Support;

namespace Pipeline.Site.Tests.Unit;

/// <summary>404.html is served at any missing path, so every link and the stylesheet start from the path of the site's base address.</summary>
public sealed class NotFoundPageTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string NotFound(string? baseUrl = null, string? yaml = null)
    {
        new TreeBuilder(_temp.Path).Revision("alpha", 0, TreeBuilder.Package("1.0", "First"));
        if (yaml is not null) File.WriteAllText(Path.Combine(_temp.Path, "universe.yaml"), yaml);
        return SiteFiles.Text(SiteGenerator.Generate(PackageTreeReader.Read(_temp.Path), new SiteOptions { BaseUrl = baseUrl }), "404.html");
    }

    [Theory]
    [InlineData("/universe/", "/universe/")]
    [InlineData("/universe", "/universe/")]
    [InlineData("https://packages.example.com/u", "/u/")]
    [InlineData("https://acme.github.io/", "/")]
    [InlineData(null, "/")]
    [InlineData("universe/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("javascript:alert(1)//", "/")]
    public void LinksStartFromTheBasePath(string? baseUrl, string expected)
    {
        var html = NotFound(baseUrl);

        html.Should().Contain("<h1>Page not found</h1>").And.Contain("1 packages");
        html.Should().Contain($"<link rel=\"stylesheet\" href=\"{expected}assets/site.css\">");
        html.Should().Contain($"href=\"{expected}index.html\"").And.Contain($"href=\"{expected}index.json\"").And.Contain($"href=\"{expected}SHA256SUMS\"");
        html.Should().NotContain("href=\"index.html\"").And.NotContain("href=\"../", "a relative link would resolve against the missing path");
    }

    [Fact]
    public void TheBaseComesFromUniverseYamlUnlessTheOptionsGiveOne()
    {
        const string yaml = "site:\n  baseUrl: /from-yaml/\n";

        NotFound(yaml: yaml).Should().Contain("href=\"/from-yaml/assets/site.css\"");
        NotFound("/from-options/", yaml).Should().Contain("href=\"/from-options/assets/site.css\"");
    }
}
