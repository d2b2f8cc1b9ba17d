using Newtonsoft.Json.Linq;
using Pipeline.Schema.Tests.Mutations;

namespace Pipeline.Schema.Tests;

/// <summary>schema/v1/index.json, for the condensed index that a build writes.</summary>
public sealed class IndexSchemaTests
{
    private static JToken Sample() => SchemaSet.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "index.sample.json")));

    [Fact]
    public void AcceptsTheHandWrittenSample() => Errors(Sample()).Should().BeEmpty();

    [Fact]
    public void AcceptsAnEmptyRepository() =>
        Errors(SchemaSet.Parse("""{ "formatVersion": "1", "repository": { "name": "empty", "description": null }, "source": { "commit": null }, "packages": [] }"""))
            .Should().BeEmpty();

    [Fact]
    public void AcceptsMembersAddedByALaterRevisionOfFormat1()
    {
        // Additive changes keep the format version, so readers of version 1 must accept members they do not know.
        var sample = Sample();
        sample["generatedBy"] = "universe 2.3.0";
        sample["packages"]![0]!["versions"]![0]!["sizeBytes"] = 1234;
        Errors(sample).Should().BeEmpty();
    }

    [Theory]
    [InlineData("/formatVersion")]
    [InlineData("/repository")]
    [InlineData("/repository/description")]
    [InlineData("/source/commit")]
    [InlineData("/packages")]
    [InlineData("/packages/0/latest")]
    [InlineData("/packages/0/latest/revision")]
    [InlineData("/packages/0/versions/0/files")]
    [InlineData("/packages/0/versions/0/minDcosReleaseVersion")]
    [InlineData("/packages/0/versions/0/hasCli")]
    public void RejectsTheSampleWithoutARequiredMember(string pointer)
    {
        var mutated = TreeMutator.Edit(Sample(), pointer, "remove", token => token.Parent!.Remove());
        Errors(mutated.Document).Should().NotBeEmpty();
    }

    [Theory]
    [InlineData("/formatVersion", "\"2\"")]
    [InlineData("/formatVersion", "1")]
    [InlineData("/source/commit", "\"main\"")]
    [InlineData("/packages/0/name", "\"Hello-World\"")]
    [InlineData("/packages/0/framework", "\"false\"")]
    [InlineData("/packages/0/versions", "[]")]
    [InlineData("/packages/0/versions/0/revision", "-1")]
    [InlineData("/packages/0/versions/0/packagingVersion", "\"6.0\"")]
    [InlineData("/packages/0/versions/0/minDcosReleaseVersion", "\"1.x\"")]
    [InlineData("/packages/0/versions/0/descriptors", "[\"marathon.json.mustache/x\"]")]
    [InlineData("/packages/0/versions/0/descriptors", "[\"marathon\"]")]
    [InlineData("/packages/0/versions/0/files/package.json", "\"9C56CC51B374C3BA189210D5B6D4BF57790D351C96C47C02190ECF1E430635AB\"")]
    [InlineData("/packages/0/versions/0/files/package.json", "\"abc\"")]
    public void RejectsTheSampleWithAnInvalidValue(string pointer, string value)
    {
        var mutated = TreeMutator.Edit(Sample(), pointer, "replace", token => token.Replace(SchemaSet.Parse(value)));
        Errors(mutated.Document).Should().NotBeEmpty();
    }

    private static IReadOnlyList<string> Errors(JToken index) => SchemaSet.Errors(SchemaSet.Ours("index.json"), index);
}
