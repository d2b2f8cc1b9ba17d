using Pipeline.Changes.Base;
using Pipeline.Changes.Bumps;
using Pipeline.Changes.Git;
using Pipeline.Changes.Tests.Support;
using Pipeline.Diagnostics;
using Pipeline.Packages.Settings;
using Pipeline.Testing.Git;

namespace Pipeline.Changes.Tests;

/// <summary>
/// UNI412: pull requests whose body carries bump metadata, judged against the base branch's
/// policies.bump (the scenario's base: foo 0–1, bar 0; the pull request adds foo 2).
/// </summary>
public sealed class BumpCheckTests : IDisposable
{
    private const string Policy = """
        policies:
          bump:
            - packages: ["fo*"]
              repositories: [acme/foo]
              authors: [acme-release-bot]
        """;

    private readonly Scenario _scenario = new();

    private GitRepository Repo => _scenario.Repository;

    public void Dispose() => _scenario.Dispose();

    /// <summary>Writes universe.yaml on main and brings it into the pull request's branch, so it is the base's and unchanged by the pull request.</summary>
    private void OnBase(string settings)
    {
        Repo.Checkout("main").Write("universe.yaml", settings);
        Repo.Commit("policy");
        Repo.Checkout("pr").Git("merge", "-q", "--no-edit", "main");
    }

    private static string Body(string package = "foo", string version = "1.2.0", string? repository = "acme/foo") =>
        $"Bumps {package} to {version}.\n\n{new BumpMetadata(package, version, repository, "https://github.com/acme/foo/releases/tag/v" + version).ToLine()}\n";

    private ChangeValidationResult Validate(string? body, string? author = "acme-release-bot")
    {
        var found = _scenario.Changes();
        return ChangeValidation.Validate(Repo.Root, found.Changes, found.Base, [], origin: new PullRequestOrigin(author, body));
    }

    private static Diagnostic[] Bump(ChangeValidationResult result) => [.. result.Report.Diagnostics.Where(d => d.Code == RuleCatalog.BumpNotAllowed.Code)];

    [Fact]
    public void ABumpThePolicyAllowsPassesAndSaysSo()
    {
        OnBase(Policy);
        Repo.Package("foo", 2, "1.2.0");

        var result = Validate(Body());

        result.Report.Diagnostics.Should().BeEmpty();
        var bump = result.Bump.Should().NotBeNull().And.Subject.As<PullRequestBump>();
        bump.Allowed.Should().BeTrue();
        bump.Metadata.Should().Be(new BumpMetadata("foo", "1.2.0", "acme/foo", "https://github.com/acme/foo/releases/tag/v1.2.0"));
        bump.Summary.Should().Be("Bump of `foo` 1.2.0 from acme/foo by acme-release-bot: allowed — policies.bump allows acme/foo to bump `foo` through pull requests by acme-release-bot "
            + "(policies.bump read from the base branch's universe.yaml).");
    }

    [Fact]
    public void WithoutAPolicyAnyBumpIsAllowed()
    {
        Repo.Package("foo", 2, "1.2.0");

        var result = Validate(Body(repository: null), author: "anyone");

        result.Report.Diagnostics.Should().BeEmpty();
        result.Bump!.Allowed.Should().BeTrue();
        result.Bump.Reason.Should().Contain("no policies.bump");
        result.Bump.PolicySource.Should().Contain("has no universe.yaml");
    }

    [Fact]
    public void ABumpFromARepositoryThePolicyDoesNotListIsRefusedAtTheVersion()
    {
        OnBase(Policy);
        Repo.Package("foo", 2, "1.2.0");

        var result = Validate(Body(repository: "mallory/foo"));

        var finding = Bump(result).Should().ContainSingle().Subject;
        Scenario.Format(finding).Should().Be("UNI412 error packages/F/foo/2/package.json:4:14");
        finding.Message.Should().Contain("not allowed").And.Contain("from acme/foo, not from mallory/foo");
        finding.Hint.Should().NotBeNullOrEmpty();
        result.Bump!.Allowed.Should().BeFalse();
        result.Report.Errors.Should().Be(1);
    }

    [Theory]
    [InlineData("mallory", false)]
    [InlineData(null, false)]
    [InlineData("ACME-RELEASE-BOT", true)]
    public void TheAuthorsOfAnEntryAreWhatMakesItBinding(string? author, bool allowed)
    {
        OnBase(Policy);
        Repo.Package("foo", 2, "1.2.0");

        var result = Validate(Body(), author);

        Bump(result).Should().HaveCount(allowed ? 0 : 1);
        result.Bump!.Allowed.Should().Be(allowed);
    }

