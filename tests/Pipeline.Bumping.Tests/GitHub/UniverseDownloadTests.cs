using Pipeline.Bumping.GitHub;
using Pipeline.GitHub.Errors;
using Pipeline.Testing.Trees;

namespace Pipeline.Bumping.Tests.GitHub;

public sealed class UniverseDownloadTests : IAsyncLifetime
{
    private readonly TestTrees _trees = new();
    private BumpUniverse _universe = null!;

    private string Target => _trees.Path("copy");

    public async Task InitializeAsync() => _universe = await BumpUniverse.StartAsync();

    public async Task DisposeAsync()
    {
        await _universe.DisposeAsync();
        _trees.Dispose();
    }

    private Task<UniverseCopy> ReadAsync(string name = "kafka", UniverseDownloadLimits? limits = null) =>
        UniverseDownload.ReadPackageAsync(_universe.GitHub, _universe.Universe, name, Target, limits ?? new UniverseDownloadLimits());

    private IEnumerable<string> Written() =>
        Directory.Exists(_trees.Root)
            ? Directory.EnumerateFiles(_trees.Root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Target, f).Replace('\\', '/')).Order(StringComparer.Ordinal)
            : [];

    [Fact]
    public async Task Copies_the_settings_the_latest_revision_whole_and_package_json_of_the_others_with_calls_in_proportion()
    {
        var copy = await ReadAsync();

        copy.Should().Be(new UniverseCopy("main", _universe.State.BranchHead("main")!, "K"));
        Written().Should().Equal(
            "packages/K/kafka/0/package.json",
            "packages/K/kafka/1/config.json",
            "packages/K/kafka/1/package.json",
            "packages/K/kafka/1/resource.json",
            "universe-baseline.json",
            "universe.yaml");
        File.ReadAllText(Path.Combine(Target, "packages/K/kafka/1/package.json")).Should().Be("{\"name\":\"kafka\",\"version\":\"1.2.0\"}");
        // Repository, branch, commit; four listings (root, packages, K, kafka recursive); one blob per file written.
        _universe.Server.Requests.Should().HaveCount(3 + 4 + 6);
    }

    [Fact]
    public async Task A_package_the_universe_does_not_have_gives_no_letter_and_the_settings_only()
    {
        var copy = await ReadAsync("cassandra");

        copy.Letter.Should().BeNull();
        Written().Should().Equal("universe-baseline.json", "universe.yaml");
        (await ReadAsync("../K")).Letter.Should().BeNull("a name that is no package name is looked for nowhere");
    }

    [Fact]
    public async Task A_listed_path_that_climbs_out_is_refused_and_nothing_is_written_outside()
    {
        _universe.State.SeedBranch("main", new Dictionary<string, string> { ["packages/K/kafka/../../etc/passwd"] = "root:x:0:0\n" });

        var act = () => ReadAsync();

        (await act.Should().ThrowAsync<GitHubReportException>()).Which.Message.Should().Contain("refused").And.Contain("'..'");
        Written().Should().NotContain(p => p.Contains("passwd", StringComparison.Ordinal));
        File.Exists(_trees.Path("etc", "passwd")).Should().BeFalse();
    }

    [Fact]
    public async Task A_symbolic_link_in_the_latest_revision_is_refused_not_followed()
    {
        _universe.State.SeedSymlink("main", "packages/K/kafka/1/marathon.json.mustache", "/etc/passwd");

        var act = () => ReadAsync();

        (await act.Should().ThrowAsync<GitHubReportException>()).Which.Message.Should().Contain("marathon.json.mustache").And.Contain("symbolic link");
        Written().Should().NotContain(p => p.EndsWith("marathon.json.mustache", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_50_MB_file_is_refused_from_the_listing_without_reading_it()
    {
        _universe.State.SeedBranch("main", new Dictionary<string, string> { ["packages/K/kafka/1/big.json"] = new string('x', 50 * 1024 * 1024) });

        var act = () => ReadAsync();

        (await act.Should().ThrowAsync<GitHubReportException>()).Which.Message.Should().Contain("big.json").And.Contain("52,428,800 bytes");
        _universe.Server.RequestsTo("GET", "/repos/acme/universe/git/blobs").Should().HaveCountLessThan(6, "the big blob is never fetched");
    }

    [Fact]
    public async Task A_package_folder_of_100000_entries_is_refused_with_its_count()
    {
        _universe.State.SeedBranch("main", Enumerable.Range(0, 100_000).ToDictionary(i => $"packages/K/kafka/1/f{i}", _ => "x"));

        var act = () => ReadAsync();

        (await act.Should().ThrowAsync<GitHubReportException>()).Which.Message.Should().Contain("more than the 10,000 allowed");
        _universe.Server.RequestsTo("GET", "/repos/acme/universe/git/blobs").Should().HaveCount(2, "only universe.yaml and the baseline were read");
    }

    [Fact]
    public async Task The_total_written_is_bounded()
    {
        var act = () => ReadAsync(limits: new UniverseDownloadLimits { MaxTotalBytes = 60 });

        (await act.Should().ThrowAsync<GitHubReportException>()).Which.Message.Should().Contain("more than the 60 bytes allowed");
    }
}
