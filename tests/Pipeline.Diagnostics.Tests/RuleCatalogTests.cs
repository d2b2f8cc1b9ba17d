namespace Pipeline.Diagnostics.Tests;

public sealed class RuleCatalogTests
{
    [Fact]
    public void CodesAreUniqueAndFollowTheFamilyNumbering()
    {
        RuleCatalog.All.Select(r => r.Code).Should().OnlyHaveUniqueItems();
        foreach (var rule in RuleCatalog.All)
        {
            rule.Code.Should().MatchRegex("^UNI[0-9]{3}$");
            var hundreds = rule.Code[3] - '0';
            ((int)rule.Family).Should().Be(hundreds, $"{rule.Code} belongs to family {rule.Family}");
            rule.Title.Should().NotBeNullOrWhiteSpace();
            rule.Hint.Should().NotBeNullOrWhiteSpace();
        }
    }

    [Fact]
    public void EveryRuleHasItsOwnPascalCaseName()
    {
        RuleCatalog.All.Select(r => r.Name).Should().OnlyHaveUniqueItems();
        RuleCatalog.All.Should().AllSatisfy(r => r.Name.Should().MatchRegex("^[A-Z][A-Za-z0-9]+$"));
        RuleCatalog.InvalidDefault.Name.Should().Be("InvalidDefault");
        RuleCatalog.All.Select(r => r.Name).Should().NotContain(Enum.GetNames<RuleFamily>(), "a rule's name is its own, not its family's");
        new Rule("UNI999", RuleFamily.Layout, Severity.Note, "upgradesFrom/downgradesTo is odd", "").Name.Should().Be("UpgradesFromDowngradesToIsOdd");
    }

    [Fact]
    public void EveryRuleLinksToItsAnchorInTheCatalogPage()
    {
        RuleCatalog.InvalidDefault.HelpUri.Should().Be("https://github.com/universe-pipeline/universe-pipeline/blob/main/schema/RULES.md#uni202");
        var page = File.ReadAllText(Path.Combine(Pipeline.Testing.RepositoryFolders.Root, "schema", "RULES.md"));
        RuleCatalog.All.Should().AllSatisfy(r => page.Should().Contain($"<a id=\"{r.Anchor}\"></a>{r.Code} |"));
    }

    [Fact]
    public void PackageIsTakenFromThePath()
    {
        Diagnostic.PackageOf("packages/K/kafka/3/config.json").Should().Be("kafka");
        Diagnostic.PackageOf("universe.yaml").Should().Be("");
        Diagnostic.PackageOf("packages/K").Should().Be("");
    }
}