    [Fact]
    public void APackageNoEntryCoversIsRefused()
    {
        OnBase(Policy);
        Repo.Package("bar", 1, "2.1.0");

        var result = Validate(Body("bar", "2.1.0"));

        Bump(result).Should().ContainSingle().Which.Message.Should().Contain("no entry for package `bar`");
    }

    [Fact]
    public void MetadataNamingAnotherPackageIsRefused()
    {
        OnBase(Policy);
        Repo.Package("foo", 2, "1.2.0");

        var result = Validate(Body("fox"));

        var messages = Bump(result).Select(d => d.Message).ToArray();
        messages.Should().Contain(m => m.Contains("names `fox`, but the pull request also changes `foo`"));
        messages.Should().Contain(m => m.Contains("adds no revision of it"));
        result.Bump!.Allowed.Should().BeFalse();
    }

    [Fact]
    public void ABumpThatAlsoChangesAnotherPackageIsRefused()
    {
        OnBase(Policy);
        Repo.Package("foo", 2, "1.2.0").Package("bar", 1, "2.1.0");

        var result = Validate(Body());

        var finding = Bump(result).Should().ContainSingle().Subject;
        finding.Message.Should().Contain("also changes `bar`");
        finding.File.Should().Be("packages/F/foo/2/package.json", "the named package's new revision is where it sits");
    }

    [Fact]
    public void TwoNewRevisionsAreNotOneBump()
    {
        OnBase(Policy);
        Repo.Package("foo", 2, "1.2.0").Package("foo", 3, "1.3.0");

        var result = Validate(Body());

        Bump(result).Should().ContainSingle().Which.Message.Should().Contain("adds exactly one new revision of `foo`; this pull request adds 2");
    }

    [Fact]
    public void ABumpThatEditsAReleasedRevisionIsRefused()
    {
        OnBase(Policy);
        Repo.Package("foo", 2, "1.2.0").Write("packages/F/foo/1/config.json", """{"type": "object", "properties": {"x": {"type": "string"}}}""");

        var result = Validate(Body());

        Bump(result).Should().ContainSingle().Which.Message.Should().Contain("adds 1 and changes or removes revisions 1");
    }

    [Fact]
    public void AVersionOtherThanTheMetadataNamesIsRefused()
    {
        OnBase(Policy);
        Repo.Package("foo", 2, "1.2.1");

        var result = Validate(Body(version: "1.2.0"));

        Bump(result).Should().ContainSingle().Which.Message.Should().Contain("has version \"1.2.1\", but the bump metadata names \"1.2.0\"");
    }

    [Fact]
    public void ANewPackageIsNotABump()
    {
        OnBase(Policy);
        Repo.Package("fog", 0, "1.0.0");

        var result = Validate(Body("fog", "1.0.0"));

        Bump(result).Should().ContainSingle().Which.Message.Should().Contain("`fog` is a new package");
    }

    [Fact]
    public void APullRequestCannotGrantItselfPermissionThroughUniverseYaml()
    {
        OnBase("""
            policies:
              bump:
                - packages: [bar]
                  repositories: [acme/bar]
            """);
        Repo.Write("universe.yaml", Policy).Package("foo", 2, "1.2.0");

        var result = Validate(Body());

        var messages = Bump(result).Select(d => d.Message).ToArray();
        messages.Should().ContainSingle().Which.Should().Contain("changes universe.yaml");
        result.Bump!.Allowed.Should().BeFalse();
        // Even its decision is the base's: the base covers bar only.
        BumpPolicyOf(result).Should().Contain("base branch's universe.yaml");
    }

    [Fact]
    public void ThePolicyIsTheBaseBranchsAsItIsNowNotAsThePullRequestBranchedOff()
    {
        Repo.Package("foo", 2, "1.2.0");
        Repo.Commit("foo 2");
        // main tightens the policy after the pull request branched off; the pull request's tree has no universe.yaml.
        Repo.Checkout("main").Write("universe.yaml", Policy);
        Repo.Commit("policy");
        Repo.Checkout("pr");

        var result = Validate(Body(), author: "someone-else");

        Bump(result).Should().ContainSingle().Which.Message.Should().Contain("only in pull requests by acme-release-bot, and this one is by someone-else");
    }

    [Fact]
    public void MalformedMetadataIsAnErrorThatSaysItCannotBeRead()
    {
        OnBase(Policy);
        Repo.Package("foo", 2, "1.2.0");

        var result = Validate("Bump.\n<!-- universe-bump {\"package\": \"foo\", \"version\": } -->\n");

        var finding = Bump(result).Should().ContainSingle().Subject;
        finding.Message.Should().Contain("bump metadata").And.Contain("cannot be read").And.Contain("not valid");
        finding.File.Should().Be("packages/F/foo/2/package.json");
        result.Bump.Should().BeNull();
    }

