using System.Security.Cryptography;
using System.Text;
using Pipeline.Build.Output;
using Pipeline.Build.Tests.Support;

namespace Pipeline.Build.Tests.Output;

public sealed class Sha256SumsTests : IDisposable
{
    private readonly TempPackageTree _tree = new();
    private readonly string _output = Path.Combine(Path.GetTempPath(), "pipeline-build-out-" + Guid.NewGuid().ToString("N"));

    public Sha256SumsTests() => SmallTrees.AddAlphaAndBeta(_tree);

    public void Dispose()
    {
        _tree.Dispose();
        if (Directory.Exists(_output)) Directory.Delete(_output, recursive: true);
    }

    private static List<(string Hash, string Path)> Lines(byte[] sums) =>
        [.. Encoding.UTF8.GetString(sums).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => (line[..64], line[66..]))];

    [Fact]
    public void Lists_every_other_file_by_path_in_sha256sum_format()
    {
        var result = RepositoryBuilder.Build(_tree.Read(), new BuildOptions { Gzip = true });
        var sums = result.GetBytes(Sha256Sums.FileName);

        Encoding.UTF8.GetString(sums).Should().MatchRegex("^([0-9a-f]{64}  [^\n]+\n)+$");
        var lines = Lines(sums);
        var others = result.Files.Where(f => f.Path != Sha256Sums.FileName).Select(f => f.Path).ToList();
        lines.Select(l => l.Path).Should().Equal(others.Order(StringComparer.Ordinal));
        others.Should().Contain(p => p.EndsWith(".gz", StringComparison.Ordinal), "gzip copies are listed too");
        foreach (var (hash, path) in lines)
        {
            hash.Should().Be(Convert.ToHexStringLower(SHA256.HashData(result.GetBytes(path))), path);
        }
    }

    [Fact]
    public void Matches_the_files_written_to_disk()
    {
        RepositoryBuilder.BuildTo(_tree.Read(), _output);

        var lines = Lines(File.ReadAllBytes(Path.Combine(_output, Sha256Sums.FileName)));
        var onDisk = Directory.EnumerateFiles(_output, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(_output, f).Replace('\\', '/'))
            .Where(p => p != Sha256Sums.FileName)
            .Order(StringComparer.Ordinal);
        lines.Select(l => l.Path).Should().Equal(onDisk, "every written file is listed and no temporary file is left");
        foreach (var (hash, path) in lines)
        {
            hash.Should().Be(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(_output, path)))), path);
        }
    }
}
