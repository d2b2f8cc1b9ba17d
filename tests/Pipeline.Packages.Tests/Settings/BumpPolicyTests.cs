using Pipeline.Packages.Settings;

namespace Pipeline.Packages.Tests.Settings;

/// <summary><see cref="BumpPolicy.Decide"/> and its globs.</summary>
public sealed class BumpPolicyTests
{
    private static PolicySettings Policy(params BumpRule[] rules) => new() { Bump = rules, BumpDeclared = true };

    private static readonly PolicySettings Kafka = Policy(
        new BumpRule(["kafka", "kafka-*"], ["acme/kafka"], []),
        new BumpRule(["cassandra"], ["acme/cassandra"], ["acme-release-bot", "release-app[bot]"]));

    [Fact]
    public void WithoutAPolicyAnyBumpIsAllowed()
    {
        var decision = BumpPolicy.Decide(new PolicySettings(), "anything", null, null);

        decision.Allowed.Should().BeTrue();
        decision.Reason.Should().Contain("no policies.bump");
    }

    [Fact]
    public void APackageNoEntryCoversIsRefused()
    {
        var decision = BumpPolicy.Decide(Kafka, "zookeeper", "acme/kafka", null);

        decision.Allowed.Should().BeFalse();
        decision.Reason.Should().Contain("no entry for package `zookeeper`");
    }

    [Fact]
    public void ARepositoryTheEntryDoesNotListIsRefused()
    {
        var decision = BumpPolicy.Decide(Kafka, "kafka", "mallory/kafka", null);

        decision.Allowed.Should().BeFalse();
        decision.Reason.Should().Contain("from acme/kafka, not from mallory/kafka");
    }

    [Fact]
    public void ABumpThatNamesNoRepositoryIsRefusedWhenThePackageIsCovered()
    {
        BumpPolicy.Decide(Kafka, "kafka", null, null).Should().Match<BumpDecision>(d => !d.Allowed && d.Reason.Contains("does not say which repository"));
    }

    [Theory]
    [InlineData("acme/kafka")]
    [InlineData("ACME/Kafka")]
    public void RepositoriesCompareWithoutCase(string repository) =>
        BumpPolicy.Decide(Kafka, "kafka-connect", repository, "anyone").Allowed.Should().BeTrue();

    [Theory]
    [InlineData("acme-release-bot", true)]
    [InlineData("ACME-Release-Bot", true)]
    [InlineData("release-app[bot]", true)]
    [InlineData("mallory", false)]
    public void WithAuthorsOnlyThoseAuthorsMayOpenTheBump(string author, bool allowed)
    {
        var decision = BumpPolicy.Decide(Kafka, "cassandra", "acme/cassandra", author);

        decision.Allowed.Should().Be(allowed);
        if (!allowed) decision.Reason.Should().Contain("only in pull requests by acme-release-bot, release-app[bot], and this one is by mallory");
    }

    [Fact]
    public void BeforeAPullRequestExistsTheAuthorsAreNotAsked() =>
        BumpPolicy.Decide(Kafka, "cassandra", "acme/cassandra", null).Allowed.Should().BeTrue();

    [Fact]
    public void AnEntryWithoutAuthorsAllowsAnyAuthorOfThatRepository()
    {
        var policy = Policy(
            new BumpRule(["kafka"], ["acme/kafka"], ["acme-release-bot"]),
            new BumpRule(["kafka"], ["acme/kafka"], []));

        BumpPolicy.Decide(policy, "kafka", "acme/kafka", "someone").Allowed.Should().BeTrue();
    }

    [Fact]
    public void PackageNamesCompareExactly() =>
        BumpPolicy.Decide(Kafka, "Kafka", "acme/kafka", null).Allowed.Should().BeFalse();

    [Theory]
    [InlineData("*", "kafka", true)]
    [InlineData("*", "a", true)]
    [InlineData("kafka-*", "kafka-connect", true)]
    [InlineData("kafka-*", "kafka-", true)]
    [InlineData("kafka-*", "kafka", false)]
    [InlineData("kafka-*", "my-kafka-connect", false)]
    [InlineData("*-operator", "kafka-operator", true)]
    [InlineData("*-operator", "operator", false)]
    [InlineData("*-operator", "kafka-operator-2", false)]
    [InlineData("a*b*c", "abc", true)]
    [InlineData("a*b*c", "axxbyyc", true)]
    [InlineData("a*b*c", "ac", false)]
    [InlineData("a*b*c", "acb", false)]
    [InlineData("a*b*c", "abcb", false)]
    [InlineData("a*a", "a", false)]
    [InlineData("a*a", "aa", true)]
    [InlineData("**", "x", true)]
    [InlineData("kafka", "kafka", true)]
    [InlineData("kafka", "kafka2", false)]
    public void GlobsMatchWholeNames(string pattern, string name, bool matches) =>
        BumpPolicy.Matches(pattern, name).Should().Be(matches);

    [Fact]
    public void AGlobOfManyStarsOverALongNameStaysLinear()
    {
        // A backtracking matcher would take exponential time here; this one scans each part once.
        var pattern = string.Concat(Enumerable.Repeat("a*", 50)) + "b";
        BumpPolicy.Matches(pattern, new string('a', 10_000)).Should().BeFalse();
    }
}
