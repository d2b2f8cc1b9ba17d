using System.Text.Json.Nodes;

namespace Pipeline.Templates.Tests;

public class ValueTests
{
    [Fact]
    public void IntegerKeepsItsIntegerText()
    {
        TemplateHarness.Render("\"port\": {{port}}", """{"port": 8080}""").Should().Be("\"port\": 8080");
    }

    [Theory]
    [InlineData("0.5")]
    [InlineData("1.0")]
    [InlineData("1e3")]
    [InlineData("-12")]
    [InlineData("12345678901234567890123")]
    public void NumberKeepsItsOriginalJsonText(string number)
    {
        TemplateHarness.Render("{{n}}", $$"""{"n": {{number}}}""").Should().Be(number);
    }

    [Fact]
    public void NumberCreatedInCodeRendersWithoutFraction()
    {
        var context = new JsonObject { ["port"] = 8080, ["cpus"] = 1.5 };

        TemplateHarness.Render("{{port}} {{cpus}}", context).Should().Be("8080 1.5");
    }

    [Fact]
    public void BooleansRenderAsJsonLiterals()
    {
        TemplateHarness.Render("{{yes}},{{no}}", """{"yes": true, "no": false}""").Should().Be("true,false");
    }

    [Fact]
    public void NullAndMissingRenderAsNothing()
    {
        TemplateHarness.Render("[{{nothing}}|{{missing}}|{{a.b.c}}]", """{"nothing": null}""").Should().Be("[||]");
    }

    [Fact]
    public void ObjectsAndArraysRenderAsCompactJson()
    {
        var output = TemplateHarness.Render(
            "{{constraints}} {{labels}}",
            """{"constraints": [["hostname", "UNIQUE"], [ ]], "labels": { "a" : "x\"y", "n": 1.0, "z": null, "é": true }}""");

        output.Should().Be("""[["hostname","UNIQUE"],[]] {"a":"x\"y","n":1.0,"z":null,"é":true}""");
    }

    [Fact]
    public void NullContextRendersMissingValues()
    {
        TemplateHarness.Render("a{{x}}b{{#x}}c{{/x}}{{^x}}d{{/x}}", context: null).Should().Be("abd");
    }
}
