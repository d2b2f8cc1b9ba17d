using System.Text;
using System.Text.Json.Nodes;
using Pipeline.Bumping.Editing;

namespace Pipeline.Bumping.Tests;

/// <summary>An edited package file keeps its formatting: only the bytes of what changed change.</summary>
public sealed class JsonSpliceTests
{
    private static string? Splice(string original, Action<JsonObject> edit)
    {
        var node = JsonNode.Parse(original)!.AsObject();
        edit(node);
        return JsonSplice.Apply(Encoding.UTF8.GetBytes(original), node) is { } bytes ? Encoding.UTF8.GetString(bytes) : null;
    }

    [Fact]
    public void Replaced_values_and_appended_items_change_nothing_else()
    {
        const string original = "{\n    \"version\":   \"1.0.0\",\n    \"upgradesFrom\": [\n        \"0.8.0\",\n        \"0.9.0\"\n    ],\n    \"lastUpdated\": 1500000000, \"tags\": [\"a\"]\n}\n";

        var spliced = Splice(original, o =>
        {
            o["version"] = "2.0.0";
            o["upgradesFrom"]!.AsArray().Add(JsonValue.Create("1.0.0"));
            o["lastUpdated"] = 1700000000L;
            o["tags"]!.AsArray().Add(JsonValue.Create("b"));
        });

        spliced.Should().Be("{\n    \"version\":   \"2.0.0\",\n    \"upgradesFrom\": [\n        \"0.8.0\",\n        \"0.9.0\",\n        \"1.0.0\"\n    ],\n    \"lastUpdated\": 1700000000, \"tags\": [\"a\", \"b\"]\n}\n");
    }

    [Fact]
    public void Unchanged_text_the_writer_would_escape_differently_keeps_its_bytes()
    {
        // An apostrophe, '+', '<' and a lower-case \u escape: the writer would spell each otherwise.
        const string original = "{\"version\": \"1.0.0\", \"preInstallNotes\": \"it's C++ <fast> caf\\u00e9\"}";

        Splice(original, o => o["version"] = "2.0.0")
            .Should().Be("{\"version\": \"2.0.0\", \"preInstallNotes\": \"it's C++ <fast> caf\\u00e9\"}");
    }

    [Fact]
    public void An_item_in_an_empty_array_and_a_changed_last_item_are_spliced()
    {
        Splice("{\"a\": [ ], \"b\": [1]}", o => o["a"]!.AsArray().Add(JsonValue.Create("x"))).Should().Be("{\"a\": [\"x\"], \"b\": [1]}");
        Splice("{\"b\": [1, 2]}", o =>
        {
            o["b"]![1] = 5;
            o["b"]!.AsArray().Add(JsonValue.Create(6));
        }).Should().Be("{\"b\": [1, 5, 6]}");
    }

    [Fact]
    public void A_new_value_outside_ascii_is_escaped_as_universe_requires() =>
        Splice("{\"d\": \"x\"}", o => o["d"] = "café <b>").Should().Be("{\"d\": \"caf\\u00E9 \\u003Cb\\u003E\"}");

    [Fact]
    public void Members_added_removed_or_turned_into_objects_are_not_splices()
    {
        Splice("{\"a\": 1}", o => o["b"] = 2).Should().BeNull();
        Splice("{\"a\": 1, \"b\": 2}", o => o.Remove("b")).Should().BeNull();
        Splice("{\"a\": 1}", o => o["a"] = new JsonObject()).Should().BeNull();
        Splice("{\"a\": [1, 2]}", o => o["a"]!.AsArray().RemoveAt(1)).Should().BeNull();
    }
}
