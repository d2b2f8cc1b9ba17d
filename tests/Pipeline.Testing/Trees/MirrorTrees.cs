using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Pipeline.Testing.Trees;

/// <summary>Universe trees written into a temp folder that is deleted afterwards.</summary>
public sealed class MirrorTrees : IDisposable
{
    public const string Config = """{"type": "object", "properties": {"service": {"type": "object", "properties": {"name": {"type": "string", "default": "hello", "description": "The name"}}}}}""";

    public const string Marathon = """{"id": "{{service.name}}", "cpus": 0.1, "mem": 32, "instances": 1, "cmd": "sleep 100"}""";

    public MirrorTrees() => Root = Directory.CreateTempSubdirectory("universe-mirror-").FullName;

    public string Root { get; }

    public string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    /// <summary>Writes packages/&lt;I&gt;/&lt;name&gt;/&lt;revision&gt;/ under <paramref name="tree"/>; returns the tree root.</summary>
    public string AddRevision(string tree, string name, int revision, string version, JsonObject? resource = null, JsonObject? command = null)
    {
        var folder = Path(tree, "packages", char.ToUpperInvariant(name[0]).ToString(), name, revision.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        var package = new JsonObject
        {
            ["packagingVersion"] = command is null ? "4.0" : "3.0",
            ["name"] = name,
            ["version"] = version,
            ["maintainer"] = "team@example.com",
            ["description"] = $"The {name} service",
            ["tags"] = new JsonArray("demo"),
        };
        if (resource?["cli"] is not null) package["minDcosReleaseVersion"] = "1.10";
        File.WriteAllText(System.IO.Path.Combine(folder, "package.json"), package.ToJsonString());
        File.WriteAllText(System.IO.Path.Combine(folder, "config.json"), Config);
        File.WriteAllText(System.IO.Path.Combine(folder, "marathon.json.mustache"), Marathon);
        if (resource is not null) File.WriteAllText(System.IO.Path.Combine(folder, "resource.json"), resource.ToJsonString());
        if (command is not null) File.WriteAllText(System.IO.Path.Combine(folder, "command.json"), command.ToJsonString());
        return Path(tree);
    }

    /// <summary>A resource.json with an icon (also its screenshot), a URI and a Docker image.</summary>
    public static JsonObject Resource(Uri icon, Uri uri) => new()
    {
        ["images"] = new JsonObject { ["icon-small"] = icon.AbsoluteUri, ["screenshots"] = new JsonArray(icon.AbsoluteUri) },
        ["assets"] = new JsonObject
        {
            ["uris"] = new JsonObject { ["collector"] = uri.AbsoluteUri },
            ["container"] = new JsonObject { ["docker"] = new JsonObject { ["server"] = "example/hello:1.0" } },
        },
    };

    /// <summary>A resource.json with one CLI binary for linux/x86-64.</summary>
    public static JsonObject CliResource(Uri url, string sha256, string kind = "executable") => new()
    {
        ["cli"] = new JsonObject
        {
            ["binaries"] = new JsonObject
            {
                ["linux"] = new JsonObject
                {
                    ["x86-64"] = new JsonObject
                    {
                        ["kind"] = kind,
                        ["url"] = url.AbsoluteUri,
                        ["contentHash"] = new JsonArray(new JsonObject { ["algo"] = "sha256", ["value"] = sha256 }),
                    },
                },
            },
        },
    };

    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    public static byte[] Bytes(int length, int seed = 1)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
