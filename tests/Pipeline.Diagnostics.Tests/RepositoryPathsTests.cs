using Pipeline.Diagnostics.Paths;

namespace Pipeline.Diagnostics.Tests;

public sealed class RepositoryPathsTests
{
    private static readonly string Top = Path.Combine(Path.GetTempPath(), "repository-paths-tests");

    [Fact]
    public void AUniverseInASubfolderGetsItsFolderAsPrefix()
    {
        var paths = RepositoryPaths.Of(Path.Combine(Top, "repo"), Top, out var notice);

        notice.Should().BeNull();
        paths.Prefix.Should().Be("repo/");
        paths.Root.Should().Be(Top);
        paths.ToRepository("packages/R/redis/3/package.json").Should().Be("repo/packages/R/redis/3/package.json");
        paths.ToRepository((string?)null).Should().BeNull();
        RepositoryPaths.Of(Path.Combine(Top, "a", "b"), Top, out _).Prefix.Should().Be("a/b/");
    }

    [Fact]
    public void AUniverseAtTheTopOrOutsideTheRepositoryGetsNoPrefix()
    {
        RepositoryPaths.Of(Top, Top + Path.DirectorySeparatorChar, out var atTop).Prefix.Should().Be("");
        atTop.Should().BeNull();

        var outside = RepositoryPaths.Of(Path.Combine(Path.GetTempPath(), "elsewhere"), Top, out var notice);

        outside.Prefix.Should().Be("", "a path with .. is no place GitHub can find");
        notice.Should().Contain("outside the repository");
        outside.ToRepository("packages/A/a/0/package.json").Should().Be("packages/A/a/0/package.json");
    }

    [Fact]
    public void RepositoryPathsMapBackToTheUniverseAndOutsideFilesStayOutsidePackages()
    {
        var paths = RepositoryPaths.FromPrefix("repo/");

        paths.ToUniverse("repo/packages/R/redis/3/package.json").Should().Be("packages/R/redis/3/package.json");
        paths.ToUniverse("README.md").Should().Be("../README.md");
        paths.ToUniverse("repository/packages/x").Should().Be("../repository/packages/x", "only the whole folder name is the prefix");
        paths.ToRepository("../README.md").Should().Be("README.md");
        var deep = RepositoryPaths.FromPrefix("a/b");
        deep.ToRepository(deep.ToUniverse("a/c.txt")).Should().Be("a/c.txt");
    }

    [Theory]
    [InlineData("../repo")]
    [InlineData("/etc")]
    [InlineData("repo/../..")]
    [InlineData("a//b")]
    [InlineData("C:/x")]
    public void APrefixFromAReportFileThatIsNoPlainFolderIsIgnored(string prefix)
    {
        RepositoryPaths.FromPrefix(prefix).Should().Be(RepositoryPaths.None);
    }

    [Fact]
    public void TheGitTopLevelIsFoundUpwardAndATreeOutsideGitHasNoPrefix()
    {
        var top = Path.Combine(Path.GetTempPath(), "repository-paths-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var universe = Path.Combine(top, "repo");
            Directory.CreateDirectory(Path.Combine(universe, "packages"));
            RepositoryPaths.FromGit(universe).Prefix.Should().Be("", "no .git above (the temp folder is in no work tree)");

            Directory.CreateDirectory(Path.Combine(top, ".git"));
            var paths = RepositoryPaths.FromGit(universe);
            paths.Prefix.Should().Be("repo/");
            paths.Root.Should().Be(top);

            // A linked worktree has a .git file, not a folder.
            Directory.Delete(Path.Combine(top, ".git"));
            File.WriteAllText(Path.Combine(top, ".git"), "gitdir: /elsewhere\n");
            RepositoryPaths.FromGit(universe).Prefix.Should().Be("repo/");
        }
        finally
        {
            Directory.Delete(top, recursive: true);
        }
    }

    [Fact]
    public void MappingADiagnosticChangesOnlyItsFile()
    {
        var diagnostic = RuleCatalog.RequiredField.At("packages/B/beta/1/package.json", 3, 5, "`tags` is required");

        var mapped = RepositoryPaths.FromPrefix("repo/").ToRepository(diagnostic);

        mapped.Should().Be(diagnostic with { File = "repo/packages/B/beta/1/package.json" });
        mapped.Package.Should().Be("beta");
        RepositoryPaths.None.ToRepository(diagnostic).Should().BeSameAs(diagnostic);
    }
}
