using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipeline.Templates.Tests;

public class EscapingTests
{
    [Fact]
    public void VariableInsideQuotesEscapesQuoteBackslashAndNewlineIntoValidJson()
    {
        var context = new JsonObject { ["x"] = "a\"b\\c\n" };

        var output = TemplateHarness.Render("\"{{x}}\"", context);

        output.Should().Be("\"a\\\"b\\\\c\\n\"");
        JsonDocument.Parse(output).RootElement.GetString().Should().Be("a\"b\\c\n");
    }

    [Theory]
    [InlineData("\t", "\\t")]
    [InlineData("\r", "\\r")]
    [InlineData("\b", "\\b")]
    [InlineData("\f", "\\f")]
    [InlineData("\u0001", "\\u0001")]
    [InlineData("\u001f", "\\u001f")]
    public void VariableEscapesControlCharacters(string value, string expected)
    {
        var output = TemplateHarness.Render("{{x}}", new JsonObject { ["x"] = value });

        output.Should().Be(expected);
    }

    [Theory]
    [InlineData("héllo wörld")]
    [InlineData("日本語")]
    [InlineData("emoji 🚀")]
    [InlineData("<tag> & 'quote' / slash + plus")]
    public void VariableKeepsUnicodeAndHtmlCharactersAsTheyAre(string value)
    {
        var output = TemplateHarness.Render("{{x}}", new JsonObject { ["x"] = value });

        output.Should().Be(value);
    }

    [Fact]
    public void VariableKeepsLoneSurrogatesAndLineSeparatorsAsTheyAre()
    {
        // Cosmos escapes only what JSON requires: a lone surrogate (high or low) and U+2028 pass through.
        foreach (var value in (string[])["a\uD800b", "a\uDC00b", "\uDC00\uD800", "\u2028\u2029"])
        {
            TemplateHarness.Render("{{x}}", new JsonObject { ["x"] = value }).Should().Be(value);
        }
    }

    [Fact]
    public void ObjectValuesEscapeTheirStringsTheSameWay()
    {
        var context = new JsonObject { ["x"] = new JsonObject { ["k\n"] = "é\"\b\u0001\uD800" } };

        TemplateHarness.Render("{{x}}", context).Should().Be("{\"k\\n\":\"é\\\"\\b\\u0001\uD800\"}");
    }

    [Fact]
    public void TripleMustacheEscapesStringsLikeDoubleMustache()
    {
        // Cosmos JSON-escapes string values before Mustache sees them, so the triple form changes
        // nothing: kafka's "PLACEMENT_CONSTRAINTS": "{{{service.placement_constraint}}}" with
        // [["hostname", "MAX_PER", "1"]] installs as a valid JSON string.
        var context = new JsonObject { ["x"] = "a\"b\\c\n<d>" };

        TemplateHarness.Render("{{{x}}}", context).Should().Be("a\\\"b\\\\c\\n<d>");
    }

    [Fact]
    public void AmpersandEscapesStringsLikeDoubleMustache()
    {
        var context = new JsonObject { ["x"] = "say \"hi\"" };

        TemplateHarness.Render("{{& x}}|{{&x}}", context).Should().Be("say \\\"hi\\\"|say \\\"hi\\\"");
    }

    [Fact]
    public void ValueFromParsedJsonWithEscapesIsReEscaped()
    {
        var output = TemplateHarness.Render("{\"cmd\": \"{{cmd}}\"}", """{"cmd": "echo \"$HOME\"\n\tdone"}""");

        JsonNode.Parse(output)!["cmd"]!.GetValue<string>().Should().Be("echo \"$HOME\"\n\tdone");
    }
}
