using Newtonsoft.Json.Linq;
using Pipeline.Diagnostics;
using Pipeline.Diagnostics.Baselines;
using Pipeline.Validation.Baselines;

namespace Pipeline.Schema.Tests;

/// <summary>schema/v1/baseline.json, for universe-baseline.json, against what `universe baseline` writes.</summary>
public sealed class BaselineSchemaTests
{
    private static string Written() => BaselineFile.Write(Baseline.Of(
    [
        RuleCatalog.DuplicateKey.At("packages/A/alpha/2/config.json", 4, 3, "duplicate key `host` (first at line 3)"),
        RuleCatalog.DuplicateKey.At("packages/A/alpha/2/config.json", 8, 3, "duplicate key `host` (first at line 7)"),
        RuleCatalog.RenderedNotParsable.At("packages/B/beta/10/marathon.json.mustache", 40, 1, "renders to invalid JSON at line 40"),
        RuleCatalog.MissingPackageJson.At("packages/C/gamma/0", "no package.json"),
    ]));

    [Fact]
    public void AcceptsWhatTheWriterWrites() => Errors(SchemaSet.Parse(Written())).Should().BeEmpty();

    [Fact]
    public void AcceptsAnEmptyBaseline() => Errors(SchemaSet.Parse(BaselineFile.Write(Baseline.Empty))).Should().BeEmpty();

    [Theory]
    [InlineData("/formatVersion", "1")]
    [InlineData("/formatVersion", "\"2\"")]
    [InlineData("/entries/0/file", "\"packages/A/alpha/../../x/0/config.json\"")]
    [InlineData("/entries/0/file", "\"packages\\\\A\\\\alpha\\\\2\\\\config.json\"")]
    [InlineData("/entries/0/file", "\"universe.yaml\"")]
    [InlineData("/entries/0/file", "\"packages/A/alpha/x/config.json\"")]
    [InlineData("/entries/0/code", "\"UNI400\"")]
    [InlineData("/entries/0/fingerprint", "\"ABCDEF0123456789\"")]
    [InlineData("/entries/0/count", "0")]
    [InlineData("/entries/0/count", "1.5")]
    [InlineData("/entries/0/unknown", "true")]
    public void RejectsAWrongValue(string pointer, string value)
    {
        var document = (JObject)SchemaSet.Parse(Written());
        var parts = pointer.Trim('/').Split('/');
        JToken parent = document;
        foreach (var part in parts[..^1]) parent = int.TryParse(part, out var index) ? parent[index]! : parent[part]!;
        ((JObject)parent)[parts[^1]] = SchemaSet.Parse(value);

        Errors(document).Should().NotBeEmpty();
    }

    [Fact]
    public void RequiresTheKeyOfEveryEntry()
    {
        foreach (var member in new[] { "file", "code", "fingerprint" })
        {
            var document = (JObject)SchemaSet.Parse(Written());
            ((JObject)document["entries"]![0]!).Remove(member);
            Errors(document).Should().NotBeEmpty($"`{member}` is part of an entry's key");
        }
    }

    private static IReadOnlyList<string> Errors(JToken document) => SchemaSet.Errors(SchemaSet.Ours("baseline.json"), document);
}
