using Pipeline.Packages.Reading;
using Pipeline.Packages.Settings;

namespace Pipeline.Packages.Tests;

public sealed class RepositorySettingsReaderTests
{
    private static readonly RepositorySettings Defaults = new() { Name = "folder" };

    [Fact]
    public void MissingFileGivesTheDefaults()
    {
        using var tree = new TempTree();
        var findings = new List<LayoutFinding>();

        var settings = RepositorySettingsReader.Read(tree.Root, findings);

        settings.Name.Should().Be(Path.GetFileName(tree.Root));
        settings.Policies.HttpsOnly.Should().BeFalse();
        settings.Policies.AsciiOnly.Should().BeTrue();
        settings.Policies.AllowEditLabel.Should().Be("allow-edit");
        findings.Should().BeEmpty();
    }

    [Fact]
    public void ReadsEverySetting()
    {
        var findings = new List<LayoutFinding>();
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
            """, Defaults, findings);

        findings.Should().BeEmpty();
        settings.Name.Should().Be("acme");
        settings.Description.Should().Be("Acme's packages");
        settings.Site.Should().Be(new SiteSettings { Title = "Acme Universe", BaseUrl = "https://acme.example/universe/" });
        settings.Policies.Should().Be(new PolicySettings { HttpsOnly = true, AsciiOnly = false, AllowEditLabel = "rewrite-ok" });
        settings.Upstreams.Should().Equal(new UpstreamRepository("public", "https://example.org/index.json", 10));
    }

    [Fact]
    public void ReportsUnknownKeysAndWrongTypesOnTheirLines()
    {
        var findings = new List<LayoutFinding>();
        var settings = RepositorySettingsReader.Parse("""
            name: acme
            polices:
              httpsOnly: true
            policies:
              httpsOnly: sometimes
            """, Defaults, findings);

        settings.Name.Should().Be("acme");
        settings.Policies.HttpsOnly.Should().BeFalse();
        var problems = findings.Cast<SettingsProblem>().ToArray();
        problems.Select(p => (p.Kind, p.Line)).Should().Equal((SettingsProblemKind.InvalidSetting, 2), (SettingsProblemKind.InvalidSetting, 5));
        problems[0].Message.Should().Contain("unknown setting `polices`");
        problems[1].Message.Should().Contain("`policies.httpsOnly` must be true or false");
    }

    [Fact]
    public void ReportsBrokenYamlWithItsPosition()
    {
        var findings = new List<LayoutFinding>();
        RepositorySettingsReader.Parse("name: [unclosed\n", Defaults, findings).Should().Be(Defaults);
        findings.Should().ContainSingle().Which.Should().BeOfType<SettingsProblem>().Which.Kind.Should().Be(SettingsProblemKind.InvalidYaml);
    }
}
