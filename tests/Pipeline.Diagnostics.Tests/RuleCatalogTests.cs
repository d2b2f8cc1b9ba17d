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
    public void PackageIsTakenFromThePath()
    {
        Diagnostic.PackageOf("packages/K/kafka/3/config.json").Should().Be("kafka");
        Diagnostic.PackageOf("universe.yaml").Should().Be("");
        Diagnostic.PackageOf("packages/K").Should().Be("");
    }
}
