using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using Pipeline.Testing;

namespace Pipeline.Schema.Tests;

/// <summary>The schema files themselves: Draft 4, identified, self-contained, documented.</summary>
public sealed class SchemaFileTests
{
    public const string Draft4 = "http://json-schema.org/draft-04/schema#";
    public const string IdPrefix = "urn:universe-pipeline:schema:v1:";

    public static readonly string[] SchemaFiles =
    [
        "package-2.0.json", "package-3.0.json", "package-4.0.json", "package-5.0.json",
        "resource.json", "command.json", "config.json", "universe.yaml.json", "index.json",
        "baseline.json",
    ];

    public static TheoryData<string> Files => new(SchemaFiles);

    [Fact]
    public void TheVersionFolderHoldsExactlyTheDocumentedSchemas() =>
        Directory.EnumerateFiles(RepositoryLayout.SchemaFolder).Select(Path.GetFileName)
            .Should().BeEquivalentTo(SchemaFiles);

    [Theory]
    [MemberData(nameof(Files))]
    public async Task LoadsInNJsonSchema(string fileName)
    {
        var path = RepositoryLayout.SchemaPath(fileName);
        var schema = await JsonSchema.FromJsonAsync(await File.ReadAllTextAsync(path), path);
        schema.Should().NotBeNull();
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void IsADraft4SchemaWithOurUrnId(string fileName)
    {
        var json = Read(fileName);
        json["$schema"]?.ToString().Should().Be(Draft4);
        json["id"]?.ToString().Should().Be(IdPrefix + Path.GetFileNameWithoutExtension(fileName));
        json["title"]?.ToString().Should().NotBeNullOrWhiteSpace();
        json["description"]?.ToString().Should().NotBeNullOrWhiteSpace();
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void IsValidAgainstTheDraft4MetaSchema(string fileName)
    {
        // config.json's "schema" definition is the general Draft 4 meta-schema (its root adds package-specific rules).
        var draft4 = SchemaSet.Ours("config.json").Definitions["schema"];
        SchemaSet.Errors(draft4, Read(fileName)).Should().BeEmpty();
    }

    [CorpusTheory]
    [MemberData(nameof(Files))]
    public void IsValidAgainstUniversesCopyOfTheDraft4MetaSchema(string fileName) =>
        SchemaSet.Errors(SchemaSet.Universe("config-schema.json"), Read(fileName)).Should().BeEmpty();

    [Theory]
    [MemberData(nameof(Files))]
    public void RefersOnlyInsideItself(string fileName)
    {
        var json = Read(fileName);
        var references = Descendants(json).OfType<JProperty>().Where(p => p.Name == "$ref").ToList();
        foreach (var reference in references)
        {
            var target = reference.Value.ToString();
            target.Should().StartWith("#", $"{reference.Path} must refer inside the document");
            Mutations.JsonPointer.Find(json, target[1..]).Should().NotBeNull($"{reference.Path} refers to {target}, which must exist");
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void HasNoIdBelowTheRoot(string fileName) =>
        // A nested id would change the base of later references; only the root names the document.
        Descendants(Read(fileName)).OfType<JProperty>()
            .Where(p => p.Name is "id" or "$id" && p.Value.Type == JTokenType.String && p.Parent!.Parent is not null)
            .Select(p => p.Path).Should().BeEmpty();

    [Theory]
    [MemberData(nameof(Files))]
    public void DescribesEveryProperty(string fileName)
    {
        var undescribed = Maps(Read(fileName), "properties", "patternProperties")
            .SelectMany(map => map.Properties())
            .Where(member => string.IsNullOrWhiteSpace(member.Value["description"]?.ToString()))
            .Select(member => member.Path);
        undescribed.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void HasPatternsThatCompile(string fileName)
    {
        var json = Read(fileName);
        var patterns = Descendants(json).OfType<JProperty>()
            .Where(p => p.Name == "pattern" && p.Value.Type == JTokenType.String).Select(p => p.Value.ToString())
            .Concat(Maps(json, "patternProperties").SelectMany(map => map.Properties().Select(member => member.Name)));
        foreach (var pattern in patterns)
        {
            var compile = () => new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            compile.Should().NotThrow($"\"{pattern}\" must be a valid regular expression");
        }
    }

    [Fact]
    public void TheReadmeNamesEverySchemaAndTheFormatVersion()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryFolders.Root, "schema", "README.md"));
        foreach (var fileName in SchemaFiles) readme.Should().Contain($"v1/{fileName}");
        readme.Should().Contain("\"formatVersion\": \"1\"");
    }

    private static JObject Read(string fileName) => (JObject)SchemaSet.Parse(File.ReadAllText(RepositoryLayout.SchemaPath(fileName)));

    private static IEnumerable<JToken> Descendants(JToken token) => token is JContainer container ? container.DescendantsAndSelf() : [token];

    /// <summary>
    /// The values of the given map keywords. config.json's meta-schema lists the keywords "properties" and
    /// "patternProperties" themselves as properties: those entries are schemas of keywords, not maps.
    /// </summary>
    private static IEnumerable<JObject> Maps(JObject schema, params string[] keywords) =>
        Descendants(schema).OfType<JProperty>()
            .Where(p => keywords.Contains(p.Name) && p.Parent?.Parent is not JProperty { Name: "properties" or "patternProperties" })
            .Select(p => p.Value).OfType<JObject>();
}
