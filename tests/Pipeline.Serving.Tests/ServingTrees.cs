using System.Globalization;
using System.Text.Json.Nodes;
using Pipeline.Build;
using Pipeline.Packages.Reading;
using Pipeline.Packages;
using Pipeline.Testing.StaticFiles;

namespace Pipeline.Serving.Tests;

/// <summary>Package trees written into a temp folder (deleted afterwards) and built in memory.</summary>
public sealed class ServingTrees : IDisposable
{
    public ServingTrees() => Root = Directory.CreateTempSubdirectory("universe-serve-").FullName;

    public string Root { get; }

    /// <summary>Writes <c>packages/&lt;I&gt;/&lt;name&gt;/&lt;revision&gt;/</c> under the tree <paramref name="tree"/>.</summary>
    public ServingTrees Add(string tree, string name, int revision, string version, string? minDcos = null, string description = "Hello")
    {
        var folder = Path.Combine(Root, tree, "packages", char.ToUpperInvariant(name[0]).ToString(), name, revision.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        var package = new JsonObject
        {
            ["packagingVersion"] = "4.0",
            ["name"] = name,
            ["version"] = version,
            ["maintainer"] = "team@example.com",
            ["description"] = description,
            ["tags"] = new JsonArray("demo"),
        };
        if (minDcos is not null) package["minDcosReleaseVersion"] = minDcos;
        File.WriteAllText(Path.Combine(folder, "package.json"), package.ToJsonString());
        File.WriteAllText(Path.Combine(folder, "marathon.json.mustache"), """{"id": "{{service.name}}"}""");
        File.WriteAllText(Path.Combine(folder, "config.json"),
            """{"type": "object", "properties": {"service": {"type": "object", "properties": {"name": {"type": "string", "default": "hello"}}}}}""");
        return this;
    }

    public BuildResult Build(string tree) => RepositoryBuilder.Build(PackageTreeReader.Read(Path.Combine(Root, tree)), new BuildOptions { MaxDegreeOfParallelism = 1 });

    /// <summary>Serves every file of <paramref name="build"/> under <c>upstream/</c>; returns the index address.</summary>
    public static Uri Publish(StaticFileServer server, BuildResult build)
    {
        foreach (var file in build.Files) server.Add("upstream/" + file.Path, file.ToArray());
        return new Uri(server.BaseUrl, "upstream/index.json");
    }

    /// <summary>Serves the build's <c>universe.json</c> alone at <paramref name="path"/>, as a DC/OS repository; returns its address.</summary>
    public static Uri PublishDcos(StaticFileServer server, BuildResult build, string path = "public/universe.json") =>
        server.Add(path, build.GetBytes("universe.json"), "application/vnd.dcos.universe.repo+json;charset=utf-8;version=v5");

    public static IReadOnlyList<string> Names(string json) =>
        (JsonNode.Parse(json)!["packages"] as JsonArray)!.Select(p => (string)p!["name"]!).ToArray();

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
