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

    [Fact]
    public void ScalarsOfEveryKindCreatedInCodeRenderAsJson()
    {
        var context = new JsonObject
        {
            ["int"] = -7, ["long"] = 5_000_000_000L, ["decimal"] = 1.50m, ["double"] = 0.1, ["yes"] = true, ["no"] = false,
            ["guid"] = JsonValue.Create(Guid.Empty), ["char"] = JsonValue.Create('q'),
        };

        TemplateHarness.Render("{{int}} {{long}} {{decimal}} {{double}} {{yes}} {{no}} {{guid}} {{char}}", context)
            .Should().Be("-7 5000000000 1.50 0.1 true false 00000000-0000-0000-0000-000000000000 q");
    }
}
