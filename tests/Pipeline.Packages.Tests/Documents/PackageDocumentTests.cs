using Pipeline.Packages.Documents;

namespace Pipeline.Packages.Tests.Documents;

public sealed class PackageDocumentTests
{
    private static PackageDocument Read(string packageJson) =>
        RevisionDocuments.Read(InMemoryRevision.Of(("package.json", packageJson))).Package!;

    [Fact]
    public void ReadsEveryFieldTyped()
    {
        var package = Read("""
            {"packagingVersion": "4.0", "name": "alpha", "version": "1.2.3", "maintainer": "m@example.org",
             "description": "d", "tags": ["db", "sql"], "selected": true, "framework": true, "hasKnownIssues": true,
             "lastUpdated": 1700000000, "minDcosReleaseVersion": "1.10", "upgradesFrom": ["1.2.2"], "downgradesTo": ["*"],
             "licenses": [{"name": "Apache", "url": "https://a.example"}, {"name": "MIT"}],
             "scm": "https://s.example", "website": "https://w.example",
             "preInstallNotes": "pre", "postInstallNotes": "post", "postUninstallNotes": "gone"}
            """);

        package.IsObject.Should().BeTrue();
        package.PackagingVersion.Should().Be("4.0");
        package.Name.Should().Be("alpha");
        package.Version.Should().Be("1.2.3");
        package.Maintainer.Should().Be("m@example.org");
        package.Description.Should().Be("d");
        package.Tags.Should().Equal("db", "sql");
        package.Selected.Should().BeTrue();
        package.Framework.Should().BeTrue();
        package.HasKnownIssues.Should().BeTrue();
        package.LastUpdated.Should().Be(1700000000);
        package.MinDcosReleaseVersion.Should().Be("1.10");
        package.UpgradesFrom.Should().Equal("1.2.2");
        package.DowngradesTo.Should().Equal("*");
        package.Licenses.Should().Equal(new PackageLicense("Apache", "https://a.example"), new PackageLicense("MIT", null));
        package.Scm.Should().Be("https://s.example");
        package.Website.Should().Be("https://w.example");
        package.PreInstallNotes.Should().Be("pre");
        package.PostInstallNotes.Should().Be("post");
        package.PostUninstallNotes.Should().Be("gone");
    }

    [Fact]
    public void FieldsOfTheWrongKindReadAsAbsent()
    {
        var package = Read("""
            {"packagingVersion": 4, "version": ["1"], "selected": "true", "framework": 1, "tags": "db",
             "lastUpdated": 1.5, "licenses": {"name": "MIT"}, "upgradesFrom": ["1", 2, null]}
            """);

        package.PackagingVersion.Should().BeNull();
        package.Version.Should().BeNull();
        package.Selected.Should().BeFalse();
        package.Framework.Should().BeFalse();
        package.Tags.Should().BeEmpty();
        package.LastUpdated.Should().BeNull();
        package.Licenses.Should().BeEmpty();
        package.UpgradesFrom.Should().Equal("1");
        package.Name.Should().BeNull();
    }

    [Fact]
    public void KeepsTheValueAsWrittenWithItsPosition()
    {
        var package = Read("{\n  \"packagingVersion\": 4\n}");

        var field = package.Field(PackageFields.PackagingVersion)!;
        field.NumberText.Should().Be("4");
        field.Position.Line.Should().Be(2);
        package.Field(PackageFields.Name).Should().BeNull();
    }

    [Fact]
    public void ARootThatIsNotAnObjectIsKeptAndReadsAsEmpty()
    {
        var package = Read("""["packagingVersion", "4.0"]""");

        package.IsObject.Should().BeFalse();
        package.PackagingVersion.Should().BeNull();
        package.Tags.Should().BeEmpty();
    }

    [Fact]
    public void ARepeatedNameReadsAsItsLastValue()
    {
        Read("""{"version": "1", "version": "2"}""").Version.Should().Be("2");
    }
}
