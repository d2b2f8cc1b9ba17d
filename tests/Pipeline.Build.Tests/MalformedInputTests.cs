using System.Text.Json;
using Pipeline.Build.Tests.Support;
using Pipeline.Packages.Documents;

namespace Pipeline.Build.Tests;

public sealed class MalformedInputTests : IDisposable
{
    private readonly TempPackageTree _tree = new();

    public void Dispose() => _tree.Dispose();

    private static List<(string, int)> RepositoryPackages(BuildResult result, string file)
    {
        using var json = JsonDocument.Parse(result.GetBytes(file));
        return [.. json.RootElement.GetProperty("packages").EnumerateArray()
            .Select(p => (p.GetProperty("name").GetString()!, p.GetProperty("releaseVersion").GetInt32()))];
    }

    [Fact]
    public void A_revision_whose_package_json_does_not_parse_is_skipped_and_named()
    {
        SmallTrees.AddAlphaAndBeta(_tree);
        _tree.Add("alpha", 3, "package.json", "{\n  \"name\": \"alpha\",\n  \"version\": \"4.0.0\",\n}\n");

        var result = RepositoryBuilder.Build(_tree.Read());

        var unbuilt = result.Unbuilt.Should().ContainSingle().Subject;
        unbuilt.Outcome.Should().Be(DocumentOutcome.Malformed);
        unbuilt.RelativePath.Should().Be("packages/A/alpha/3/package.json");
        unbuilt.Revision.ReleaseVersion.Should().Be(3);
        RepositoryPackages(result, "universe.json").Should().Equal(("alpha", 0), ("alpha", 1), ("alpha", 2), ("beta", 0));
        using var index = JsonDocument.Parse(result.GetBytes("index.json"));
        index.RootElement.GetProperty("packages")[0].GetProperty("latest").GetProperty("revision").GetInt32().Should().Be(2);
    }

    [Fact]
    public void A_revision_with_any_malformed_JSON_file_is_skipped_and_the_rest_builds()
    {
        SmallTrees.AddAlphaAndBeta(_tree);
        _tree.Add("gamma", 0, "package.json", """{"packagingVersion": "3.0", "name": "gamma", "version": "1", "maintainer": "g", "description": "g", "tags": []}""");
        _tree.Add("gamma", 0, "config.json", """{"type": "object", "properties": {"a": }""");
        _tree.Add("gamma", 1, "package.json", """["not", "an", "object"]""");

        var result = RepositoryBuilder.Build(_tree.Read());

        result.Unbuilt.Select(u => (u.Outcome, u.RelativePath)).Should().Equal(
            (DocumentOutcome.Malformed, "packages/G/gamma/0/config.json"),
            (DocumentOutcome.Malformed, "packages/G/gamma/1/package.json"));
        RepositoryPackages(result, "universe.json").Select(p => p.Item1).Should().NotContain("gamma");
        result.Find("package/gamma.json").Should().BeNull();
        result.Find("package/alpha.json").Should().NotBeNull();
    }

    [Fact]
    public void Invalid_UTF8_and_missing_package_json_are_outcomes_not_exceptions()
    {
        _tree.Add("delta", 0, "package.json", """{"packagingVersion": "3.0", "name": "delta", "version": "1", "maintainer": "d", "description": "d", "tags": []}""");
        var folder = Path.Combine(_tree.Root, "packages", "D", "delta", "1");
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, "package.json"), [.. "{\"name\": \"d"u8, 0xFF, .. "\"}"u8]);
        Directory.CreateDirectory(Path.Combine(_tree.Root, "packages", "D", "delta", "2"));
        _tree.Add("delta", 2, "config.json", "{}");

        var result = RepositoryBuilder.Build(_tree.Read());

        result.Unbuilt.Select(u => (u.Outcome, u.RelativePath)).Should().Equal(
            (DocumentOutcome.Malformed, "packages/D/delta/1/package.json"),
            (DocumentOutcome.Absent, "packages/D/delta/2/package.json"));
        RepositoryPackages(result, "universe.json").Should().Equal(("delta", 0));
    }
}
