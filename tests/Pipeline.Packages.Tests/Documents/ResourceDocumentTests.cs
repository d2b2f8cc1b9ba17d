using Pipeline.Packages.Documents;

namespace Pipeline.Packages.Tests.Documents;

public sealed class ResourceDocumentTests
{
    private static ResourceDocument Read(string resourceJson) =>
        RevisionDocuments.Read(InMemoryRevision.Of(("package.json", "{}"), ("resource.json", resourceJson))).Resource!;

    [Fact]
    public void ReadsImagesAssetsAndCliBinaries()
    {
        var resource = Read("""
            {"images": {"icon-small": "https://i.example/s.png", "screenshots": ["x"]},
             "assets": {"uris": {"jar": "https://a.example/a.jar"}, "container": {"docker": {"server": "alpha/server:1"}}},
             "cli": {"binaries": {"linux": {"x86-64": {"kind": "executable", "url": "https://c.example/alpha",
                "contentHash": [{"algo": "md5", "value": "m"}, {"algo": "sha256", "value": "abc"}]}},
                "windows": {"x86-64": {"kind": "zip"}}}}}
            """);

        resource.Images.Should().Equal(new NamedString("icon-small", "https://i.example/s.png"));
        resource.AssetUris.Should().Equal(new NamedString("jar", "https://a.example/a.jar"));
        resource.DockerImages.Should().Equal(new NamedString("server", "alpha/server:1"));
        resource.CliBinaries.Should().Equal(new CliBinaryEntry("linux", "x86-64", "executable", "https://c.example/alpha", "abc"));
        resource.DeclaresCli.Should().BeTrue();
    }

    [Fact]
    public void MembersOfTheWrongKindAreLeftOut()
    {
        var resource = Read("""{"images": ["x"], "assets": {"uris": "u", "container": []}, "cli": "yes"}""");

        resource.Images.Should().BeEmpty();
        resource.AssetUris.Should().BeEmpty();
        resource.DockerImages.Should().BeEmpty();
        resource.CliBinaries.Should().BeEmpty();
        resource.DeclaresCli.Should().BeTrue("a cli member of any shape ships a CLI");
    }

    [Fact]
    public void WithoutCliNoneIsDeclared()
    {
        Read("{}").DeclaresCli.Should().BeFalse();
    }
}
