using Pipeline.Diagnostics;
using Pipeline.Testing;

namespace Pipeline.Cli.Tests;

public sealed class RulesCommandTests
{
    [Fact]
    public async Task PrintsEveryRule()
    {
        var run = await CliRun.OfAsync("rules");

        run.ExitCode.Should().Be(0);
        foreach (var rule in RuleCatalog.All) run.Out.Should().Contain($"{rule.Code}  {rule.Severity.ToString().ToLowerInvariant()}");
    }

    [Fact]
    public async Task TheRulesPageInTheRepositoryIsCurrent()
    {
        var run = await CliRun.OfAsync("rules", "--format", "markdown");
        var page = File.ReadAllText(Path.Combine(RepositoryFolders.Root, "schema", "RULES.md"));

        page.Should().Contain(run.Out.Trim(), "schema/RULES.md embeds `universe rules --format markdown`; regenerate it");
    }
}
