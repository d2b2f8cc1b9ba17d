using Pipeline.Packages.Reading;
using Pipeline.Packages.Settings;

namespace Pipeline.Packages.Tests.Settings;

/// <summary>Reading <c>policies.bump</c> from universe.yaml: good entries, and every wrong shape on its line.</summary>
public sealed class BumpPolicySettingsTests
{
    private static readonly RepositorySettings Defaults = new() { Name = "folder" };

    private static (PolicySettings Policies, SettingsProblem[] Problems) Read(string yaml)
    {
        var findings = new List<LayoutFinding>();
        var settings = RepositorySettingsReader.Parse(yaml, Defaults, findings);
        return (settings.Policies, findings.Cast<SettingsProblem>().ToArray());
    }

    [Fact]
    public void ReadsEntriesWithTheirLines()
    {
        var (policies, problems) = Read("""
            policies:
              httpsOnly: true
              bump:
                - packages: [kafka, "kafka-*"]
                  repositories: [acme/kafka]
                  authors: [acme-release-bot, "release-app[bot]"]
                - packages:
                    - "*-operator"
                  repositories:
                    - acme/operators
                    - Acme-Org/op.erators_2
            """);

        problems.Should().BeEmpty();
        policies.HttpsOnly.Should().BeTrue();
        policies.BumpDeclared.Should().BeTrue();
        policies.BumpLine.Should().Be(3);
        policies.Bump.Should().HaveCount(2);
        policies.Bump[0].Packages.Should().Equal("kafka", "kafka-*");
        policies.Bump[0].Repositories.Should().Equal("acme/kafka");
        policies.Bump[0].Authors.Should().Equal("acme-release-bot", "release-app[bot]");
        policies.Bump[0].Line.Should().Be(4);
        policies.Bump[1].Packages.Should().Equal("*-operator");
        policies.Bump[1].Repositories.Should().Equal("acme/operators", "Acme-Org/op.erators_2");
        policies.Bump[1].Authors.Should().BeEmpty();
        policies.Bump[1].Line.Should().Be(7);
    }

    [Fact]
    public void WithoutTheSettingBumpsAreUnrestricted()
    {
        var (policies, problems) = Read("policies:\n  httpsOnly: true\n");

        problems.Should().BeEmpty();
        policies.BumpDeclared.Should().BeFalse();
        policies.BumpLine.Should().Be(0);
        policies.Bump.Should().BeEmpty();
    }

    [Fact]
    public void AnEmptyListIsDeclaredAndAllowsNothing()
    {
        var (policies, problems) = Read("policies:\n  bump: []\n");

        problems.Should().BeEmpty();
        policies.BumpDeclared.Should().BeTrue();
        BumpPolicy.Decide(policies, "kafka", "acme/kafka", "someone").Allowed.Should().BeFalse();
    }

