using System.Text.Json.Nodes;

namespace Pipeline.Site.Tests.Support;

/// <summary>Writes small package trees for tests: packages/&lt;Initial&gt;/&lt;name&gt;/&lt;revision&gt;/.</summary>
internal sealed class TreeBuilder(string root)
{
    public string Root { get; } = root;

    public TreeBuilder Revision(string name, int revision, JsonObject package, JsonObject? config = null, JsonObject? resource = null, string? readme = null, string? marathon = null)
    {
        var folder = Path.Combine(Root, "packages", char.ToUpperInvariant(name[0]).ToString(), name, revision.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        package["name"] ??= name;
        File.WriteAllText(Path.Combine(folder, "package.json"), package.ToJsonString());
        if (config is not null) File.WriteAllText(Path.Combine(folder, "config.json"), config.ToJsonString());
        if (resource is not null) File.WriteAllText(Path.Combine(folder, "resource.json"), resource.ToJsonString());
        if (readme is not null) File.WriteAllText(Path.Combine(folder, "README.md"), readme);
        if (marathon is not null) File.WriteAllText(Path.Combine(folder, "marathon.json.mustache"), marathon);
        return this;
    }

    public static JsonObject Package(string version, string description, params string[] tags) => new()
    {
        ["packagingVersion"] = "4.0",
        ["version"] = version,
        ["maintainer"] = "ops@example.com",
        ["description"] = description,
        ["tags"] = new JsonArray([.. tags.Select(t => (JsonNode)t)]),
        ["minDcosReleaseVersion"] = "1.10",
    };
}