    [Fact]
    public void WithoutANewRevisionTheFindingSitsAtThePolicy()
    {
        OnBase(Policy);
        Repo.Write("README.md", "# Edited\n");

        var result = Validate(Body());

        Scenario.Format(Bump(result).Should().NotBeEmpty().And.Subject.First()).Should().Be("UNI412 error universe.yaml:2:1");
    }

    [Fact]
    public void APullRequestWithoutMetadataIsAnOrdinaryContribution()
    {
        OnBase(Policy);
        Repo.Package("foo", 2, "1.2.0").Package("bar", 1, "2.1.0");

        var result = Validate("Adds foo 1.2.0 and bar 2.1.0 by hand. <!-- a comment -->", author: "mallory");

        result.Report.Diagnostics.Should().BeEmpty();
        result.Bump.Should().BeNull();
    }

    [Fact]
    public void MetadataAtTheEndOfAMegabyteBodyIsFound()
    {
        OnBase(Policy);
        Repo.Package("foo", 2, "1.2.0");
        var filler = string.Concat(Enumerable.Repeat("A long release note line, with <!-- comments --> and universe-bump words.\n", 14_000));

        var result = Validate(filler + Body());

        filler.Length.Should().BeGreaterThan(1_000_000);
        result.Report.Diagnostics.Should().BeEmpty();
        result.Bump!.Allowed.Should().BeTrue();
    }

    [Fact]
    public void AMegabyteMetadataLineIsRefusedUnread()
    {
        OnBase(Policy);
        Repo.Package("foo", 2, "1.2.0");

        var result = Validate("<!-- universe-bump {\"package\":\"foo\",\"version\":\"1.2.0\",\"release\":\"" + new string('x', 1_000_000) + "\"} -->");

        Bump(result).Should().ContainSingle().Which.Message.Should().Contain("longer than 4,096 characters");
    }

    [Fact]
    public void ACommentEndInsideAJsonStringDoesNotEndTheMetadata()
    {
        OnBase(Policy);
        Repo.Package("foo", 2, "1.2.0");

        var result = Validate("""<!-- universe-bump {"package":"foo","version":"1.2.0","repository":"acme/foo","release":"https://example.org/a-->b"} -->""");

        result.Report.Diagnostics.Should().BeEmpty();
        result.Bump!.Metadata.Release.Should().Be("https://example.org/a-->b");
    }

    [Fact]
    public void InAShallowCloneTheUnchangedUniverseYamlIsTheBasesPolicy()
    {
        OnBase(Policy);
        Repo.Package("foo", 2, "1.2.0");
        Repo.Commit("foo 2");
        var found = GitChangeReader.Read(Repo.Root, "main").Should().BeOfType<GitChangeResult.Found>().Subject;
        var inferred = BaseView.Infer(Repo.Root, found.Changes);

        var result = ChangeValidation.Validate(Repo.Root, found.Changes, inferred, [], origin: new PullRequestOrigin("mallory", Body()));

        inferred.Settings.Should().Be(SettingsOnBase.SameAsHead);
        Bump(result).Should().ContainSingle().Which.Message.Should().Contain("this one is by mallory");
        result.Bump!.PolicySource.Should().Contain("leaves as the base branch has it");
    }

    [Fact]
    public void ABasePolicyThatIsNotValidYamlAllowsNoBump()
    {
        // Read with defaults, a broken universe.yaml would say "no policies.bump": every bump allowed.
        OnBase(Policy + "\n  : [unclosed\n");
        Repo.Package("foo", 2, "1.2.0");

        var result = Validate(Body());

        Bump(result).Should().ContainSingle().Which.Message.Should().Contain("policies.bump could not be read").And.Contain("not valid YAML");
        result.Bump!.Allowed.Should().BeFalse();
    }

    [Fact]
    public void ABasePolicyTooLargeToReadAllowsNoBump()
    {
        OnBase(Policy + "# " + new string('x', (int)RepositorySettingsReader.MaxBytes) + "\n");
        Repo.Package("foo", 2, "1.2.0");

        var result = Validate(Body());

        Bump(result).Should().ContainSingle().Which.Message.Should().Contain("policies.bump could not be read").And.Contain("larger than the settings reader reads");
        result.Bump!.Allowed.Should().BeFalse();
    }

    private static string BumpPolicyOf(ChangeValidationResult result) => result.Bump!.PolicySource;
}
