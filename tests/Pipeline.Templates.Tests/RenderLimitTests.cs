using System.Diagnostics;
using System.Text.Json.Nodes;
using Pipeline.Diagnostics;

namespace Pipeline.Templates.Tests;

[Collection(SequentialCollection.Name)]
public class RenderLimitTests
{
    private static readonly TimeSpan Quickly = TimeSpan.FromSeconds(1);

    // Processor time rather than wall time: the bound is about the work a render does, and a
    // busy shared machine stalls wall clocks. The collection runs alone, so the process's time is this test's.
    private static (RenderResult Result, TimeSpan Elapsed) TimedRender(string template, JsonNode? context, RenderLimits? limits = null)
    {
        var parsed = TemplateHarness.ParseClean(template);
        using var process = Process.GetCurrentProcess();
        var before = process.TotalProcessorTime;
        var result = parsed.Render(context, limits);
        process.Refresh();
        return (result, process.TotalProcessorTime - before);
    }

    private static JsonObject TenItems() => new() { ["l"] = new JsonArray(Enumerable.Range(0, 10).Select(i => (JsonNode?)i).ToArray()) };

    [Fact]
    public void ThirtyNestedSectionsOverTenItemsStopWithTooMuchWork()
    {
        var template = string.Concat(Enumerable.Repeat("{{#l}}", 30)) + "{{.}}" + string.Concat(Enumerable.Repeat("{{/l}}", 30));

        var (result, elapsed) = TimedRender(template, TenItems());

        result.Output.Should().BeNull();
        result.Problems.Should().ContainSingle().Which.Kind.Should().Be(TemplateProblemKind.TooMuchWork);
        elapsed.Should().BeLessThan(Quickly);
    }

    [Fact]
    public void HugeOutputFromATinyTemplateStopsWithOutputTooLarge()
    {
        var template = "{{#l}}{{#l}}{{#l}}{{#l}}{{#l}}{{#l}}" + new string('x', 1000) + "{{/l}}{{/l}}{{/l}}{{/l}}{{/l}}{{/l}}";

        var (result, elapsed) = TimedRender(template, TenItems());

        result.Output.Should().BeNull();
        result.Problems.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Kind = TemplateProblemKind.OutputTooLarge,
            Position = new SourcePosition(1, 37),
        });
        elapsed.Should().BeLessThan(Quickly);
    }

    [Fact]
    public void OutputExactlyAtTheLimitIsAllowed()
    {
        var template = TemplateHarness.ParseClean("{{#l}}ab{{/l}}");

        template.Render(TenItems(), new RenderLimits { MaxOutputChars = 20 }).Output.Should().HaveLength(20);
        template.Render(TenItems(), new RenderLimits { MaxOutputChars = 19 }).Problems.Should().ContainSingle()
            .Which.Kind.Should().Be(TemplateProblemKind.OutputTooLarge);
    }

    [Fact]
    public void LargeValueInsertedManyTimesStopsWithOutputTooLarge()
    {
        var context = TenItems();
        context["big"] = new string('y', 100_000);

        var (result, elapsed) = TimedRender("{{#l}}{{#l}}{{#l}}{{big}}{{/l}}{{/l}}{{/l}}", context);

        result.Problems.Should().ContainSingle().Which.Kind.Should().Be(TemplateProblemKind.OutputTooLarge);
        elapsed.Should().BeLessThan(Quickly);
    }

    [Fact]
    public void SectionsNestedDeeperThanTheLimitStopWithTooDeep()
    {
        var depth = 100;
        var template = string.Concat(Enumerable.Repeat("{{#on}}", depth)) + "x" + string.Concat(Enumerable.Repeat("{{/on}}", depth));

        var (result, elapsed) = TimedRender(template, new JsonObject { ["on"] = true });

        result.Output.Should().BeNull();
        result.Problems.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Kind = TemplateProblemKind.TooDeep,
            Position = new SourcePosition(1, 64 * 7 + 1),
        });
        elapsed.Should().BeLessThan(Quickly);
    }

    [Fact]
    public void InvertedSectionsCountTowardsDepth()
    {
        var template = TemplateHarness.ParseClean("{{^a}}{{^b}}{{^c}}x{{/c}}{{/b}}{{/a}}");

        template.Render(null, new RenderLimits { MaxDepth = 3 }).Output.Should().Be("x");
        template.Render(null, new RenderLimits { MaxDepth = 2 }).Problems.Should().ContainSingle()
            .Which.Kind.Should().Be(TemplateProblemKind.TooDeep);
    }

    [Fact]
    public void SkippedSectionsDoNotCountTowardsDepth()
    {
        var depth = MustacheTemplate.MaxSectionDepth; // past RenderLimits.MaxDepth
        var template = string.Concat(Enumerable.Repeat("{{#off}}", depth)) + "x" + string.Concat(Enumerable.Repeat("{{/off}}", depth));

        TemplateHarness.Render(template, """{"off": false}""").Should().BeEmpty();
    }

    [Fact]
    public void StepLimitCountsEveryTagEvaluation()
    {
        var template = TemplateHarness.ParseClean("{{#l}}{{.}}{{/l}}");

        // 1 section + 10 × ({{.}} + section end).
        template.Render(TenItems(), new RenderLimits { MaxSteps = 21 }).Output.Should().Be("0123456789");
        template.Render(TenItems(), new RenderLimits { MaxSteps = 20 }).Problems.Should().ContainSingle()
            .Which.Kind.Should().Be(TemplateProblemKind.TooMuchWork);
    }

    [Fact]
    public void DeeplyNestedContextValueRendersWithoutOverflowingTheStack()
    {
        JsonNode node = new JsonArray();
        for (var i = 0; i < 100_000; i++) node = new JsonArray(node);

        var output = TemplateHarness.Render("{{x}}", new JsonObject { ["x"] = node });

        output.Should().HaveLength(200_002);
    }

    [Fact]
    public void OutputTooLargeInTextJoinedAroundACommentIsReportedWhereTheTextStarts()
    {
        var template = TemplateHarness.ParseClean("{{v}}\nab{{! note }}de");

        var result = template.Render(new JsonObject { ["v"] = "1" }, new RenderLimits { MaxOutputChars = 3 });

        result.Problems.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Kind = TemplateProblemKind.OutputTooLarge,
            Position = new SourcePosition(1, 6),
        });
    }
}
