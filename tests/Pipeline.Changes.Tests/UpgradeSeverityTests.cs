using Pipeline.Changes.Tests.Support;
using static Pipeline.Changes.Tests.Support.UpgradeScenario;

namespace Pipeline.Changes.Tests;

/// <summary>The severity policy of the upgrade rules: the upgrade path upgradesFrom declares, and the allow label.</summary>
public sealed class UpgradeSeverityTests
{
    private const string Config = $"{UpgradeScenario.Next}/config.json";

    [Theory]
    [InlineData(null, "error")]
    [InlineData("[\"1.0.0\"]", "error")]
    [InlineData("[\"*\"]", "error")]
    [InlineData("[\"0.9.0\"]", "note")]
    [InlineData("[]", "note")]
    public void WithoutAnUpgradePathEveryFindingIsANote(string? upgradesFrom, string severity)
    {
        var (findings, diagnostics) = Upgrading(PortAndName, Only("""  "port": {"type": "integer", "default": 8080, "maximum": 65535}"""), upgradesFrom);

        findings.Should().Equal($"UNI407 {severity} {Config}:3:17");
        if (severity == "note") diagnostics[0].Message.Should().EndWith("(no upgrade path is declared: upgradesFrom of revision 1 does not list \"1.0.0\")");
    }

    [Fact]
    public void TheAllowLabelTurnsErrorsIntoWarningsThatSaySo()
    {
        var (findings, diagnostics) = Upgrading(PortAndName, Only("""  "port": {"type": "integer", "default": 8080, "maximum": 65535}"""), label: "allow-edit");

        findings.Should().Equal($"UNI407 warning {Config}:3:17");
        diagnostics[0].Message.Should().EndWith("(allowed by the `allow-edit` label)");
    }
}
