using Pipeline.Changes.Tests.Support;
using static Pipeline.Changes.Tests.Support.UpgradeScenario;
using Pipeline.Diagnostics;

namespace Pipeline.Changes.Tests;

/// <summary>
/// The upgrade rules (UNI407–UNI411) on real pull requests: revision 0 of `foo` released with one
/// config.json, a pull request adding revision 1 with another.
/// </summary>
public sealed class UpgradeRuleTests
{
    private const string Config = $"{UpgradeScenario.Next}/config.json";

    [Fact]
    public void NothingChangedIsClean()
    {
        Upgrading(PortAndName, PortAndName).Findings.Should().BeEmpty();
    }

    [Fact]
    public void DefaultsAreComparedAsJsonValues()
    {
        Upgrading(PortAndName, PortAndName.Replace("8080", "8080.0", StringComparison.Ordinal)).Findings.Should().BeEmpty("8080 and 8080.0 are the same number");
    }

    [Fact]
    public void AFailureThePreviousRevisionAlreadyHadIsNotTheUpgrades()
    {
        var broken = Only("""  "port": {"type": "integer", "default": "eighty"}""");

        Upgrading(broken, broken).Findings.Should().BeEmpty("the previous default failed its own schema already");
    }

    [Fact]
    public void ARemovedOptionIsAnErrorAtItsParentsPropertiesNamingThePreviousRevision()
    {
        var (findings, diagnostics) = Upgrading(PortAndName, Only("""  "port": {"type": "integer", "default": 8080, "maximum": 65535}"""));

        findings.Should().Equal($"UNI407 error {Config}:3:17");
        diagnostics[0].Message.Should().Be("option `name` of revision 0 (1.0.0) is removed");
        diagnostics[0].Hint.Should().Contain("upgradesFrom");
    }

    [Fact]
    public void ARemovedOptionThatAClosedSchemaRejectsSaysUpdatingFails()
    {
        var next = """{"type": "object", "additionalProperties": false, "properties": {"port": {"type": "integer", "default": 8080, "maximum": 65535}}}""";

        var (findings, diagnostics) = Upgrading(PortAndName, next);

        findings.Should().Equal($"UNI407 error {Config}:1:65");
        diagnostics[0].Message.Should().Be("option `name` of revision 0 (1.0.0) is removed; updating with the previous options fails: unknown field `name`");
    }

    [Fact]
    public void ARenameIsGuessedFromTheSameTypeAndDefault()
    {
        var (_, diagnostics) = Upgrading(PortAndName, """
            {
              "type": "object",
              "properties": {
                "port": {"type": "integer", "default": 8080, "maximum": 65535},
                "title": {"type": "string", "default": "foo"}
              }
            }
            """);

        diagnostics.Should().ContainSingle().Which.Message.Should().Be("option `name` of revision 0 (1.0.0) is removed (renamed to `title`?)");
    }

    [Fact]
    public void ANestedRemovedOptionIsReportedAtItsParentsProperties()
    {
        var previous = """
            {"type": "object", "properties": {
              "service": {"type": "object", "properties": {
                "cpus": {"type": "number", "default": 1},
                "mem": {"type": "number", "default": 512}
              }}
            }}
            """;
        var next = """
            {"type": "object", "properties": {
              "service": {"type": "object", "properties": {
                "cpus": {"type": "number", "default": 1}
              }}
            }}
            """;

        var (findings, diagnostics) = Upgrading(previous, next);

        findings.Should().Equal($"UNI407 error {Config}:2:47");
        diagnostics[0].Message.Should().Contain("`service.mem`");
    }

    [Fact]
    public void ATypeChangeThatRejectsThePreviousDefaultIsAnError()
    {
        var (findings, diagnostics) = Upgrading(PortAndName, Only("""  "port": {"type": "string", "default": "8080"}, "name": {"type": "string", "default": "foo"}"""));

        findings.Should().Equal($"UNI408 error {Config}:4:24", $"UNI411 note {Config}:4:45");
        diagnostics[0].Message.Should().Contain("type changed from \"integer\" to \"string\"").And.Contain("previous revision's own value is rejected");
        diagnostics[1].Message.Should().Be("the default of option `port` changes from 8080 in revision 0 (1.0.0) to \"8080\"");
    }

    [Fact]
    public void WideningIntegerToNumberIsFine()
    {
        Upgrading(PortAndName, Only("""  "port": {"type": "number", "default": 8080, "maximum": 65535}, "name": {"type": "string", "default": "foo"}"""))
            .Findings.Should().BeEmpty();
    }

