using System.Text;
using System.Text.Json.Nodes;

namespace Pipeline.Templates.Tests;

public class RobustnessTests
{
    private static readonly string[] Pieces =
    [
        "{{", "}}", "{{{", "}}}", "{", "}", "#", "^", "/", "!", ">", "&", "=", ".", "a", "b", "a.b",
        " ", "\n", "\r\n", "\t", "<%", "%>", "{{=<% %>=}}", "{{#a}}", "{{/a}}", "{{^b}}", "{{/b}}", "x", "é", "🚀",
    ];

    [Fact]
    public void RandomTemplatesNeverThrow()
    {
        var random = new Random(20240601);
        var context = JsonNode.Parse("""{"a": [1, {"b": "x"}, [2]], "b": {"a": true}, "x": ""}""");
        for (var round = 0; round < 5_000; round++)
        {
            var text = new StringBuilder();
            var length = random.Next(0, 30);
            for (var i = 0; i < length; i++) text.Append(Pieces[random.Next(Pieces.Length)]);

            var parsed = MustacheTemplate.Parse(text.ToString());

            if (parsed.Template is { } template)
            {
                var result = template.Render(context, new RenderLimits { MaxSteps = 10_000 });
                (result.Output is null).Should().Be(result.Problems.Count > 0);
            }
            else
            {
                parsed.Problems.Should().NotBeEmpty();
            }
            parsed.Problems.Should().AllSatisfy(p => p.Position.IsKnown.Should().BeTrue());
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("{{")]
    [InlineData("{{{")]
    [InlineData("}}")]
    [InlineData("{{=")]
    [InlineData("{{=}}")]
    [InlineData("{{!")]
    [InlineData("{{#a")]
    public void TruncatedInputIsAProblemOrPlainText(string text)
    {
        var parsed = MustacheTemplate.Parse(text);

        if (parsed.Template is null) parsed.Problems.Should().NotBeEmpty();
        else parsed.Template.Render(null).Output.Should().Be(text);
    }

    [Fact]
    public void TemplatesParseAndRenderOnSeveralThreadsAtOnce()
    {
        var shared = TemplateHarness.ParseClean("{{#items}}{{name}}-{{/items}}");
        var outputs = new string?[400];

        Parallel.For(0, outputs.Length, i =>
        {
            var own = MustacheTemplate.Parse($"{{{{t{i}.v}}}}:").Template!;
            var context = new JsonObject
            {
                [$"t{i}"] = new JsonObject { ["v"] = i },
                ["items"] = new JsonArray(new JsonObject { ["name"] = $"a{i}" }, new JsonObject { ["name"] = "b" }),
            };
            outputs[i] = own.Render(context).Output + shared.Render(context).Output;
        });

        outputs.Should().Equal(Enumerable.Range(0, outputs.Length).Select(i => $"{i}:a{i}-b-"));
    }
}
