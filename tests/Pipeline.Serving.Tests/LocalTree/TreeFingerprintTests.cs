using Pipeline.Serving.LocalTree;

namespace Pipeline.Serving.Tests.LocalTree;

/// <summary>The rescan's digest moves with what the tree is made of, and only with that.</summary>
public sealed class TreeFingerprintTests : IDisposable
{
    private readonly ServingTrees _trees = new();

    public TreeFingerprintTests() => _trees.Add("local", "alpha", 0, "1.0.0");

    private string Tree => Path.Combine(_trees.Root, "local");

    [Fact]
    public void SameTreeGivesTheSameDigest() => TreeFingerprint.Of(Tree).Should().Be(TreeFingerprint.Of(Tree));

    [Theory]
    [InlineData("packages/A/alpha/1")]
    [InlineData("universe.yaml")]
    [InlineData("universe-baseline.json")]
    public void NewEntryInThePackagesOrSettingsOfTheTreeMovesIt(string entry)
    {
        var before = TreeFingerprint.Of(Tree);
        var path = Path.Combine(Tree, entry);
        if (entry.StartsWith("packages/", StringComparison.Ordinal)) Directory.CreateDirectory(path);
        else File.WriteAllText(path, "name: local\n");

        TreeFingerprint.Of(Tree).Should().NotBe(before);
    }

    [Fact]
    public void FileOutsideThePackagesAndSettingsLeavesIt()
    {
        var before = TreeFingerprint.Of(Tree);
        File.WriteAllText(Path.Combine(Tree, "README.md"), "notes");
        Directory.CreateDirectory(Path.Combine(Tree, ".git", "objects"));

        TreeFingerprint.Of(Tree).Should().Be(before);
    }

    [Fact]
    public void ModificationTimeAloneMovesIt()
    {
        var file = Path.Combine(Tree, "packages", "A", "alpha", "0", "package.json");
        var before = TreeFingerprint.Of(Tree);
        File.SetLastWriteTimeUtc(file, File.GetLastWriteTimeUtc(file).AddSeconds(-5));

        TreeFingerprint.Of(Tree).Should().NotBe(before);
    }

    [Fact]
    public void MissingTreeHasADigestToo()
    {
        var missing = Path.Combine(_trees.Root, "nowhere");

        TreeFingerprint.Of(missing).Should().Be(TreeFingerprint.Of(missing)).And.NotBe(TreeFingerprint.Of(Tree));
    }

    public void Dispose() => _trees.Dispose();
}
