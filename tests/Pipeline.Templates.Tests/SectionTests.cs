using System.Text.Json.Nodes;

namespace Pipeline.Templates.Tests;

public class SectionTests
{
    [Theory]
    [InlineData("""{"x": true}""", "[yes]")]
    [InlineData("""{"x": false}""", "[]")]
    [InlineData("""{"x": null}""", "[]")]
    [InlineData("""{}""", "[]")]
    [InlineData("""{"x": ""}""", "[]")]
    [InlineData("""{"x": []}""", "[]")]
    [InlineData("""{"x": "text"}""", "[yes]")]
    [InlineData("""{"x": 0}""", "[yes]")]
    [InlineData("""{"x": {}}""", "[yes]")]
    public void SectionRendersOnlyForTruthyValues(string context, string expected)
    {
        TemplateHarness.Render("[{{#x}}yes{{/x}}]", context).Should().Be(expected);
    }

    [Theory]
    [InlineData("""{"x": true}""", "[]")]
    [InlineData("""{"x": false}""", "[no]")]
    [InlineData("""{"x": null}""", "[no]")]
    [InlineData("""{}""", "[no]")]
    [InlineData("""{"x": ""}""", "[no]")]
    [InlineData("""{"x": []}""", "[no]")]
    [InlineData("""{"x": [1]}""", "[]")]
    [InlineData("""{"x": "text"}""", "[]")]
    public void InvertedSectionRendersOnlyForFalsyValues(string context, string expected)
    {
        TemplateHarness.Render("[{{^x}}no{{/x}}]", context).Should().Be(expected);
    }

    [Fact]
    public void ArraySectionRendersOncePerElementWithTheElementAsContext()
    {
        var output = TemplateHarness.Render(
            "{{#ports}}{{port}}/{{protocol}};{{/ports}}",
            """{"ports": [{"port": 80, "protocol": "tcp"}, {"port": 53, "protocol": "udp"}]}""");

        output.Should().Be("80/tcp;53/udp;");
    }

    [Fact]
    public void CurrentItemRendersEachScalarElement()
    {
        TemplateHarness.Render("{{#uris}}\"{{.}}\",{{/uris}}", """{"uris": ["a", "b\"c", 3]}""")
            .Should().Be("\"a\",\"b\\\"c\",\"3\",");
    }

    [Fact]
    public void ObjectSectionIsEnteredOnce()
    {
        TemplateHarness.Render("{{#service}}{{name}}-{{user}}{{/service}}", """{"service": {"name": "kafka", "user": "root"}}""")
            .Should().Be("kafka-root");
    }

    [Fact]
    public void ScalarSectionPushesTheValueAsCurrentItem()
    {
        TemplateHarness.Render("{{#secret}}\"secret\": \"{{.}}\"{{/secret}}", """{"secret": "path/to/secret"}""")
            .Should().Be("\"secret\": \"path/to/secret\"");
    }

    [Fact]
    public void NestedArraySectionsIterateEveryCombination()
    {
        TemplateHarness.Render("{{#a}}{{#b}}{{x}}{{y}} {{/b}}{{/a}}", """{"a": [{"x": 1}, {"x": 2}], "b": [{"y": "p"}, {"y": "q"}]}""")
            .Should().Be("1p 1q 2p 2q ");
    }

    [Fact]
    public void SectionOverDottedNameUsesTheNestedValue()
    {
        TemplateHarness.Render("{{#service.tls}}tls on{{/service.tls}}{{^service.tls}}tls off{{/service.tls}}", """{"service": {"tls": false}}""")
            .Should().Be("tls off");
    }

    [Fact]
    public void ParsedTemplateRendersManyContextsIndependently()
    {
        var template = TemplateHarness.ParseClean("{{#on}}{{name}}{{/on}}{{^on}}off{{/on}}");

        template.Render(JsonNode.Parse("""{"on": true, "name": "a"}""")).Output.Should().Be("a");
        template.Render(JsonNode.Parse("""{"on": false}""")).Output.Should().Be("off");
    }
}