    [Theory]
    [InlineData("\"enum\": [\"foo\", \"bar\"]", "warning", "a new enum")]
    [InlineData("\"enum\": [\"bar\"]", "error", "a new enum")]
    [InlineData("\"pattern\": \"^[a-z]+$\"", "warning", "a new pattern")]
    [InlineData("\"pattern\": \"^[0-9]+$\"", "error", "a new pattern")]
    [InlineData("\"maxLength\": 3", "warning", "a new maxLength 3")]
    [InlineData("\"maxLength\": 2", "error", "a new maxLength 2")]
    [InlineData("\"minLength\": 4", "error", "a new minLength 4")]
    public void ANarrowingIsAnErrorOnlyWhenThePreviousDefaultFails(string keyword, string severity, string words)
    {
        var (findings, diagnostics) = Upgrading(PortAndName, Only($$"""  "port": {"type": "integer", "default": 8080, "maximum": 65535}, "name": {"type": "string", "default": "foo", {{keyword}}}"""));

        findings.Should().ContainSingle().Which.Should().StartWith($"UNI408 {severity} {Config}:4:");
        diagnostics[0].Message.Should().Contain($"option `name` accepts less than in revision 0 (1.0.0): {words}");
    }

    [Fact]
    public void AHugePatternIsShownShortened()
    {
        var pattern = "^" + new string('a', 100_000) + "$";
        var (_, diagnostics) = Upgrading(PortAndName, Only($$"""  "port": {"type": "integer", "default": 8080, "maximum": 65535}, "name": {"type": "string", "default": "foo", "pattern": "{{pattern}}"}"""));

        diagnostics.Should().ContainSingle().Which.Message.Length.Should().BeLessThan(600, "the 100,000-character pattern is quoted shortened, twice at most");
        diagnostics[0].Message.Should().Contain("a new pattern").And.Contain("...");
    }

    [Theory]
    [InlineData("\"maximum\": 9000", "warning", "maximum lowered from 65535 to 9000")]
    [InlineData("\"maximum\": 80", "error", "maximum lowered from 65535 to 80")]
    [InlineData("\"maximum\": 65535, \"minimum\": 1024", "warning", "a new minimum 1024")]
    [InlineData("\"maximum\": 65535, \"exclusiveMaximum\": true", "warning", "exclusiveMaximum is now true")]
    public void NumericBoundsNarrow(string keyword, string severity, string words)
    {
        var (findings, diagnostics) = Upgrading(PortAndName, Only($$"""  "port": {"type": "integer", "default": 8080, {{keyword}}}, "name": {"type": "string", "default": "foo"}"""));

        findings.Should().ContainSingle().Which.Should().StartWith($"UNI408 {severity}");
        diagnostics[0].Message.Should().Contain(words);
    }

    [Fact]
    public void AnEnumThatLosesValuesIsNamed()
    {
        var previous = Only("""  "mode": {"type": "string", "enum": ["a", "b", "c"], "default": "a"}""");
        var next = Only("""  "mode": {"type": "string", "enum": ["a", "c"], "default": "a"}""");

        var (findings, diagnostics) = Upgrading(previous, next);

        findings.Should().Equal($"UNI408 warning {Config}:4:42");
        diagnostics[0].Message.Should().EndWith("enum no longer allows \"b\"");
    }

    [Fact]
    public void APlaceholderOfARequiredOptionThatANewPatternRejectsIsAnError()
    {
        var previous = """{"type": "object", "properties": {"token": {"type": "string"}}, "required": ["token"]}""";
        var next = """{"type": "object", "properties": {"token": {"type": "string", "pattern": "^[0-9]+$"}}, "required": ["token"]}""";

        Upgrading(previous, next).Findings.Should().Equal($"UNI408 error {Config}:1:74");
    }

    [Fact]
    public void ClosingAnObjectIsANarrowing()
    {
        var previous = """{"type": "object", "properties": {"service": {"type": "object", "properties": {"cpus": {"type": "number", "default": 1}}}}}""";
        var next = previous.Replace("\"type\": \"object\", \"properties\": {\"cpus\"", "\"type\": \"object\", \"additionalProperties\": false, \"properties\": {\"cpus\"", StringComparison.Ordinal);

        Upgrading(previous, next).Findings.Should().Equal($"UNI408 warning {Config}:1:89");
    }

    [Fact]
    public void AFailureIsExplainedByTheMostSpecificFinding()
    {
        var previous = """{"type": "object", "properties": {"service": {"type": "object", "properties": {"cpus": {"type": "number", "default": 1}, "user": {"type": "string", "default": "nobody"}}}}}""";
        var next = """{"type": "object", "properties": {"service": {"type": "object", "additionalProperties": false, "properties": {"cpus": {"type": "number", "default": 1}}}}}""";

        var (findings, diagnostics) = Upgrading(previous, next);

        findings.Should().Equal($"UNI408 warning {Config}:1:89", $"UNI407 error {Config}:1:110");
        diagnostics[1].Message.Should().Be("option `service.user` of revision 0 (1.0.0) is removed; updating with the previous options fails: unknown field `user`");
    }

