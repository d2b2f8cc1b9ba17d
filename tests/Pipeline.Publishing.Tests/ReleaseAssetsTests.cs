using Pipeline.Build;
using Pipeline.Packages.Reading;
using Pipeline.Testing;

namespace Pipeline.Publishing.Tests;

public sealed class ReleaseAssetsTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("release-assets-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public void NamesPredictedWithoutGzipCopiesAreTheNamesOfTheBuildWithThem()
    {
        // One small package for DC/OS 1.13 and later: repo-up-to-1.8 … 1.12 hold no package (gzip
        // would grow them), 1.13 and 2.0 a few hundred bytes that gzip still shrinks.
        var small = Path.Combine(_work, "small");
        var revision = Path.Combine(small, "packages", "T", "tiny", "0");
        Directory.CreateDirectory(revision);
        File.WriteAllText(Path.Combine(revision, "package.json"),
            """{"packagingVersion": "4.0", "name": "tiny", "version": "1.0", "maintainer": "a@example.com", "description": "Tiny", "tags": [], "minDcosReleaseVersion": "1.13"}""");

        foreach (var root in (string[])[RepositoryFolders.Root, small])
        {
            var tree = PackageTreeReader.Read(root);
            var plainFolder = Path.Combine(_work, "plain-" + Path.GetFileName(root));
            var plain = RepositoryBuilder.BuildTo(tree, plainFolder);
            var gzipped = RepositoryBuilder.BuildTo(tree, Path.Combine(_work, "gzipped-" + Path.GetFileName(root)), new BuildOptions { Gzip = true });

            var predicted = ReleaseAssets.PredictNames(plainFolder, plain);

            predicted.Should().Equal(ReleaseAssets.Names(gzipped), root);
            if (root == small) predicted.Should().Contain(["repo-up-to-1.8.json", "repo-up-to-2.0.json.gz"], "both cases occur");
        }
    }
}
