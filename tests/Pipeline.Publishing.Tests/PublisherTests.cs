using Pipeline.GitHub;
using Pipeline.GitHub.Errors;
using Pipeline.GitHub.Retries;
using Pipeline.Testing.FakeGitHub;

namespace Pipeline.Publishing.Tests;

public sealed class PublisherTests : IAsyncLifetime
{
    private const string Token = "ghs_publish_token";
    private static readonly RepositorySlug Repository = new("acme", "universe");
    private readonly string _work = Path.Combine(Path.GetTempPath(), "publish-tests", Guid.NewGuid().ToString("N"));
    private FakeGitHubServer _server = null!;

    private string Tree => Path.Combine(_work, "tree");
    private string Output => Path.Combine(_work, "site");
    private FakeRepository GitHub => _server.Repository(Repository.Owner, Repository.Name);

    public async Task InitializeAsync()
    {
        _server = await FakeGitHubServer.StartAsync(new FakeGitHubOptions { Token = Token });
        // Our own example universe, copied so a test may change it.
        CopyFolder(Path.Combine(Pipeline.Testing.RepositoryFolders.Root, "packages"), Path.Combine(Tree, "packages"));
        File.Copy(Path.Combine(Pipeline.Testing.RepositoryFolders.Root, "universe.yaml"), Path.Combine(Tree, "universe.yaml"));
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        try { Directory.Delete(_work, recursive: true); } catch (IOException) { }
    }

