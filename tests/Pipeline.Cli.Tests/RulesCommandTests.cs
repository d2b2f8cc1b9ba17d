using Pipeline.Diagnostics;
using Pipeline.Testing;

namespace Pipeline.Cli.Tests;

public sealed class RulesCommandTests
{
    [Fact]
    public void PrintsEveryRule()
    {
        var run = CliRun.Of("rules");

        run.ExitCode.Should().Be(0);
        foreach (var rule in RuleCatalog.All) run.Out.Should().Contain($"{rule.Code}  {rule.Severity.ToString().ToLowerInvariant()}");
    }

    [Fact]
    public void TheRulesPageInTheRepositoryIsCurrent()
    {
        var run = CliRun.Of("rules", "--format", "markdown");
        var page = File.ReadAllText(Path.Combine(RepositoryFolders.Root, "schema", "RULES.md"));

        page.Should().Contain(run.Out.Trim(), "schema/RULES.md embeds `universe rules --format markdown`; regenerate it");
    }
}
