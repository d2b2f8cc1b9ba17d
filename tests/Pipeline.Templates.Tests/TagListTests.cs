using System.Text.Json.Nodes;
using Pipeline.Diagnostics;

namespace Pipeline.Templates.Tests;

public class TagListTests
{
    [Fact]
    public void TagsAreListedInDocumentOrderWithKindPositionAndEnclosingSections()
    {
        var template = TemplateHarness.ParseClean("""
            {{! header }}
            {"id": "{{service.name}}",
             {{#service.tls}}
             "tls": {{{tls.config}}},
               {{^insecure}}{{& cert}}{{/insecure}}
             {{/service.tls}}
             "x": {{.}}
            {{=<% %>=}}
            <%#last%><%y%><%/last%>}
            """);

        template.Tags.Select(t => (t.Name, t.Kind, t.Position, string.Join("/", t.EnclosingSections))).Should().Equal(
            ("header", TagKind.Comment, new SourcePosition(1, 1), ""),
            ("service.name", TagKind.Variable, new SourcePosition(2, 9), ""),
            ("service.tls", TagKind.Section, new SourcePosition(3, 2), ""),
            ("tls.config", TagKind.Unescaped, new SourcePosition(4, 9), "service.tls"),
            ("insecure", TagKind.InvertedSection, new SourcePosition(5, 4), "service.tls"),
            ("cert", TagKind.Unescaped, new SourcePosition(5, 17), "service.tls/insecure"),
            (".", TagKind.Variable, new SourcePosition(7, 7), ""),
            ("<% %>", TagKind.SetDelimiter, new SourcePosition(8, 1), ""),
            ("last", TagKind.Section, new SourcePosition(9, 1), ""),
            ("y", TagKind.Variable, new SourcePosition(9, 10), "last"));
    }

    [Fact]
    public void EnclosingSectionsListOutermostFirst()
    {
        var template = TemplateHarness.ParseClean("{{#a}}{{^b}}{{#c.d}}{{x}}{{/c.d}}{{/b}}{{y}}{{/a}}{{z}}");

        var byName = template.Tags.ToDictionary(t => t.Name, t => t.EnclosingSections);
        byName["x"].Should().Equal("a", "b", "c.d");
        byName["y"].Should().Equal("a");
        byName["z"].Should().BeEmpty();
        byName["c.d"].Should().Equal("a", "b");
    }

    [Fact]
    public void ParsingTheSameTextTwiceGivesEqualTags()
    {
        const string text = "{{#a}}{{#b}}{{x}}{{/b}}{{/a}}";

        MustacheTemplate.Parse(text).Template!.Tags.Should().Equal(MustacheTemplate.Parse(text).Template!.Tags);
    }

    [Fact]
    public void SigilAfterWhitespaceBelongsToAVariableName()
    {
        var template = TemplateHarness.ParseClean("{{ #a}}");

        template.Tags.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Name = "#a", Kind = TagKind.Variable });
    }

    [Fact]
    public void PositionsCountLinesAndColumnsFarIntoALongTemplate()
    {
        // Every 100th of 3,000 lines holds a tag after two spaces; lines end in CRLF, then LF.
        var lines = Enumerable.Range(1, 3_000).Select(i => i % 100 == 0 ? $"  {{{{v{i}}}}}" : $"line {i}");
        var text = string.Join("\r\n", lines.Take(1_500)) + "\r\n" + string.Join("\n", lines.Skip(1_500));

        var template = TemplateHarness.ParseClean(text);

        template.Tags.Select(t => (t.Name, t.Position)).Should().Equal(
            Enumerable.Range(1, 30).Select(k => ($"v{k * 100}", new SourcePosition(k * 100, 3))));
    }

    [Fact]
    public void NamesKeepTheirTextAcrossManyTemplatesWithManyDistinctNames()
    {
        // More distinct names than a thread keeps between templates, so the kept names are dropped on the way.
        for (var round = 0; round < 3; round++)
        {
            var names = Enumerable.Range(0, 5_000).Select(i => $"r{round}.n{i}").ToArray();

            var template = TemplateHarness.ParseClean(string.Concat(names.Select(n => $"{{{{{n}}}}}{{{{shared.name}}}}")));

            template.Tags.Select(t => t.Name).Should().Equal(names.SelectMany(n => new[] { n, "shared.name" }));
            template.Render(new JsonObject { [$"r{round}"] = new JsonObject { ["n4999"] = "last" } }).Output.Should().Be("last");
        }
    }
}