    [Theory]
    // Each YAML has exactly one wrong thing, on the line given; the message names it.
    [InlineData("policies:\n  bump: kafka\n", 2, "`policies.bump` must be a list")]
    [InlineData("policies:\n  bump:\n    - kafka\n", 3, "`policies.bump[]` must be a mapping")]
    [InlineData("policies:\n  bump:\n    - repositories: [acme/kafka]\n", 3, "needs `packages` and `repositories`")]
    [InlineData("policies:\n  bump:\n    - packages: [kafka]\n", 3, "needs `packages` and `repositories`")]
    [InlineData("policies:\n  bump:\n    - packages: []\n      repositories: [acme/kafka]\n", 3, "`policies.bump[].packages` must be a non-empty list")]
    [InlineData("policies:\n  bump:\n    - packages: kafka\n      repositories: [acme/kafka]\n", 3, "`policies.bump[].packages` must be a non-empty list")]
    [InlineData("policies:\n  bump:\n    - packages: [kafka]\n      repositories: acme/kafka\n", 4, "`policies.bump[].repositories` must be a non-empty list")]
    [InlineData("policies:\n  bump:\n    - packages: [kafka]\n      repositories: [acme/kafka]\n      authors: bot\n", 5, "`policies.bump[].authors` must be a non-empty list")]
    [InlineData("policies:\n  bump:\n    - packages: [Kafka]\n      repositories: [acme/kafka]\n", 3, "`Kafka` in `policies.bump[].packages` is not a package name or a glob")]
    [InlineData("policies:\n  bump:\n    - packages: [\"kafka?\"]\n      repositories: [acme/kafka]\n", 3, "`kafka?` in `policies.bump[].packages`")]
    [InlineData("policies:\n  bump:\n    - packages: [\"k[a-z]*\"]\n      repositories: [acme/kafka]\n", 3, "`k[a-z]*` in `policies.bump[].packages`")]
    [InlineData("policies:\n  bump:\n    - packages:\n        - kafka\n        - [nested]\n      repositories: [acme/kafka]\n", 5, "this item in `policies.bump[].packages`")]
    [InlineData("policies:\n  bump:\n    - packages: [kafka]\n      repositories: [acme]\n", 4, "`acme` in `policies.bump[].repositories` is not a GitHub repository")]
    [InlineData("policies:\n  bump:\n    - packages: [kafka]\n      repositories: [\"https://github.com/acme/kafka\"]\n", 4, "in `policies.bump[].repositories`")]
    [InlineData("policies:\n  bump:\n    - packages: [kafka]\n      repositories: [acme/kafka/extra]\n", 4, "in `policies.bump[].repositories`")]
    [InlineData("policies:\n  bump:\n    - packages: [kafka]\n      repositories: [acme/kafka]\n      authors: [\"@bot\"]\n", 5, "`@bot` in `policies.bump[].authors` is not a GitHub login")]
    public void AWrongShapeIsReportedOnItsLineAndTheEntrySkipped(string yaml, int line, string message)
    {
        var (policies, problems) = Read(yaml);

        var problem = problems.Should().ContainSingle().Subject;
        problem.Line.Should().Be(line);
        problem.Kind.Should().Be(SettingsProblemKind.InvalidSetting);
        problem.Message.Should().Contain(message);
        policies.Bump.Should().BeEmpty();
        // The policy was written, so its broken entry restricts bumps instead of lifting every restriction.
        policies.BumpDeclared.Should().BeTrue();
        BumpPolicy.Decide(policies, "kafka", "acme/kafka", "acme-release-bot").Allowed.Should().BeFalse();
    }

    [Fact]
    public void AnUnknownKeyIsReportedAndTheEntryKept()
    {
        var (policies, problems) = Read("""
            policies:
              bump:
                - packages: [kafka]
                  repositories: [acme/kafka]
                  author: [typo]
            """);

        problems.Should().ContainSingle().Which.Should().Match<SettingsProblem>(p => p.Line == 5 && p.Message.Contains("unknown setting `policies.bump[].author`"));
        policies.Bump.Should().ContainSingle().Which.Authors.Should().BeEmpty();
    }

    [Theory]
    [InlineData("authors:")]
    [InlineData("authors: null")]
    [InlineData("authors: ~")]
    public void AuthorsLeftEmptyMeanAnyAuthor(string authors)
    {
        var (policies, problems) = Read($"policies:\n  bump:\n    - packages: [kafka]\n      repositories: [acme/kafka]\n      {authors}\n");

        problems.Should().BeEmpty();
        policies.Bump.Should().ContainSingle().Which.Authors.Should().BeEmpty();
    }

    [Fact]
    public void OnlyTheBrokenEntryIsSkipped()
    {
        var (policies, problems) = Read("""
            policies:
              bump:
                - packages: [kafka]
                  repositories: [not-a-repository]
                - packages: [cassandra]
                  repositories: [acme/cassandra]
            """);

        problems.Should().ContainSingle().Which.Line.Should().Be(4);
        policies.Bump.Should().ContainSingle().Which.Packages.Should().Equal("cassandra");
    }

    [Fact]
    public void AHugeValueIsShortenedInTheMessage()
    {
        var name = new string('k', 5000);
        var (_, problems) = Read($"policies:\n  bump:\n    - packages: [{name}]\n      repositories: [acme/kafka]\n");

        problems.Should().ContainSingle().Which.Message.Length.Should().BeLessThan(400);
    }
}
