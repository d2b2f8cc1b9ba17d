using Pipeline.Packages.Reading;

namespace Pipeline.Packages.Tests;

/// <summary>
/// Every read of a file from the tree is bounded by bytes, whatever length the file system
/// reports: <c>/dev/zero</c> reports 0 and never ends (File.ReadAllText read it until out of memory).
/// </summary>
public sealed class BoundedFileTests
{
    [Fact]
    public void DevZeroStopsOneBytePastTheLimit()
    {
        const long limit = 1024 * 1024;

        var before = GC.GetAllocatedBytesForCurrentThread();
        var read = BoundedFile.Read("/dev/zero", limit);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        read.Content.Should().BeNull();
        read.TooLarge.Should().BeTrue();
        read.Problem.Should().Contain("more than 1,048,576 bytes").And.Contain("not a regular file");
        allocated.Should().BeLessThan(4 * limit, "the buffer grows to the limit and no further");
    }

    [Fact]
    public void AFileAtTheLimitIsReadWholeAndOnePastIsRefused()
    {
        using var tree = new TempTree();
        var at = tree.Write("at.txt", new byte[100]);
        var past = tree.Write("past.txt", new byte[101]);

        BoundedFile.Read(at, 100).Content.Should().HaveCount(100);
        var refused = BoundedFile.Read(past, 100);
        refused.Content.Should().BeNull();
        refused.TooLarge.Should().BeTrue();
        refused.Problem.Should().Be("it is 101 bytes, over the limit of 100");
    }

    [Fact]
    public void AFolderIsAProblemNotAnException()
    {
        using var tree = new TempTree();

        var read = BoundedFile.Read(Path.Combine(tree.Root, "packages"), 100);

        read.Content.Should().BeNull();
        read.TooLarge.Should().BeFalse();
        read.Problem.Should().NotBeNullOrEmpty();
    }
}
