using System.Text;
using Pipeline.Serving.LocalTree;

namespace Pipeline.Serving.Tests.LocalTree;

/// <summary>The following loop itself: rebuilds one at a time and coalesced, and a rebuild that throws is only a failure.</summary>
public sealed class FollowedTreeTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private readonly ServingTrees _trees = new();

    public FollowedTreeTests() => _trees.Add("local", "alpha", 0, "1.0.0");

    private string Tree => Path.Combine(_trees.Root, "local");

    private static string Index(FollowedTree tree) => Encoding.UTF8.GetString(tree.Status.Snapshot!.Build.GetBytes("index.json"));

    [Fact]
    public async Task BurstOfFiftyEditsDuringARebuildMakesOneMoreRebuild()
    {
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reads = 0;
        TreeReading Read(string root)
        {
            // The second read (the first edit's) is made, then held until the burst is over.
            var reading = TreeReader.Read(root);
            if (Interlocked.Increment(ref reads) == 2)
            {
                held.SetResult();
                release.Task.Wait(Bound);
            }
            return reading;
        }
        await using var tree = FollowedTree.Start(new LocalTreeOptions(Tree) { RescanInterval = Timeout.InfiniteTimeSpan }, TimeProvider.System, null, Read);

        _trees.Add("local", "alpha", 0, "1.0.0", description: "edit 1");
        await held.Task.WaitAsync(Bound);
        for (var i = 2; i <= 50; i++) _trees.Add("local", "alpha", 0, "1.0.0", description: $"edit {i}");
        release.SetResult();
        using var bound = new CancellationTokenSource(Bound);
        while (!Index(tree).Contains("\"edit 50\"", StringComparison.Ordinal)) await Task.Delay(20, bound.Token);
        // One more check, run to its end: nothing is left to rebuild.
        var checks = tree.Checks;
        tree.RequestCheck();
        while (tree.Checks <= checks) await Task.Delay(20, bound.Token);

        tree.Rebuilds.Should().Be(3, "the first build, the one held, and one more for the 49 edits made meanwhile");
        tree.Status.State.Should().Be(LocalTreeState.Fresh);
    }

    [Fact]
    public async Task RebuildThatThrowsIsAReportedFailureAndTheSnapshotStays()
    {
        var reads = 0;
        var notices = new List<string>();
        TreeReading Read(string root) =>
            Interlocked.Increment(ref reads) == 1 ? TreeReader.Read(root) : throw new InvalidOperationException("the builder broke");
        await using var tree = FollowedTree.Start(new LocalTreeOptions(Tree) { Watch = false, RescanInterval = Timeout.InfiniteTimeSpan }, TimeProvider.System, notices.Add, Read);

        _trees.Add("local", "alpha", 0, "1.0.0", description: "Changed");
        tree.RequestCheck();
        using var bound = new CancellationTokenSource(Bound);
        while (tree.Checks < 1) await Task.Delay(20, bound.Token);

        tree.Status.State.Should().Be(LocalTreeState.Stale);
        tree.Status.Problem.Should().Be("the tree could not be built: the builder broke");
        tree.Status.Snapshot!.Generation.Should().Be(1);
        Index(tree).Should().Contain("\"Hello\"");
        notices.Should().ContainSingle().Which.Should().Contain("the builder broke");
    }

    [Fact]
    public async Task TreeMissingAtStartIsFailingWithNothingServed()
    {
        var notices = new List<string>();
        await using var tree = FollowedTree.Start(new LocalTreeOptions(Path.Combine(_trees.Root, "nowhere")) { Watch = false }, new ManualClock(), notices.Add);

        tree.Status.State.Should().Be(LocalTreeState.Failing);
        tree.Status.Snapshot.Should().BeNull();
        tree.Status.Problem.Should().Contain("does not exist");
        notices.Should().ContainSingle().Which.Should().Contain("cannot be served");
    }

    public void Dispose() => _trees.Dispose();
}
