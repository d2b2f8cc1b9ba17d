using System.Text;
using Pipeline.Changes.Tests.Support;
using Pipeline.Diagnostics;

namespace Pipeline.Changes.Tests;

/// <summary>The upgrade rules on hostile config.json files: each ends, bounded, with a clear outcome.</summary>
public sealed class UpgradeBoundsTests
{
    private const string Config = $"{UpgradeScenario.Next}/config.json";

    private static Diagnostic[] Upgrade(string? previous, string? next)
    {
        using var scenario = new UpgradeScenario(previous);
        return [.. UpgradeScenario.Upgrades(scenario.Upgrade(next))];
    }

    private static string Options(int count, int skip = -1)
    {
        var text = new StringBuilder("""{"type": "object", "properties": {""");
        for (var i = 0; i < count; i++)
        {
            if (i == skip) continue;
            if (text[^1] != '{') text.Append(',');
            text.Append($$"""
                "o{{i}}": {"type": "integer", "default": {{i}}}
                """);
        }
        return text.Append("}}").ToString();
    }

    [Fact]
    public void ARecursiveRefIsComparedOnceAroundTheLoop()
    {
        const string previous = """
            {"type": "object", "properties": {"node": {"$ref": "#/definitions/node"}},
             "definitions": {"node": {"type": "object", "properties": {"child": {"$ref": "#/definitions/node"}, "v": {"type": "string"}}}}}
            """;
        var next = previous.Replace(""", "v": {"type": "string"}""", "", StringComparison.Ordinal);

        var findings = Upgrade(previous, next);

        findings.Select(d => d.Message).Should().Equal("option `node.v` of revision 0 (1.0.0) is removed");
    }

    [Fact]
    public void EightThousandOptionsAreComparedInFull()
    {
        var findings = Upgrade(Options(8_000), Options(8_000, skip: 4_321));

        findings.Select(Scenario.Format).Should().Equal($"UNI407 error {Config}:1:34");
        findings[0].Message.Should().Be("option `o4321` of revision 0 (1.0.0) is removed");
    }

    [Fact]
    public void MoreOptionsThanTheBoundEndWithOneWarningSayingSo()
    {
        var findings = Upgrade(Options(12_000), Options(12_000));

        findings.Should().ContainSingle().Which.Should().Match<Diagnostic>(d =>
            d.Code == "UNI410" && d.Severity == Severity.Warning && d.Message.Contains("more than 10000 options"));
    }

    [Fact]
    public void NestingDeeperThanTheBoundEndsWithOneWarning()
    {
        // 70 levels of options through a chain of definitions: shallow JSON, deep options.
        var schema = new StringBuilder("""{"type": "object", "properties": {"n": {"$ref": "#/definitions/d0"}}, "definitions": {""");
        for (var i = 0; i < 70; i++)
        {
            schema.Append(i > 0 ? "," : "").Append($"\"d{i}\": ").Append("""{"type": "object", "properties": {"n": {"$ref": "#/definitions/d""").Append(i + 1).Append("\"}}}");
        }
        schema.Append(""","d70": {"type": "string"}}}""");

        var findings = Upgrade(schema.ToString(), schema.ToString());

        findings.Should().ContainSingle().Which.Should().Match<Diagnostic>(d =>
            d.Code == "UNI410" && d.Severity == Severity.Warning && d.Message.Contains("64 levels"));
    }

    [Fact]
    public void JsonNestedPastTheParsersBoundIsLeftToTheFileRules()
    {
        var schema = new StringBuilder();
        for (var i = 0; i < 100; i++) schema.Append("""{"type": "object", "properties": {"n": """);
        schema.Append("""{"type": "string", "default": "x"}""");
        for (var i = 0; i < 100; i++) schema.Append("}}");

        using var scenario = new UpgradeScenario(schema.ToString());
        var result = scenario.Upgrade(schema.ToString().Replace("\"x\"", "\"y\"", StringComparison.Ordinal));

        UpgradeScenario.Upgrades(result).Should().BeEmpty();
        result.Report.Diagnostics.Should().Contain(d => d.File == $"{UpgradeScenario.Next}/config.json" && d.Severity == Severity.Error, "the file rules report it");
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"options\"")]
    [InlineData("{\"type\": ")]
    public void AConfigThatIsNotAnOptionsSchemaIsLeftToTheFileRules(string hostile)
    {
        var valid = """{"type": "object", "properties": {"port": {"type": "integer", "default": 1}}}""";

        Upgrade(valid, hostile).Should().BeEmpty();
        Upgrade(hostile, valid).Should().BeEmpty();
    }
}
