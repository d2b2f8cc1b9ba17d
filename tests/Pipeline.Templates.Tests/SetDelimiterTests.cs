using Pipeline.Diagnostics;

namespace Pipeline.Templates.Tests;

public class SetDelimiterTests
{
    [Fact]
    public void NewDelimitersReplaceTheBraces()
    {
        TemplateHarness.Render("{{=<% %>=}}<% name %> {{name}} <%#on%>yes<%/on%>", """{"name": "x", "on": true}""")
            .Should().Be("x {{name}} yes");
    }

    [Fact]
    public void TripleAndAmpersandWorkWithNewDelimiters()
    {
        // Both forms JSON-escape strings like {{x}} does (see EscapingTests).
        TemplateHarness.Render("{{=[ ]=}}[& v]|[{v}]", """{"v": "a\"b"}""").Should().Be("a\\\"b|a\\\"b");
    }

    [Fact]
    public void CloserStartingWithASigilLeavesAnEmptyTagThatIsAProblem()
    {
        var parsed = MustacheTemplate.Parse("{{=<% #>=}}<%#>");

        parsed.Template.Should().BeNull();
        parsed.Problems.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Kind = TemplateProblemKind.Syntax,
            Position = new SourcePosition(1, 12),
            Message = "Tag '<%#>' is empty.",
        });
    }

    [Fact]
    public void DelimitersCanBeSetBackToBraces()
    {
        TemplateHarness.Render("{{=| |=}}|a| |={{ }}=|{{a}}", """{"a": 1}""").Should().Be("1 1");
    }

    [Fact]
    public void StandaloneSetDelimiterLineIsRemoved()
    {
        TemplateHarness.Render("a\n{{=<% %>=}}\n<%x%>\n", """{"x": "b"}""").Should().Be("a\nb\n");
    }

    [Theory]
    [InlineData("{{=<%=}}")]
    [InlineData("{{=<% = %>=}}")]
    [InlineData("{{= =}}")]
    public void MalformedDelimitersAreASyntaxProblem(string template)
    {
        var parsed = MustacheTemplate.Parse("x\n  " + template);

        parsed.Template.Should().BeNull();
        parsed.Problems.Should().ContainSingle()
            .Which.Should().BeEquivalentTo(new { Kind = TemplateProblemKind.Syntax, Position = new Pipeline.Diagnostics.SourcePosition(2, 3) });
    }
}
