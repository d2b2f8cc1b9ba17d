using Pipeline.Json.Parsing;
using Pipeline.Packages.Documents;

namespace Pipeline.Packages.Tests.Documents;

public sealed class RevisionDocumentsTests
{
    [Fact]
    public void AMissingFileIsAbsentNotAnError()
    {
        var documents = RevisionDocuments.Read(InMemoryRevision.Of(("package.json", "{}")));

        documents.ResourceFile.Outcome.Should().Be(DocumentOutcome.Absent);
        documents.ResourceFile.File.Should().BeNull();
        documents.Resource.Should().BeNull();
        documents.ConfigFile.Outcome.Should().Be(DocumentOutcome.Absent);
        documents.Options.Should().BeNull();
        documents.Command.Should().BeNull();
    }

    [Fact]
    public void AMissingPackageJsonLeavesNoPackage()
    {
        var documents = RevisionDocuments.Read(InMemoryRevision.Of(("config.json", "{}")));

        documents.PackageFile.Outcome.Should().Be(DocumentOutcome.Absent);
        documents.Package.Should().BeNull();
    }

    [Fact]
    public void MalformedJsonIsAnOutcomeWithThePositionOfTheProblem()
    {
        var documents = RevisionDocuments.Read(InMemoryRevision.Of(("package.json", "{\n  \"name\": \"alpha\",\n}\n")));

        documents.PackageFile.Outcome.Should().Be(DocumentOutcome.Malformed);
        documents.PackageFile.Root.Should().BeNull();
        documents.Package.Should().BeNull();
        var problem = documents.PackageFile.Problems.Should().ContainSingle().Subject;
        problem.Kind.Should().Be(JsonProblemKind.Syntax);
        problem.Position.Line.Should().Be(2, "the trailing comma is on line 2");
    }

    [Fact]
    public void InvalidUtf8IsMalformed()
    {
        var folder = new Model.RevisionFolder("/universe", "packages/A/alpha/0");
        var revision = new Model.PackageRevision("alpha", 0, folder,
            [new Model.RevisionFile("package.json", folder, new byte[] { (byte)'"', 0xFF, (byte)'"' }, true)]);

        var file = RevisionDocuments.Read(revision).PackageFile;

        file.Outcome.Should().Be(DocumentOutcome.Malformed);
        file.Problems.Select(p => p.Kind).Should().Contain(JsonProblemKind.InvalidUtf8);
    }

    [Fact]
    public void AnUnreadableFileSaysWhy()
    {
        var documents = RevisionDocuments.Read(InMemoryRevision.Of(("package.json", "{}"), ("resource.json", null)));

        documents.ResourceFile.Outcome.Should().Be(DocumentOutcome.Unreadable);
        documents.ResourceFile.LoadProblem.Should().Be("`resource.json` cannot be read: denied");
        documents.ResourceFile.Problems.Should().BeEmpty();
        documents.Resource.Should().BeNull();
    }

    [Fact]
    public void ConfigJsonIsParsedOnFirstUseAndOnce()
    {
        var documents = RevisionDocuments.Read(InMemoryRevision.Of(("package.json", "{}"), ("config.json", """{"type": "object"}""")));

        documents.ConfigFile.Should().BeSameAs(documents.ConfigFile);
        documents.Config.Should().BeSameAs(documents.ConfigFile.Root);
        documents.Options.Should().BeSameAs(documents.Options);
        documents.Options!.Schema.Should().BeSameAs(documents.Config);
    }

    [Fact]
    public void TheOptionTreeReadsThroughComposition()
    {
        var documents = RevisionDocuments.Read(InMemoryRevision.Of(
            ("package.json", "{}"),
            ("config.json", """
                {"type": "object",
                 "properties": {"service": {"$ref": "#/definitions/service"}},
                 "allOf": [{"properties": {"extra": {"type": "string"}}, "required": ["extra"]}],
                 "definitions": {"service": {"type": "object", "properties": {"name": {"type": "string", "default": "alpha"}}}}}
                """)));

        var options = documents.Options!.Root.Children.Select(o => o.Name).ToList();
        options.Should().BeEquivalentTo(["service", "extra"]);
        documents.Options.Root.Children.Single(o => o.Name == "extra").Requirement.Should().Be(Pipeline.Json.Options.Requirement.Required);
        documents.Options.Root.Children.Single(o => o.Name == "service").Children.Single().Name.Should().Be("name");
    }

    [Fact]
    public void DescriptorsComeAsTextWithoutAByteOrderMark()
    {
        var documents = RevisionDocuments.Read(InMemoryRevision.Of(
            ("package.json", "{}"), ("marathon.json.mustache", "\uFEFF{\"id\": \"{{service.name}}\"}"), ("README.md", "# alpha")));

        var descriptor = documents.Descriptors().Should().ContainSingle().Subject;
        descriptor.Name.IsMarathon.Should().BeTrue();
        descriptor.Text.Should().Be("{\"id\": \"{{service.name}}\"}");
    }
}
