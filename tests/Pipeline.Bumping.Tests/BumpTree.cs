using System.Text;

namespace Pipeline.Bumping.Tests;

/// <summary>
/// A universe in a temp folder with package <c>kafka</c> at revision 0 (version 1.0.0): an
/// <c>upgradesFrom</c> list, <c>lastUpdated</c>, a config, a Marathon template, and a resource.json
/// whose asset, CLI binary and Docker image name the version, the files served from
/// <see cref="AssetBase"/>.
/// </summary>
internal sealed class BumpTree : IDisposable
{
    public BumpTree(Uri assetBase)
    {
        AssetBase = assetBase;
        Root = Directory.CreateTempSubdirectory("universe-bump-tests-").FullName;
        Write("universe.yaml", "name: test\n");
        Write("packages/K/kafka/0/package.json", PackageJson);
        Write("packages/K/kafka/0/config.json", Config);
        Write("packages/K/kafka/0/resource.json", Resource(assetBase));
        Write("packages/K/kafka/0/marathon.json.mustache", Marathon);
    }

    public const string PackageJson = """
        {
          "packagingVersion": "4.0",
          "name": "kafka",
          "version": "1.0.0",
          "maintainer": "team@example.org",
          "description": "Kafka brokers.",
          "tags": ["queue"],
          "upgradesFrom": [],
          "minDcosReleaseVersion": "1.10",
          "lastUpdated": 1500000000
        }
        """;

    public const string Config = """
        {"type": "object", "properties": {"service": {"type": "object", "properties": {
          "name": {"type": "string", "default": "kafka"},
          "cpus": {"type": "number", "default": 1}}}}}
        """;

    public const string Marathon = """
        {"id": "{{service.name}}", "cpus": {{service.cpus}}, "cmd": "run {{resource.assets.uris.kafka-tgz}}",
         "container": {"docker": {"image": "{{resource.assets.container.docker.kafka}}"}}}
        """;

    public static string Resource(Uri assetBase) => $$$"""
        {
          "assets": {
            "uris": {"kafka-tgz": "{{{assetBase}}}files/kafka-1.0.0.tgz", "jre-tgz": "{{{assetBase}}}files/jre-8.tgz"},
            "container": {"docker": {"kafka": "example/kafka:1.0.0"}}
          },
          "cli": {"binaries": {"linux": {"x86-64": {
            "kind": "executable", "url": "{{{assetBase}}}files/dcos-kafka-1.0.0-linux",
            "contentHash": [{"algo": "sha256", "value": "0000000000000000000000000000000000000000000000000000000000000000"}]} } } },
          "images": {"icon-small": "https://example.org/kafka-small.png"}
        }
        """;

    public Uri AssetBase { get; }

    public string Root { get; }

    public string In(string path) => Path.Combine(Root, path);

    public string Read(string path) => File.ReadAllText(In(path));

    public BumpTree Write(string path, string content) => Write(path, Encoding.UTF8.GetBytes(content));

    public BumpTree Write(string path, byte[] content)
    {
        var full = In(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, content);
        return this;
    }

    /// <summary>Every file of the tree with its bytes, for "left as it was" checks.</summary>
    public IReadOnlyDictionary<string, string> Snapshot() =>
        Directory.GetFiles(Root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(Root, f).Replace('\\', '/'), f => Convert.ToHexString(File.ReadAllBytes(f)));

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
