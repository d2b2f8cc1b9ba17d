using System.Security.Cryptography;
using System.Text.Json;
using Pipeline.Build.Tests.Support;

namespace Pipeline.Build.Tests.PackageDocuments;

public sealed class PackageDocumentTests : IDisposable
{
    private readonly TempPackageTree _tree = new();
    private readonly Dictionary<string, byte[]> _files;
    private readonly JsonDocument _alpha;

    public PackageDocumentTests()
    {
        _files = SmallTrees.AddAlphaAndBeta(_tree);
        _alpha = JsonDocument.Parse(RepositoryBuilder.Build(_tree.Read()).GetBytes("package/alpha.json"));
    }

    public void Dispose()
    {
        _alpha.Dispose();
        _tree.Dispose();
    }

    private JsonElement Revision(int index) => _alpha.RootElement.GetProperty("revisions")[index];

    [Fact]
    public void Holds_every_revision_newest_first_under_the_latest_version()
    {
        var root = _alpha.RootElement;

        root.GetProperty("formatVersion").GetString().Should().Be("1");
        root.GetProperty("name").GetString().Should().Be("alpha");
        root.GetProperty("latest").GetProperty("version").GetString().Should().Be("3.0.0");
        root.GetProperty("latest").GetProperty("revision").GetInt32().Should().Be(2);
        root.GetProperty("revisions").EnumerateArray().Select(r => r.GetProperty("revision").GetInt32()).Should().Equal(2, 1, 0);
    }

    [Fact]
    public void Holds_the_files_content_as_JSON_and_text()
    {
        var second = Revision(1);

        second.GetProperty("package").GetProperty("upgradesFrom")[0].GetString().Should().Be("1.0.0");
        second.GetProperty("resource").GetProperty("cli").ValueKind.Should().Be(JsonValueKind.Object);
        second.GetProperty("config").ValueKind.Should().Be(JsonValueKind.Null);
        second.GetProperty("hasCli").GetBoolean().Should().BeTrue();
        second.GetProperty("readme").GetString().Should().Be("# Alpha\n\nThe second alpha.\n");
        var descriptors = second.GetProperty("descriptors").EnumerateArray().ToList();
        descriptors.Select(d => d.GetProperty("name").GetString()).Should().Equal("kubernetes.yaml", "marathon.json");
        descriptors[0].GetProperty("file").GetString().Should().Be("kubernetes.yaml.mustache");
        descriptors[0].GetProperty("target").GetString().Should().Be("kubernetes");
        descriptors[0].GetProperty("format").GetString().Should().Be("yaml");
        descriptors[0].GetProperty("template").GetString().Should().Be("apiVersion: v1\nkind: Pod\nmetadata:\n  name: alpha\n");
        Revision(2).GetProperty("command").GetProperty("pip")[0].GetString().Should().Be("alpha-cli==1.0");
    }

    [Fact]
    public void Lists_the_SHA256_of_each_file()
    {
        var files = Revision(1).GetProperty("files").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());

        files.Keys.Should().Equal("README.md", "kubernetes.yaml.mustache", "marathon.json.mustache", "package.json", "resource.json");
        foreach (var (name, hash) in files)
        {
            hash.Should().Be(Convert.ToHexStringLower(SHA256.HashData(_files[$"alpha/1/{name}"])), name);
        }
    }
}
