using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Pipeline.Build.Output;
using Pipeline.Build.Tests.Support;
using Pipeline.Packages.Model;
using Pipeline.Packages.Reading;
using Pipeline.Packages;
using Pipeline.Testing;

namespace Pipeline.Build.Tests.Streaming;

public sealed class StreamedBuildTests : IDisposable
{
    private readonly TempPackageTree _tree = new();
    private readonly string _output = Path.Combine(Path.GetTempPath(), "pipeline-build-stream-" + Guid.NewGuid().ToString("N"));

    public StreamedBuildTests() => SmallTrees.AddAlphaAndBeta(_tree);

    public void Dispose()
    {
        _tree.Dispose();
        if (Directory.Exists(_output)) Directory.Delete(_output, recursive: true);
    }

    private static PackageTree Deferred(string root) => PackageTreeReader.Read(root, new TreeReaderOptions { LoadContent = false });

    /// <summary>Every file under the folder by relative path, with its bytes.</summary>
    private static SortedDictionary<string, byte[]> Snapshot(string folder) =>
        new(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllBytes), StringComparer.Ordinal);

    private static void ShouldEqualOnDisk(BuildResult expected, BuildSummary summary, string folder)
    {
        var files = Snapshot(folder);
        files.Keys.Should().Equal(expected.Files.Select(f => f.Path), "the same files, and no temporary file left");
        summary.Files.Select(f => f.Path).Should().Equal(expected.Files.Select(f => f.Path));
        foreach (var file in expected.Files)
        {
            files[file.Path].AsSpan().SequenceEqual(file.ToArray()).Should().BeTrue($"{file.Path} must be the same streamed or in memory");
        }
        foreach (var file in summary.Files)
        {
            file.Length.Should().Be(files[file.Path].Length, file.Path);
            file.Sha256.Should().Be(Convert.ToHexStringLower(SHA256.HashData(files[file.Path])), file.Path);
        }
        summary.Unbuilt.Select(u => (u.Outcome, u.RelativePath)).Should().Equal(expected.Unbuilt.Select(u => (u.Outcome, u.RelativePath)));
    }

    [Theory]
    [InlineData(false, 2)]
    [InlineData(true, 2)]
    [InlineData(true, 1)]
    public void Writes_the_bytes_of_the_in_memory_build(bool gzip, int parallelism)
    {
        var options = new BuildOptions { SourceCommit = "abc", Gzip = gzip, MaxDegreeOfParallelism = parallelism };
        var expected = RepositoryBuilder.Build(_tree.Read(), options);

        var summary = RepositoryBuilder.BuildTo(Deferred(_tree.Root), _output, options);

        ShouldEqualOnDisk(expected, summary, _output);
    }

    [Fact]
    public void Writes_the_bytes_of_the_in_memory_build_for_our_own_packages()
    {
        var root = RepositoryFolders.Root;
        var options = new BuildOptions { SourceCommit = "abc", Gzip = true };
        var expected = RepositoryBuilder.Build(PackageTreeReader.Read(root), options);

        var summary = RepositoryBuilder.BuildTo(Deferred(root), _output, options);

        expected.Files.Should().Contain(f => f.Path.StartsWith("package/", StringComparison.Ordinal));
        ShouldEqualOnDisk(expected, summary, _output);
    }

    [CorpusFact]
    public void Writes_the_bytes_of_the_in_memory_build_for_the_corpus()
    {
        var expected = CorpusBuild.Build();
        var root = TreeLocator.FindRoot(SharedCorpus.Repository, out _)!;

        var summary = RepositoryBuilder.BuildTo(Deferred(root), _output, new BuildOptions { SourceCommit = CorpusBuild.Commit });

        ShouldEqualOnDisk(expected, summary, _output);
    }

    [Fact]
    public void A_tree_read_with_its_content_builds_the_same()
    {
        var expected = RepositoryBuilder.Build(_tree.Read());

        var summary = RepositoryBuilder.BuildTo(_tree.Read(), _output);

        ShouldEqualOnDisk(expected, summary, _output);
    }

    [Fact]
    public void SHA256SUMS_lists_every_other_file_with_its_hash()
    {
        RepositoryBuilder.BuildTo(Deferred(_tree.Root), _output, new BuildOptions { Gzip = true });

        var files = Snapshot(_output);
        var lines = Encoding.UTF8.GetString(files[Sha256Sums.FileName]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Select(l => l[66..]).Should().Equal(files.Keys.Where(p => p != Sha256Sums.FileName));
        lines.Should().Contain(l => l.EndsWith(".gz", StringComparison.Ordinal));
        foreach (var line in lines)
        {
            line[..64].Should().Be(Convert.ToHexStringLower(SHA256.HashData(files[line[66..]])), line[66..]);
        }
    }

    [Fact]
    public void Extra_files_are_written_gzipped_and_listed()
    {
        var page = new BuiltFile("site/index.html", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<p>hello</p>\n", 100))));
        var tiny = new BuiltFile("site/a.txt", "a"u8.ToArray());

        var summary = RepositoryBuilder.BuildTo(Deferred(_tree.Root), _output, new BuildOptions { Gzip = true }, [page, tiny]);

        File.ReadAllBytes(Path.Combine(_output, "site", "index.html")).Should().Equal(page.ToArray());
        File.ReadAllBytes(Path.Combine(_output, "site", "a.txt")).Should().Equal(tiny.ToArray());
        using (var gzip = new GZipStream(File.OpenRead(Path.Combine(_output, "site", "index.html.gz")), CompressionMode.Decompress))
        using (var content = new MemoryStream())
        {
            gzip.CopyTo(content);
            content.ToArray().Should().Equal(page.ToArray());
        }
        File.Exists(Path.Combine(_output, "site", "a.txt.gz")).Should().BeFalse("a gzip copy is only kept when smaller");
        var sums = File.ReadAllText(Path.Combine(_output, Sha256Sums.FileName));
        sums.Should().Contain("  site/index.html\n").And.Contain("  site/index.html.gz\n").And.Contain("  site/a.txt\n");
        summary.Files.Should().Contain(f => f.Path == "site/index.html" && f.Length == page.Length);
    }

    [Fact]
    public void An_extra_file_may_not_replace_a_build_output()
    {
        var act = () => RepositoryBuilder.BuildTo(Deferred(_tree.Root), _output, null, [new BuiltFile("package/alpha.json", "{}"u8.ToArray())]);

        act.Should().Throw<ArgumentException>().WithMessage("*package/alpha.json*");
        Directory.Exists(_output).Should().BeFalse("nothing is written");
    }

    [Fact]
    public void A_failure_midway_leaves_the_previous_build_and_no_temporary_file()
    {
        RepositoryBuilder.BuildTo(Deferred(_tree.Root), _output, new BuildOptions { SourceCommit = "first", Gzip = true });
        var before = Snapshot(_output);
        _tree.Add("gamma", 0, "package.json", """{"packagingVersion": "4.0", "name": "gamma", "version": "1.0"}""");

        // The extra files are written after every package: this one fails when its turn comes.
        var failing = new BuiltFile("site/broken.html", new FailingSegments());
        var act = () => RepositoryBuilder.BuildTo(Deferred(_tree.Root), _output, new BuildOptions { SourceCommit = "second", Gzip = true }, [failing]);

        act.Should().Throw<IOException>().WithMessage("simulated*");
        var after = Snapshot(_output);
        after.Keys.Should().Equal(before.Keys, "no temporary file is left and nothing new is published");
        foreach (var (path, bytes) in before) after[path].Should().Equal(bytes, path);
    }

    [Fact]
    public void A_later_build_replaces_the_earlier_one()
    {
        RepositoryBuilder.BuildTo(Deferred(_tree.Root), _output, new BuildOptions { SourceCommit = "first" });
        var expected = RepositoryBuilder.Build(_tree.Read(), new BuildOptions { SourceCommit = "second" });

        var summary = RepositoryBuilder.BuildTo(Deferred(_tree.Root), _output, new BuildOptions { SourceCommit = "second" });

        ShouldEqualOnDisk(expected, summary, _output);
    }

    [Fact]
    public void An_empty_tree_builds_empty_repository_files()
    {
        using var empty = new TempPackageTree();
        var expected = RepositoryBuilder.Build(empty.Read());

        var summary = RepositoryBuilder.BuildTo(Deferred(empty.Root), _output);

        ShouldEqualOnDisk(expected, summary, _output);
        File.ReadAllText(Path.Combine(_output, "universe.json")).Should().Be("{\"packages\": []}");
    }
}