    private Task<PublishResult> PublishAsync(DateTimeOffset? now = null, TextWriter? log = null, bool useBaseline = true, bool release = true)
    {
        var clock = new FixedClock(now ?? new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
        var retry = new GitHubRetryPolicy(new RetryOptions { MaxTotalWait = TimeSpan.Zero });
        return new Publisher(log ?? TextWriter.Null, GitHubApi.Connect(_server.BaseUrl.ToString(), Token, retry), Repository, clock)
            .RunAsync(new PublishOptions { Root = Tree, OutputFolder = Output, SourceCommit = "0123456789abcdef0123456789abcdef01234567", UseBaseline = useBaseline, Release = release });
    }

    [Fact]
    public async Task BuildsTheSiteAndFilesAndReleasesThemOnce()
    {
        var result = await PublishAsync();

        result.Published.Should().BeTrue();
        foreach (var file in new[] { "index.html", "index.json", "universe.json", "repo-up-to-2.0.json", "SHA256SUMS", "packages/hello-world/index.html" })
        {
            File.Exists(Path.Combine(Output, file)).Should().BeTrue($"{file} is part of the Pages artifact");
        }
        var release = GitHub.Releases().Should().ContainSingle().Subject;
        release.Draft.Should().BeFalse();
        release.TagName.Should().Be(result.ReleaseTag).And.StartWith("universe-2026-11-25-");
        GitHub.Assets(release.Id).Select(a => a.Name).Should().BeEquivalentTo(
            "index.json", "universe.json.gz", "repo-up-to-1.8.json.gz", "repo-up-to-1.9.json.gz", "repo-up-to-1.10.json.gz",
            "repo-up-to-1.11.json.gz", "repo-up-to-1.12.json.gz", "repo-up-to-1.13.json.gz", "repo-up-to-2.0.json.gz", "SHA256SUMS");
        GitHub.Assets(release.Id).Single(a => a.Name == "SHA256SUMS").Content.Should().Equal(File.ReadAllBytes(Path.Combine(Output, "SHA256SUMS")));

        // The next push changes nothing in the packages, and a day later: no new release.
        var again = await PublishAsync(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        again.Release.Should().BeNull();
        again.ReleaseNote.Should().Contain("unchanged");
        GitHub.Releases().Should().ContainSingle();
    }

    [Fact]
    public async Task TheSiteLinksToTheFilesOfTheReleaseItWasPublishedWith()
    {
        var first = await PublishAsync();
        var download = $"https://github.com/acme/universe/releases/download/{first.ReleaseTag}/";

        var index = File.ReadAllText(Path.Combine(Output, "index.html"));
        index.Should().Contain($"href=\"{download}index.json\"").And.Contain($"href=\"{download}universe.json.gz\"").And.Contain($"href=\"{download}SHA256SUMS\"");
        index.Should().Contain($"from release <a href=\"https://github.com/acme/universe/releases/tag/{first.ReleaseTag}\">");
        GitHub.Assets(GitHub.Releases().Single().Id).Select(a => download + a.Name).Should().Contain([$"{download}index.json", $"{download}universe.json.gz", $"{download}SHA256SUMS"], "every link names an asset of the release");
        File.ReadAllText(Path.Combine(Output, "404.html")).Should().Contain("href=\"/universe/assets/site.css\"", "acme/universe's Pages site is at https://acme.github.io/universe/");
        File.ReadAllText(Path.Combine(Output, "packages", "hello-world", "index.html")).Should().Contain("universe repo add universe-pipeline-examples https://acme.github.io/universe/index.json");

        // Unchanged a day later: no new release, and the pages keep naming the one that has these files.
        var again = await PublishAsync(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        again.ReleaseTag.Should().Be(first.ReleaseTag);
        File.ReadAllText(Path.Combine(Output, "packages", "hello-world", "index.html")).Should().Contain($"href=\"{download}index.json\"");
    }

    [Fact]
    public async Task WithoutAReleaseTheSiteLinksToItsOwnFiles()
    {
        var result = await PublishAsync(release: false);

        result.ReleaseTag.Should().BeNull();
        var index = File.ReadAllText(Path.Combine(Output, "index.html"));
        index.Should().Contain("href=\"index.json\"").And.Contain("href=\"universe.json\"").And.Contain("href=\"SHA256SUMS\"");
        index.Should().NotContain("releases/download");
    }

    [Fact]
    public async Task WithoutAConnectionTheResultSaysSoAndTheLogHasNoWorkflowCommand()
    {
        var log = new StringWriter();
        var clock = new FixedClock(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

        var result = await new Publisher(log, null, Repository, clock)
            .RunAsync(new PublishOptions { Root = Tree, OutputFolder = Output, SourceCommit = "0123456789abcdef0123456789abcdef01234567" });

        result.Published.Should().BeTrue();
        result.MissingCredentials.Should().BeTrue();
        result.Release.Should().BeNull();
        log.ToString().Should().NotContain("::", "workflow commands are the action's to write");
        GitHub.Releases().Should().BeEmpty();
    }

    [Fact]
    public async Task ANewRevisionMakesANewRelease()
    {
        var first = await PublishAsync();
        var revision = Path.Combine(Tree, "packages", "H", "hello-world");
        var last = Directory.GetDirectories(revision).Select(d => int.Parse(Path.GetFileName(d), System.Globalization.CultureInfo.InvariantCulture)).Max();
        CopyFolder(Path.Combine(revision, last.ToString(System.Globalization.CultureInfo.InvariantCulture)), Path.Combine(revision, (last + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var packageJson = Path.Combine(revision, (last + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), "package.json");
        var text = File.ReadAllText(packageJson);
        var version = System.Text.RegularExpressions.Regex.Match(text, "\"version\"\\s*:\\s*\"([^\"]+)\"").Groups[1].Value;
        File.WriteAllText(packageJson, text.Replace($"\"{version}\"", $"\"{version}-next\""));

        var second = await PublishAsync();

        second.Digest.Should().NotBe(first.Digest);
        GitHub.Releases().Select(r => r.TagName).Should().BeEquivalentTo(first.ReleaseTag, second.ReleaseTag);
    }

    [Fact]
    public async Task ARerunAfterAFailedUploadCompletesTheDraft()
    {
        _server.InjectFault("POST", "/repos/acme/universe/releases/*/assets", FakeFault.ServerError(500), times: 1);
        var failing = async () => await PublishAsync();
        await failing.Should().ThrowAsync<GitHubReportException>();
        GitHub.Releases().Should().ContainSingle().Which.Draft.Should().BeTrue();

        var result = await PublishAsync();

        result.Release!.Action.Should().Be(Pipeline.GitHub.Releases.ReleaseAction.CompletedDraft);
        var release = GitHub.Releases().Should().ContainSingle().Subject;
        release.Draft.Should().BeFalse();
        GitHub.Assets(release.Id).Should().HaveCount(10);
    }

    [Fact]
    public async Task ATreeWithErrorsPublishesNothing()
    {
        var previous = await PublishAsync();
        var before = File.ReadAllBytes(Path.Combine(Output, "SHA256SUMS"));
        File.WriteAllText(Path.Combine(Tree, "packages", "H", "hello-world", "0", "package.json"), "{ broken");

        var result = await PublishAsync();

        result.Published.Should().BeFalse();
        result.Validation.Errors.Should().BePositive();
        File.ReadAllBytes(Path.Combine(Output, "SHA256SUMS")).Should().Equal(before, "the last good publication stays in place");
        GitHub.Releases().Should().ContainSingle().Which.TagName.Should().Be(previous.ReleaseTag);
    }

    [Fact]
    public async Task ATreeWhoseOnlyErrorsAreBaselinedPublishes()
    {
        // A released revision with a duplicate key, accepted as `universe baseline` would write it.
        var released = Path.Combine(Tree, "packages", "H", "hello-world", "0", "package.json");
        File.WriteAllText(released, File.ReadAllText(released).Replace("{", "{\n  \"tags\": [],", StringComparison.Ordinal));
        var findings = Pipeline.Validation.TreeValidator.Validate(Pipeline.Packages.Reading.PackageTreeReader.Read(Tree)).Diagnostics;
        findings.Should().Contain(d => d.Code == "UNI103");
        File.WriteAllText(Path.Combine(Tree, "universe-baseline.json"),
            Pipeline.Validation.Baselines.BaselineFile.Write(Pipeline.Diagnostics.Baselines.Baseline.Of(findings)));
        var log = new StringWriter();

        var result = await PublishAsync(log: log);

        result.Published.Should().BeTrue(log.ToString());
        result.Validation.Errors.Should().Be(0);
        result.Validation.Accepted.Should().Contain(d => d.Code == "UNI103");
        log.ToString().Should().Contain("findings accepted by universe-baseline.json");
        GitHub.Releases().Should().ContainSingle();
        (await PublishAsync(useBaseline: false)).Published.Should().BeFalse("without the baseline the old error counts");
    }

    [Fact]
    public async Task ANewErrorBesideBaselinedOnesPublishesNothing()
    {
        var released = Path.Combine(Tree, "packages", "H", "hello-world", "0", "package.json");
        File.WriteAllText(released, File.ReadAllText(released).Replace("{", "{\n  \"tags\": [],", StringComparison.Ordinal));
        var findings = Pipeline.Validation.TreeValidator.Validate(Pipeline.Packages.Reading.PackageTreeReader.Read(Tree)).Diagnostics;
        File.WriteAllText(Path.Combine(Tree, "universe-baseline.json"),
            Pipeline.Validation.Baselines.BaselineFile.Write(Pipeline.Diagnostics.Baselines.Baseline.Of(findings)));
        var latest = Path.Combine(Tree, "packages", "H", "hello-world", "2", "package.json");
        File.WriteAllText(latest, File.ReadAllText(latest).Replace("{", "{\n  \"tags\": [],", StringComparison.Ordinal));

        var result = await PublishAsync();

        result.Published.Should().BeFalse();
        result.Validation.Diagnostics.Where(d => d.Severity == Pipeline.Diagnostics.Severity.Error).Select(d => d.File)
            .Should().NotBeEmpty().And.OnlyContain(f => f == "packages/H/hello-world/2/package.json");
        GitHub.Releases().Should().BeEmpty();
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var folder in Directory.GetDirectories(from)) CopyFolder(folder, Path.Combine(to, Path.GetFileName(folder)));
    }
}

/// <summary>A clock stopped at one moment: release tags carry the date.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