    [Fact]
    public void ANewRequiredOptionWithoutADefaultIsAnErrorAtItsDeclaration()
    {
        var next = """
            {
              "type": "object",
              "properties": {
                "port": {"type": "integer", "default": 8080, "maximum": 65535},
                "name": {"type": "string", "default": "foo"},
                "token": {"type": "string"}
              },
              "required": ["token"]
            }
            """;

        var (findings, diagnostics) = Upgrading(PortAndName, next);

        findings.Should().Equal($"UNI409 error {Config}:6:14");
        diagnostics[0].Message.Should().Be("option `token` is required without a default, and the options of revision 0 (1.0.0) do not give it; updating with the previous options fails: `token` is required");
    }

    [Fact]
    public void ANewRequiredOptionWithADefaultOrRequiredBeforeIsFine()
    {
        var withDefault = """{"type": "object", "properties": {"token": {"type": "string", "default": "x"}}, "required": ["token"]}""";
        var requiredBefore = """{"type": "object", "properties": {"token": {"type": "string"}}, "required": ["token"]}""";

        var defaultBefore = """{"type": "object", "properties": {"token": {"type": "string", "default": "x"}}}""";

        Upgrading(defaultBefore, requiredBefore).Findings.Should().Equal($"UNI411 note {Config}:1:44");
        Upgrading(requiredBefore, requiredBefore).Findings.Should().BeEmpty();
        Upgrading("""{"type": "object", "properties": {}}""", withDefault).Findings.Should().BeEmpty();
    }

    [Fact]
    public void ARequirementInAnAllOfBranchIsARequirement()
    {
        var next = """{"type": "object", "properties": {"token": {"type": "string"}}, "allOf": [{"required": ["token"]}]}""";

        Upgrading("""{"type": "object", "properties": {}}""", next).Findings.Should().Equal($"UNI409 error {Config}:1:44");
    }

    [Fact]
    public void ARequirementInEveryOneOfBranchIsARequirement()
    {
        var next = """{"type": "object", "properties": {"mode": {"type": "string"}}, "oneOf": [{"required": ["mode"]}, {"required": ["mode"]}]}""";

        Upgrading("""{"type": "object", "properties": {}}""", next).Findings.Should().Equal($"UNI409 error {Config}:1:43");
    }

    [Fact]
    public void OptionsInRefdDefinitionsAreCompared()
    {
        var previous = """
            {"type": "object", "properties": {"service": {"$ref": "#/definitions/service"}},
             "definitions": {"service": {"type": "object", "properties": {"cpus": {"type": "number"}, "mem": {"type": "number"}}}}}
            """;
        var next = """
            {"type": "object", "properties": {"service": {"$ref": "#/definitions/service"}},
             "definitions": {"service": {"type": "object", "properties": {"cpus": {"type": "number"}}}}}
            """;

        var (findings, diagnostics) = Upgrading(previous, next);

        findings.Should().Equal($"UNI407 error {Config}:2:62");
        diagnostics[0].Message.Should().Contain("`service.mem`");
    }

    [Fact]
    public void WhatNoComparisonExplainsIsFoundByTheEvidence()
    {
        var next = PortAndName.Replace("\"type\": \"object\",", "\"type\": \"object\", \"dependencies\": {\"port\": [\"host\"]},", StringComparison.Ordinal);

        var (findings, diagnostics) = Upgrading(PortAndName, next);

        findings.Should().Equal($"UNI410 error {Config}:2:37");
        diagnostics[0].Message.Should().StartWith("the options of revision 0 (1.0.0) are rejected by the new schema at `/`: ");
    }

    [Fact]
    public void AChangedDefaultAloneIsANoteAndPasses()
    {
        using var scenario = new UpgradeScenario(PortAndName);
        var result = scenario.Upgrade(PortAndName.Replace("8080", "9090", StringComparison.Ordinal));

        UpgradeScenario.Findings(result).Should().Equal($"UNI411 note {Config}:4:44");
        result.Report.Diagnostics.Should().NotContain(d => d.Severity == Severity.Error);
    }

    [Fact]
    public void AFirstConfigOnlyChecksNewRequiredOptions()
    {
        var next = """{"type": "object", "properties": {"token": {"type": "string"}, "port": {"type": "integer", "default": 1}}, "required": ["token"]}""";

        Upgrading(null, next).Findings.Should().Equal($"UNI409 error {Config}:1:44");
    }

    [Fact]
    public void ARemovedConfigRemovesEveryOptionWithAValue()
    {
        var (findings, diagnostics) = Upgrading(PortAndName, null);

        findings.Should().Equal($"UNI407 error {UpgradeScenario.Next}/package.json", $"UNI407 error {UpgradeScenario.Next}/package.json");
        diagnostics.Select(d => d.Message).Should().BeEquivalentTo(
            "option `port` of revision 0 (1.0.0) is removed: the new revision has no config.json",
            "option `name` of revision 0 (1.0.0) is removed: the new revision has no config.json");
    }
}
