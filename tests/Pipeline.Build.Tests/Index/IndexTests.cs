using System.Security.Cryptography;
using System.Text.Json;
using Pipeline.Testing.Json;
using Pipeline.Build.Index;
using Pipeline.Build.Tests.Support;

namespace Pipeline.Build.Tests.Index;

public sealed class IndexTests : IDisposable
{
    private readonly TempPackageTree _tree = new();
    private readonly Dictionary<string, byte[]> _files;
    private readonly BuildResult _result;

    public IndexTests()
    {
        _files = SmallTrees.AddAlphaAndBeta(_tree);
        _result = RepositoryBuilder.Build(_tree.Read(), new BuildOptions { SourceCommit = "abc123" });
    }

    public void Dispose() => _tree.Dispose();

    private RepositoryIndex Index() =>
        JsonSerializer.Deserialize(_result.GetBytes(RepositoryIndex.FileName), IndexJsonContext.IndexFile.RepositoryIndex)!;

    [Fact]
    public void Names_the_format_the_repository_and_the_source_commit()
    {
        var index = Index();

        index.FormatVersion.Should().Be("1");
        index.Repository.Should().Be(new IndexRepository("test-universe", "A small universe"));
        index.Source.Commit.Should().Be("abc123");
        _result.Unbuilt.Should().BeEmpty();
    }

    [Fact]
    public void Lists_packages_by_name_described_by_their_latest_revision()
    {
        var index = Index();

        index.Packages.Select(p => p.Name).Should().Equal("alpha", "beta");
        var alpha = index.Packages[0];
        alpha.Latest.Should().Be(new IndexLatest("3.0.0", 2));
        alpha.Description.Should().Be("Alpha three");
        alpha.Maintainer.Should().Be("team@example.com");
        alpha.Tags.Should().Equal("db", "sql");
        alpha.Framework.Should().BeFalse("framework defaults to false");
        alpha.Selected.Should().BeFalse("selected defaults to false");
        index.Packages[1].Framework.Should().BeTrue();
        index.Packages[1].Selected.Should().BeTrue();
    }

    [Fact]
    public void Lists_versions_newest_first_with_their_packaging_and_minimum_DCOS_release()
    {
        var versions = Index().Packages[0].Versions;

        versions.Select(v => v.Revision).Should().Equal(2, 1, 0);
        versions.Select(v => v.Version).Should().Equal("3.0.0", "2.0.0", "1.0.0");
        versions.Select(v => v.PackagingVersion).Should().Equal("4.0", "4.0", "3.0");
        versions.Select(v => v.MinDcosReleaseVersion).Should().Equal("1.11", "1.10", "1.8");
        Index().Packages[1].Versions.Single().MinDcosReleaseVersion.Should().BeNull();
    }

    [Fact]
    public void Has_a_CLI_when_resource_json_has_cli_binaries_or_command_json_exists()
    {
        Index().Packages[0].Versions.Select(v => v.HasCli).Should().Equal(false, true, true);
    }

    [Fact]
    public void Lists_every_descriptor_without_its_template_suffix()
    {
        var versions = Index().Packages[0].Versions;

        versions[1].Descriptors.Should().Equal("kubernetes.yaml", "marathon.json");
        versions[2].Descriptors.Should().Equal("marathon.json");
    }

    [Fact]
    public void Hashes_every_file_of_every_revision_with_SHA256()
    {
        var index = Index();

        var listed = index.Packages
            .SelectMany(p => p.Versions.SelectMany(v => v.Files.Select(f => (Key: $"{p.Name}/{v.Revision}/{f.Key}", Hash: f.Value))))
            .ToDictionary(f => f.Key, f => f.Hash);
        listed.Keys.Should().BeEquivalentTo(_files.Keys);
        foreach (var (key, bytes) in _files)
        {
            listed[key].Should().Be(Convert.ToHexStringLower(SHA256.HashData(bytes)), key);
        }
    }

    [Fact]
    public void Writes_the_documented_shape_with_nulls_where_values_are_absent()
    {
        using var json = JsonDocument.Parse(_result.GetBytes(RepositoryIndex.FileName));
        var root = json.RootElement;

        root.EnumerateObject().Select(p => p.Name).Should().Equal("formatVersion", "repository", "source", "packages");
        root.GetProperty("packages")[0].EnumerateObject().Select(p => p.Name).Should().Equal(
            "name", "description", "tags", "maintainer", "framework", "selected", "latest", "versions");
        var beta = root.GetProperty("packages")[1].GetProperty("versions")[0];
        beta.EnumerateObject().Select(p => p.Name).Should().Equal(
            "version", "revision", "packagingVersion", "minDcosReleaseVersion", "descriptors", "hasCli", "files");
        beta.GetProperty("minDcosReleaseVersion").ValueKind.Should().Be(JsonValueKind.Null);
        beta.GetProperty("files").EnumerateObject().Select(p => p.Name).Should().Equal("marathon.json.mustache", "package.json");
    }

    [Fact]
    public void Reads_back_through_the_source_generated_context_unchanged()
    {
        using var written = JsonDocument.Parse(_result.GetBytes(RepositoryIndex.FileName));
        var reserialized = JsonSerializer.SerializeToElement(Index(), IndexJsonContext.IndexFile.RepositoryIndex);

        JsonComparison.FirstDifference(written.RootElement, reserialized).Should().BeNull();
    }
}
