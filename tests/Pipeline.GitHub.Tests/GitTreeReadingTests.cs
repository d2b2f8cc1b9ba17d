using Pipeline.GitHub.Errors;
using Pipeline.GitHub.GitData;

namespace Pipeline.GitHub.Tests;

public sealed class GitTreeReadingTests
{
    private static GitDataApi Git(TestGitHub github) => new GitHubApi(github.Client, github.Retry).GitData;

    private static async Task<string> RootTreeAsync(TestGitHub github)
    {
        var git = Git(github);
        var head = await git.BranchHeadAsync(github.Repo, "main");
        return (await git.CommitAsync(github.Repo, head)).TreeSha;
    }

    [Fact]
    public async Task A_listing_names_folders_files_and_links_and_recursion_reaches_every_file()
    {
        await using var github = await TestGitHub.StartAsync();
        github.State.SeedBranch("main", new Dictionary<string, string> { ["universe.yaml"] = "x: 1\n", ["packages/K/kafka/0/package.json"] = "{}" });
        github.State.SeedSymlink("main", "link", "packages");
        var root = await RootTreeAsync(github);

        var top = await Git(github).TreeAsync(github.Repo, root, recursive: false, maxEntries: 10);
        var all = await Git(github).TreeAsync(github.Repo, root, recursive: true, maxEntries: 10);

        top.Select(e => (e.Path, e.Kind)).Should().Equal(("link", GitEntryKind.SymbolicLink), ("packages", GitEntryKind.Folder), ("universe.yaml", GitEntryKind.File));
        top.Single(e => e.Path == "universe.yaml").Size.Should().Be(5);
        all.Where(e => e.Kind == GitEntryKind.File).Select(e => e.Path).Should().Equal("packages/K/kafka/0/package.json", "universe.yaml");
        var package = await Git(github).BlobAsync(github.Repo, all.Single(e => e.Path.EndsWith("package.json", StringComparison.Ordinal)).Sha, "package.json", 100);
        package.Should().Equal("{}"u8.ToArray());
    }

    [Fact]
    public async Task A_listing_longer_than_allowed_is_refused_with_its_count()
    {
        await using var github = await TestGitHub.StartAsync();
        github.State.SeedBranch("main", Enumerable.Range(0, 50).ToDictionary(i => $"f{i}", _ => "x"));

        var act = async () => await Git(github).TreeAsync(github.Repo, await RootTreeAsync(github), recursive: false, maxEntries: 10);

        (await act.Should().ThrowAsync<GitHubReportException>()).Which.Message.Should().Contain("lists 50 entries, more than the 10 allowed");
    }

    [Fact]
    public async Task A_blob_larger_than_allowed_is_refused()
    {
        await using var github = await TestGitHub.StartAsync();
        github.State.SeedBranch("main", new Dictionary<string, string> { ["big"] = new string('x', 2_048) });
        var entry = (await Git(github).TreeAsync(github.Repo, await RootTreeAsync(github), recursive: false, maxEntries: 10)).Single();

        var act = () => Git(github).BlobAsync(github.Repo, entry.Sha, "big", 1_024);

        (await act.Should().ThrowAsync<GitHubReportException>()).Which.Message.Should().Contain("big of acme/universe is 2,048 bytes, more than the 1,024 allowed");
    }
}
