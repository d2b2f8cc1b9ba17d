using System.Text;
using System.Text.Json;
using Pipeline.Build.Tests.Support;

namespace Pipeline.Build.Tests.Dcos;

/// <summary>The rules of Universe's gen_universe.py, each on a tree small enough to read.</summary>
public sealed class UniverseRulesTests : IDisposable
{
    private readonly TempPackageTree _tree = new();

    public void Dispose() => _tree.Dispose();

    private BuildResult Build() => RepositoryBuilder.Build(_tree.Read());

    private static JsonElement Package(BuildResult result, string file, int index = 0) =>
        JsonDocument.Parse(result.GetBytes(file)).RootElement.GetProperty("packages")[index];

    private static string Text(BuildResult result, string file) => Encoding.UTF8.GetString(result.GetBytes(file));

    [Fact]
    public void A_package_is_package_json_then_releaseVersion_resource_marathon_config_and_command()
    {
        _tree.Add("alpha", 4, "package.json", """{"packagingVersion": "3.0", "name": "alpha", "version": "1"}""");
        _tree.Add("alpha", 4, "command.json", """{"pip": ["a"]}""");
        _tree.Add("alpha", 4, "config.json", """{"type": "object"}""");
        _tree.Add("alpha", 4, "marathon.json.mustache", "{\"id\": \"a\"}");
        _tree.Add("alpha", 4, "resource.json", """{"images": {"icon-small": "https://example.com/i.png"}}""");

        Text(Build(), "universe.json").Should().Be(Quoted(
            "{'packages': [{'packagingVersion': '3.0', 'name': 'alpha', 'version': '1', 'releaseVersion': 4, "
            + "'resource': {'images': {'icon-small': 'https://example.com/i.png'}}, 'marathon': {'v2AppMustacheTemplate': 'eyJpZCI6ICJhIn0='}, "
            + "'config': {'type': 'object'}, 'command': {'pip': ['a']}}]}"));
    }

    [Fact]
    public void Empty_files_are_left_out_and_numbers_keep_their_text()
    {
        _tree.Add("alpha", 0, "package.json", """{"packagingVersion": "3.0", "name": "alpha", "version": "1", "x": 1.0, "y": 1E3}""");
        _tree.Add("alpha", 0, "resource.json", "{}");
        _tree.Add("alpha", 0, "marathon.json.mustache", "");

        Text(Build(), "universe.json").Should().Be(Quoted(
            "{'packages': [{'packagingVersion': '3.0', 'name': 'alpha', 'version': '1', 'x': 1.0, 'y': 1E3, 'releaseVersion': 0}]}"));
    }

    [Fact]
    public void A_repeated_key_keeps_its_first_place_and_its_last_value()
    {
        _tree.Add("alpha", 0, "package.json",
            """{"packagingVersion": "3.0", "name": "alpha", "tags": ["a"], "version": "1", "tags": ["b"], "x": {"k": 1, "\u006b": 2}}""");

        Text(Build(), "universe.json").Should().Be(Quoted(
            "{'packages': [{'packagingVersion': '3.0', 'name': 'alpha', 'tags': ['b'], 'version': '1', 'x': {'k': 2}, 'releaseVersion': 0}]}"));
    }

    [Fact]
    public void Text_is_written_as_ASCII_with_Python_s_escapes()
    {
        _tree.Add("alpha", 0, "package.json", "{\"packagingVersion\": \"3.0\", \"name\": \"alpha\", \"d\": \"caf\u00e9 \\u00e9 \\/ \\\" \\t \U0001F600 <&>\"}");

        Text(Build(), "universe.json").Should().Contain(
            "\"d\": \"caf\\u00e9 \\u00e9 / \\\" \\t \\ud83d\\ude00 <&>\", ");
    }

    [Fact]
    public void Lone_surrogate_escapes_are_kept_as_Python_keeps_them()
    {
        _tree.Add("alpha", 0, "package.json", """{"packagingVersion": "3.0", "name": "alpha", "d\udc00": "x\uD800y", "version": "1"}""");
        _tree.Add("alpha", 0, "config.json", """{"properties": {"o": {"type": "string", "default": "\ud800\"q\"", "description": "\u0041"}}}""");

        var result = Build();

        result.Unbuilt.Should().BeEmpty();
        Text(result, "universe.json").Should().Contain(Quoted("'d\\udc00': 'x\\ud800y'"));
        Text(result, "repo-up-to-1.8.json").Should().Contain(Quoted("{'o': {'type': 'string', 'default': '\\ud800\\\\\\'q\\\\\\'', 'description': 'A'}}"));
    }

