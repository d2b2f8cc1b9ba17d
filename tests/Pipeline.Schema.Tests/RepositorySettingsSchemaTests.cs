using Newtonsoft.Json.Linq;

namespace Pipeline.Schema.Tests;

/// <summary>schema/v1/universe.yaml.json, for the repository settings (checked as the JSON equivalent of the YAML).</summary>
public sealed class RepositorySettingsSchemaTests
{
    private const string FullExample = """
        {
          "name": "acme-universe",
          "description": "Packages for Acme's clusters.",
          "site": { "title": "Acme packages", "baseUrl": "/acme-universe/" },
          "policies": {
            "httpsOnly": true, "asciiOnly": false, "allowEditLabel": "release-edit",
            "bump": [
              { "packages": ["kafka", "kafka-*"], "repositories": ["acme/kafka"], "authors": ["acme-release-bot", "release-app[bot]"] },
              { "packages": ["*-operator"], "repositories": ["Acme-Org/operators.io"], "authors": null }
            ]
          },
          "upstreams": [
            { "name": "mesosphere", "url": "https://universe.example.com/repo/index.json", "priority": 1 },
            { "name": "staging", "url": "../staging-universe" }
          ]
        }
        """;

    [Fact]
    public void AcceptsAnEmptyObject() => Errors("{}").Should().BeEmpty();

    [Fact]
    public void AcceptsEveryDefaultWrittenOut() => Errors(DefaultsDocument().ToString()).Should().BeEmpty();

    [Fact]
    public void AcceptsAFullExample() => Errors(FullExample).Should().BeEmpty();

    [Fact]
    public void AcceptsNullForTheDerivedDefaults() =>
        Errors("""{ "name": null, "description": null, "site": { "title": null, "baseUrl": null } }""").Should().BeEmpty();

    [Theory]
    [InlineData("""{ "nmae": "typo" }""")]
    [InlineData("""{ "site": { "theme": "dark" } }""")]
    [InlineData("""{ "policies": { "httpsonly": true } }""")]
    [InlineData("""{ "upstreams": [ { "name": "a", "url": "https://a.example.com/", "weight": 1 } ] }""")]
    [InlineData("""{ "policies": { "bump": [ { "packages": ["kafka"], "repositories": ["acme/kafka"], "author": ["bot"] } ] } }""")]
    public void RejectsAnUnknownSetting(string json) => Errors(json).Should().NotBeEmpty();

    [Theory]
    [InlineData("""{ "name": "" }""")]
    [InlineData("""{ "name": 42 }""")]
    [InlineData("""{ "site": { "baseUrl": "acme-universe" } }""")]
    [InlineData("""{ "policies": { "httpsOnly": "yes" } }""")]
    [InlineData("""{ "policies": { "allowEditLabel": "" } }""")]
    [InlineData("""{ "policies": { "bump": {} } }""")]
    [InlineData("""{ "policies": { "bump": [ { "packages": ["kafka"] } ] } }""")]
    [InlineData("""{ "policies": { "bump": [ { "repositories": ["acme/kafka"] } ] } }""")]
    [InlineData("""{ "policies": { "bump": [ { "packages": [], "repositories": ["acme/kafka"] } ] } }""")]
    [InlineData("""{ "policies": { "bump": [ { "packages": ["Kafka"], "repositories": ["acme/kafka"] } ] } }""")]
    [InlineData("""{ "policies": { "bump": [ { "packages": ["kafka?"], "repositories": ["acme/kafka"] } ] } }""")]
    [InlineData("""{ "policies": { "bump": [ { "packages": ["kafka"], "repositories": ["acme"] } ] } }""")]
    [InlineData("""{ "policies": { "bump": [ { "packages": ["kafka"], "repositories": ["acme/kafka"], "authors": [] } ] } }""")]
    [InlineData("""{ "policies": { "bump": [ { "packages": ["kafka"], "repositories": ["acme/kafka"], "authors": ["@bot"] } ] } }""")]
    [InlineData("""{ "upstreams": {} }""")]
    [InlineData("""{ "upstreams": [ { "name": "a" } ] }""")]
    [InlineData("""{ "upstreams": [ { "url": "https://a.example.com/" } ] }""")]
    [InlineData("""{ "upstreams": [ { "name": "a", "url": "https://a.example.com/", "priority": -1 } ] }""")]
    [InlineData("""{ "upstreams": [ { "name": "a", "url": "https://a.example.com/", "priority": 1.5 } ] }""")]
    public void RejectsAnInvalidValue(string json) => Errors(json).Should().NotBeEmpty();

    [Fact]
    public void DocumentsTheDefaultOfEveryOptionalSetting()
    {
        var schema = (JObject)SchemaSet.Parse(File.ReadAllText(RepositoryLayout.SchemaPath("universe.yaml.json")));
        var missing = new List<string>();
        foreach (var (path, setting, required) in Settings(schema, ""))
        {
            if (required) continue;
            if (setting["default"] is null) missing.Add($"{path}: no \"default\"");
            if (setting["description"]?.ToString().Contains("Default", StringComparison.Ordinal) != true && setting["type"]?.ToString() is not "object")
            {
                missing.Add($"{path}: the description does not state the default");
            }
        }
        missing.Should().BeEmpty();
    }

    private static IReadOnlyList<string> Errors(string json) => SchemaSet.Errors(SchemaSet.Ours("universe.yaml.json"), SchemaSet.Parse(json));

    /// <summary>Every setting at every level, with whether its parent requires it.</summary>
    private static IEnumerable<(string Path, JObject Setting, bool Required)> Settings(JObject schema, string prefix)
    {
        var required = (schema["required"] as JArray)?.Select(r => r.ToString()).ToHashSet() ?? [];
        foreach (var property in (schema["properties"] as JObject)?.Properties() ?? [])
        {
            var setting = (JObject)property.Value;
            var path = prefix + property.Name;
            yield return (path, setting, required.Contains(property.Name));
            var nested = setting["items"] as JObject ?? setting;
            foreach (var child in Settings(nested, path + (setting["items"] is null ? "." : "[].")))
            {
                yield return child;
            }
        }
    }

    /// <summary>A settings document with every default that is a plain value written out.</summary>
    private static JObject DefaultsDocument()
    {
        var schema = (JObject)SchemaSet.Parse(File.ReadAllText(RepositoryLayout.SchemaPath("universe.yaml.json")));
        var document = new JObject();
        foreach (var property in ((JObject)schema["properties"]!).Properties())
        {
            var setting = (JObject)property.Value;
            if (setting["properties"] is JObject nested)
            {
                document[property.Name] = new JObject(nested.Properties().Select(p => new JProperty(p.Name, p.Value["default"]!.DeepClone())));
            }
            else
            {
                document[property.Name] = setting["default"]!.DeepClone();
            }
        }
        return document;
    }
}
