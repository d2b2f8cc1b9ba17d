using System.IO.Compression;
using Pipeline.Build.Tests.Support;

namespace Pipeline.Build.Tests.Output;

public sealed class BuildResultFilesTests : IDisposable
{
    private readonly TempPackageTree _tree = new();

    public BuildResultFilesTests() => SmallTrees.AddAlphaAndBeta(_tree);

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void Writes_the_outputs_Universe_writes_and_ours()
    {
        var result = RepositoryBuilder.Build(_tree.Read(), new BuildOptions { Gzip = true });

        result.Files.Select(f => f.Path).Should().Contain(
        [
            "index.json", "package/alpha.json", "package/beta.json", "SHA256SUMS",
            "universe.json", "universe.content_type", "repo-empty-v3.json", "repo-empty-v3.content_type",
            "repo-up-to-1.8.json", "repo-up-to-1.8.content_type", "repo-up-to-2.0.json", "repo-up-to-2.0.content_type",
            "1.8/package/alpha.json", "1.8/package/beta.json", "2.0/package/alpha.json", "universe.json.gz",
        ]);
        result.Files.Select(f => f.Path).Should().BeInAscendingOrder(StringComparer.Ordinal);
        result.Find("repo-up-to-1.8.content_type.gz").Should().BeNull("a gzip copy is only kept when smaller");
    }

    [Fact]
    public void Gzip_copies_decompress_to_their_file()
    {
        var result = RepositoryBuilder.Build(_tree.Read(), new BuildOptions { Gzip = true });

        var copies = result.Files.Where(f => f.Path.EndsWith(".gz", StringComparison.Ordinal)).ToList();
        copies.Should().NotBeEmpty();
        foreach (var copy in copies)
        {
            using var gzip = new GZipStream(new MemoryStream(copy.ToArray()), CompressionMode.Decompress);
            using var content = new MemoryStream();
            gzip.CopyTo(content);
            content.ToArray().Should().Equal(result.GetBytes(copy.Path[..^3]), copy.Path);
            copy.Length.Should().BeLessThan(result.Find(copy.Path[..^3])!.Length);
        }
    }
}
