using System.Text;
using System.Text.Json.Nodes;

namespace Pipeline.Testing.Trees;

/// <summary>Universe trees and repository files written into a temp folder that is deleted afterwards.</summary>
public sealed class TestTrees : IDisposable
{
    public const string Config = """
        {"type": "object", "properties": {
          "service": {"type": "object", "description": "Service settings", "properties": {
            "name": {"type": "string", "default": "hello", "description": "The service name"},
            "cpus": {"type": "number", "default": 0.5, "minimum": 0.1, "description": "CPU shares"},
            "mode": {"type": "string", "enum": ["fast", "safe"], "default": "fast", "description": "Run mode"},
            "token": {"type": "string", "pattern": "^[a-z]+$", "description": "API token"}},
            "required": ["name", "token"]}}}
        """;

    public const string Marathon = """
        {"id": "{{service.name}}", "cpus": {{service.cpus}},
         "env": {"MODE": "{{service.mode}}", "TOKEN": "{{service.token}}"},
         "container": {"docker": {"image": "{{resource.assets.container.docker.hello}}"}},
         "labels": {"OWN": "kept", "DCOS_PACKAGE_NAME": "overridden"}}
        """;

    public const string Kubernetes = "name: {{service.name}}\ncpus: {{service.cpus}}\nmode: {{service.mode}}\n";

    public const string Resource = """{"assets": {"container": {"docker": {"hello": "example/hello:1.0"}}}, "images": {"icon-small": "https://example.com/i.png"}}""";

    public TestTrees() => Root = Directory.CreateTempSubdirectory("universe-repos-").FullName;

    public string Root { get; }

    public string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    /// <summary>Writes packages/&lt;I&gt;/&lt;name&gt;/&lt;revision&gt;/ under <paramref name="tree"/> and returns the tree root.</summary>
    public string AddRevision(string tree, string name, int revision, string version, string description = "Hello web", bool yaml = true)
    {
        var folder = Path(tree, "packages", char.ToUpperInvariant(name[0]).ToString(), name, revision.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        File.WriteAllText(System.IO.Path.Combine(folder, "package.json"), PackageJson(name, version, description).ToJsonString());
        File.WriteAllText(System.IO.Path.Combine(folder, "config.json"), Config);
        File.WriteAllText(System.IO.Path.Combine(folder, "resource.json"), Resource);
        File.WriteAllText(System.IO.Path.Combine(folder, "marathon.json.mustache"), Marathon);
        if (yaml) File.WriteAllText(System.IO.Path.Combine(folder, "kubernetes.yaml.mustache"), Kubernetes);
        return Path(tree);
    }

    public static JsonObject PackageJson(string name, string version, string description = "Hello web") => new()
    {
        ["packagingVersion"] = "4.0",
        ["name"] = name,
        ["version"] = version,
        ["maintainer"] = "team@example.com",
        ["description"] = description,
        ["tags"] = new JsonArray("web", "demo"),
    };

    /// <summary>A DC/OS repository JSON with one package object per (name, version, releaseVersion).</summary>
    public static string DcosRepository(params (string Name, string Version, int Release)[] packages)
    {
        var list = new JsonArray();
        foreach (var (name, version, release) in packages)
        {
            var package = PackageJson(name, version, "From DC/OS");
            package["releaseVersion"] = release;
            package["config"] = JsonNode.Parse(Config);
            package["resource"] = JsonNode.Parse(Resource);
            package["marathon"] = new JsonObject { ["v2AppMustacheTemplate"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(Marathon)) };
            list.Add(package);
        }
        return new JsonObject { ["packages"] = list }.ToJsonString();
    }

    /// <summary>Our index.json and the package document for one package with the given versions.</summary>
    public static (string Index, string Document) IndexFiles(string name, params (string Version, int Revision)[] versions)
    {
        var index = new JsonObject
        {
            ["formatVersion"] = "1",
            ["repository"] = new JsonObject { ["name"] = "published", ["description"] = null },
            ["source"] = new JsonObject { ["commit"] = null },
            ["packages"] = new JsonArray(new JsonObject
            {
                ["name"] = name,
                ["description"] = "From the index",
                ["tags"] = new JsonArray("web"),
                ["versions"] = new JsonArray(versions.Select(v => (JsonNode)new JsonObject
                {
                    ["version"] = v.Version,
                    ["revision"] = v.Revision,
                    ["packagingVersion"] = "4.0",
                    ["descriptors"] = new JsonArray("kubernetes.yaml", "marathon.json"),
                }).ToArray()),
            }),
        };
        var document = new JsonObject
        {
            ["formatVersion"] = "1",
            ["name"] = name,
            ["revisions"] = new JsonArray(versions.Select(v => (JsonNode)new JsonObject
            {
                ["revision"] = v.Revision,
                ["version"] = v.Version,
                ["packagingVersion"] = "4.0",
                ["package"] = PackageJson(name, v.Version, "From the index"),
                ["config"] = JsonNode.Parse(Config),
                ["resource"] = JsonNode.Parse(Resource),
                ["command"] = null,
                ["descriptors"] = new JsonArray(
                    new JsonObject { ["name"] = "marathon.json", ["file"] = "marathon.json.mustache", ["target"] = "marathon", ["format"] = "json", ["template"] = Marathon },
                    new JsonObject { ["name"] = "kubernetes.yaml", ["file"] = "kubernetes.yaml.mustache", ["target"] = "kubernetes", ["format"] = "yaml", ["template"] = Kubernetes }),
            }).ToArray()),
        };
        return (index.ToJsonString(), document.ToJsonString());
    }

    /// <summary>A loopback port nothing listens on: bound, read, and closed again.</summary>
    public static int ClosedPort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
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
