using System.Text.Json.Nodes;

namespace Pipeline.Templates.Tests;

/// <summary>Parses and renders in one call for tests that expect both to succeed.</summary>
internal static class TemplateHarness
{
    public static MustacheTemplate ParseClean(string template)
    {
        var parsed = MustacheTemplate.Parse(template);
        parsed.Problems.Should().BeEmpty();
        parsed.Template.Should().NotBeNull();
        return parsed.Template!;
    }

    public static string Render(string template, string contextJson = "{}") =>
        Render(template, JsonNode.Parse(contextJson));

    public static string Render(string template, JsonNode? context)
    {
        var result = ParseClean(template).Render(context);
        result.Problems.Should().BeEmpty();
        result.Output.Should().NotBeNull();
        return result.Output!;
    }
}
