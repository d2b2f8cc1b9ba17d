using System.Text.Json.Nodes;

namespace Pipeline.Site.Tests.Support;

/// <summary>
/// A package whose text tries to run script everywhere the site shows package text: description,
/// README, option descriptions, defaults, notes, tags, a descriptor and link targets. Each payload
/// sets <c>window.__pwned</c> if it ever runs.
/// </summary>
internal static class CraftedTree
{
    public const string Name = "evil";
    public const string ScriptPayload = "<script>window.__pwned=1</script>";
    public const string ImagePayload = "<img src=x onerror=\"window.__pwned=1\">";

    public static void Write(string root)
    {
        var package = TreeBuilder.Package("1.0.0", $"Harmless {ScriptPayload} and {ImagePayload} text", "tag" + ScriptPayload);
        package["maintainer"] = ImagePayload;
        package["website"] = "javascript:window.__pwned=1";
        package["preInstallNotes"] = ScriptPayload;
        package["licenses"] = new JsonArray(new JsonObject { ["name"] = ImagePayload, ["url"] = "javascript:window.__pwned=1" });
        var config = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["service"] = new JsonObject
                {
                    ["type"] = "object",
                    ["description"] = ScriptPayload,
                    ["properties"] = new JsonObject
                    {
                        ["name"] = new JsonObject { ["type"] = "string", ["default"] = ScriptPayload, ["description"] = ImagePayload },
                    },
                },
            },
        };
        var readme = $"""
            # Evil

            {ScriptPayload}

            {ImagePayload}

            [click me](javascript:window.__pwned=1) and <javascript:window.__pwned=1>

            ![remote image](https://example.com/tracker.png)
            """;
        var resource = new JsonObject
        {
            ["images"] = new JsonObject { ["icon-small"] = "https://example.com/icon.png" },
        };
        new TreeBuilder(root)
            .Revision(Name, 0, package, config, resource, readme, marathon: "{\"id\": \"{{service.name}}\", \"x\": \"</code></pre><script>window.__pwned=1</script>\"}")
            .Revision("good", 0, TreeBuilder.Package("2.0.0", "A well-behaved package", "plain"));
    }
}
