namespace Pipeline.Templates.Tests;

public class NameResolutionTests
{
    [Fact]
    public void DottedNameWalksIntoNestedObjects()
    {
        TemplateHarness.Render("{{resource.assets.container.docker.image}}", """{"resource": {"assets": {"container": {"docker": {"image": "nginx:1.25"}}}}}""")
            .Should().Be("nginx:1.25");
    }

    [Fact]
    public void DottedNameKeepsHyphensInSegments()
    {
        TemplateHarness.Render("{{resource.assets.uris.jre-tar-gz}}", """{"resource": {"assets": {"uris": {"jre-tar-gz": "https://x/jre.tgz"}}}}""")
            .Should().Be("https://x/jre.tgz");
    }

    [Fact]
    public void NameNotInTheCurrentItemIsFoundInAnOuterContext()
    {
        TemplateHarness.Render("{{#nodes}}{{name}}@{{cluster}} {{/nodes}}", """{"cluster": "prod", "nodes": [{"name": "a"}, {"name": "b", "cluster": "dev"}]}""")
            .Should().Be("a@prod b@dev ");
    }

    [Fact]
    public void FirstSegmentResolvesUpTheStackAndTheRestInsideIt()
    {
        TemplateHarness.Render("{{#inner}}{{service.name}}{{/inner}}", """{"service": {"name": "outer"}, "inner": {"x": 1}}""")
            .Should().Be("outer");
    }

    [Fact]
    public void MissingLaterSegmentIsMissingEvenWhenAnOuterContextHasIt()
    {
        TemplateHarness.Render("{{#inner}}[{{service.name}}]{{/inner}}", """{"service": {"name": "outer"}, "inner": {"service": {"id": 1}}}""")
            .Should().Be("[]");
    }

    [Fact]
    public void KeyPresentWithNullHidesTheSameKeyInOuterContexts()
    {
        TemplateHarness.Render("{{#inner}}[{{name}}]{{/inner}}", """{"name": "outer", "inner": {"name": null}}""")
            .Should().Be("[]");
    }

    [Fact]
    public void DottedNameThroughAScalarIsMissing()
    {
        TemplateHarness.Render("[{{a.b}}]", """{"a": "text"}""").Should().Be("[]");
    }

    [Fact]
    public void CurrentItemAtTopLevelIsTheWholeContext()
    {
        TemplateHarness.Render("{{.}}", """{"a": 1}""").Should().Be("""{"a":1}""");
    }

    [Fact]
    public void WhitespaceAroundTheNameIsIgnored()
    {
        TemplateHarness.Render("{{ a }}{{# b }}!{{/ b }}", """{"a": "x", "b": true}""").Should().Be("x!");
    }

    [Fact]
    public void KeyWrittenWithDotsIsMatchedWholeBeforeTheDotsAreFollowed()
    {
        TemplateHarness.Render("{{a.b}}", """{"a.b": "whole", "a": {"b": "nested"}}""").Should().Be("whole");
    }

    [Fact]
    public void InnerScopeHoldingTheFirstSegmentWinsOverAnOuterWholeKey()
    {
        TemplateHarness.Render("{{#inner}}{{a.b}}{{/inner}}", """{"a.b": "outer", "inner": {"a": {"b": "inner"}}}""")
            .Should().Be("inner");
    }

    [Fact]
    public void EmptySegmentsAreLookedUpAsEmptyKeys()
    {
        TemplateHarness.Render("{{a.}}|{{a..b}}", """{"a": {"": {"b": 2}}}""").Should().Be("""{"b":2}|2""");
    }
}
