using Pipeline.Diagnostics;
using Pipeline.Packages.Settings;

namespace Pipeline.Packages.Tests;

public sealed class RepositorySettingsReaderTests
{
    private static readonly RepositorySettings Defaults = new() { Name = "folder" };

    [Fact]
    public void MissingFileGivesTheDefaults()
    {
        using var tree = new TempTree();
        var diagnostics = new List<Diagnostic>();

        var settings = RepositorySettingsReader.Read(tree.Root, diagnostics);

        settings.Name.Should().Be(Path.GetFileName(tree.Root));
        settings.Policies.HttpsOnly.Should().BeFalse();
        settings.Policies.AsciiOnly.Should().BeTrue();
        settings.Policies.AllowEditLabel.Should().Be("allow-edit");
        diagnostics.Should().BeEmpty();
    }

    [Fact]
    public void ReadsEverySetting()
    {
        var diagnostics = new List<Diagnostic>();
        var settings = RepositorySettingsReader.Parse("""
            name: acme
            description: Acme's packages
            site:
              title: Acme Universe
              baseUrl: https://acme.example/universe/
            policies:
              httpsOnly: true
              asciiOnly: false
              allowEditLabel: rewrite-ok
            upstreams:
              - name: public
                url: https://example.org/index.json
                priority: 10
            """, Defaults, diagnostics);

        diagnostics.Should().BeEmpty();
        settings.Name.Should().Be("acme");
        settings.Description.Should().Be("Acme's packages");
        settings.Site.Should().Be(new SiteSettings { Title = "Acme Universe", BaseUrl = "https://acme.example/universe/" });
        settings.Policies.Should().Be(new PolicySettings { HttpsOnly = true, AsciiOnly = false, AllowEditLabel = "rewrite-ok" });
        settings.Upstreams.Should().Equal(new UpstreamRepository("public", "https://example.org/index.json", 10));
    }

    [Fact]
    public void ReportsUnknownKeysAndWrongTypesOnTheirLines()
    {
        var diagnostics = new List<Diagnostic>();
        var settings = RepositorySettingsReader.Parse("""
            name: acme
            polices:
              httpsOnly: true
            policies:
              httpsOnly: sometimes
            """, Defaults, diagnostics);

        settings.Name.Should().Be("acme");
        settings.Policies.HttpsOnly.Should().BeFalse();
        diagnostics.Select(d => (d.Code, d.Line)).Should().Equal(("UNI115", 2), ("UNI115", 5));
        diagnostics[0].Message.Should().Contain("unknown setting `polices`");
        diagnostics[1].Message.Should().Contain("`policies.httpsOnly` must be true or false");
    }

    [Fact]
    public void ReportsBrokenYamlWithItsPosition()
    {
        var diagnostics = new List<Diagnostic>();
        RepositorySettingsReader.Parse("name: [unclosed\n", Defaults, diagnostics).Should().Be(Defaults);
        diagnostics.Should().ContainSingle().Which.Code.Should().Be("UNI115");
    }
}