    [Fact]
    public void Releases_include_packages_whose_minimum_is_at_most_the_release_compared_as_versions()
    {
        _tree.Add("alpha", 0, "package.json", """{"packagingVersion": "3.0", "name": "alpha", "minDcosReleaseVersion": "1.9"}""");
        _tree.Add("alpha", 1, "package.json", """{"packagingVersion": "3.0", "name": "alpha", "minDcosReleaseVersion": "1.10"}""");
        _tree.Add("alpha", 2, "package.json", """{"packagingVersion": "3.0", "name": "alpha", "minDcosReleaseVersion": "999"}""");
        _tree.Add("alpha", 3, "package.json", """{"packagingVersion": "3.0", "name": "alpha"}""");

        var result = Build();

        Revisions(result, "repo-up-to-1.8.json").Should().Equal(3);
        Revisions(result, "repo-up-to-1.9.json").Should().Equal(0, 3);
        Revisions(result, "repo-up-to-1.10.json").Should().Equal(0, 1, 3);
        Revisions(result, "repo-up-to-2.0.json").Should().Equal(0, 1, 3);
        Revisions(result, "universe.json").Should().Equal(0, 1, 2, 3);
        Revisions(result, "1.9/package/alpha.json").Should().Equal(0, 3);
    }

    [Fact]
    public void Before_1_10_packages_are_downgraded_to_packaging_3_0()
    {
        _tree.Add("alpha", 0, "package.json",
            """{"packagingVersion": "4.0", "name": "alpha", "upgradesFrom": ["*"], "version": "2", "downgradesTo": ["*"], "minDcosReleaseVersion": "1.8"}""");
        _tree.Add("beta", 0, "package.json", """{"packagingVersion": "2.0", "name": "beta", "version": "1"}""");

        var result = Build();

        Text(result, "repo-up-to-1.9.json").Should().Be(Quoted(
            "{'packages': [{'packagingVersion': '3.0', 'name': 'alpha', 'version': '2', 'minDcosReleaseVersion': '1.8', 'releaseVersion': 0}, "
            + "{'packagingVersion': '2.0', 'name': 'beta', 'version': '1', 'releaseVersion': 0}]}"));
        Package(result, "repo-up-to-1.10.json").GetProperty("packagingVersion").GetString().Should().Be("4.0");
        Package(result, "repo-up-to-1.10.json").TryGetProperty("upgradesFrom", out _).Should().BeTrue();
    }

    [Fact]
    public void Before_1_10_config_descriptions_and_string_defaults_escape_their_quotes_once_more()
    {
        _tree.Add("alpha", 0, "package.json", """{"packagingVersion": "3.0", "name": "alpha"}""");
        _tree.Add("alpha", 0, "config.json", """
            {"properties": {"s": {"type": "object", "description": "say \"hi\"", "properties": {
              "json": {"type": "string", "default": "{\"a\": \\\"b\\\"}", "description": "\"quoted\""},
              "n": {"type": "integer", "default": 1, "description": "x\"y"}}}}}
            """);

        var result = Build();

        var old = Package(result, "repo-up-to-1.9.json").GetProperty("config").GetProperty("properties").GetProperty("s");
        old.GetProperty("description").GetString().Should().Be("say \\\"hi\\\"");
        old.GetProperty("properties").GetProperty("json").GetProperty("default").GetString().Should().Be("{\\\"a\\\": \\\"b\\\"}");
        old.GetProperty("properties").GetProperty("json").GetProperty("description").GetString().Should().Be("\"quoted\\\"");
        old.GetProperty("properties").GetProperty("n").GetProperty("description").GetString().Should().Be("x\\\"y");
        var current = Package(result, "repo-up-to-1.10.json").GetProperty("config").GetProperty("properties").GetProperty("s");
        current.GetProperty("description").GetString().Should().Be("say \"hi\"");
    }

    [Fact]
    public void Content_types_follow_the_repository_version_of_each_release()
    {
        _tree.Add("alpha", 0, "package.json", """{"packagingVersion": "3.0", "name": "alpha"}""");
        var result = Build();

        string ContentType(string stem) => Text(result, stem + ".content_type");
        ContentType("universe").Should().Be("application/vnd.dcos.universe.repo+json;charset=utf-8;version=v5");
        ContentType("repo-empty-v3").Should().Be("application/vnd.dcos.universe.repo+json;charset=utf-8;version=v3");
        ContentType("repo-up-to-1.9").Should().EndWith("version=v3");
        ContentType("repo-up-to-1.11").Should().EndWith("version=v4");
        ContentType("repo-up-to-1.12").Should().EndWith("version=v5");
        Text(result, "repo-empty-v3.json").Should().Be("""{"packages": []}""");
    }

    /// <summary>Expected JSON written with single quotes, for legibility.</summary>
    private static string Quoted(string json) => json.Replace('\'', '"');

    private static List<int> Revisions(BuildResult result, string file)
    {
        using var json = JsonDocument.Parse(result.GetBytes(file));
        return [.. json.RootElement.GetProperty("packages").EnumerateArray().Select(p => p.GetProperty("releaseVersion").GetInt32())];
    }
}
