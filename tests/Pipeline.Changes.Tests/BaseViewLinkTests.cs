using Pipeline.Changes.Base;
using Pipeline.Changes.ChangeSets;

namespace Pipeline.Changes.Tests;

/// <summary>
/// The shallow-clone fallback reads the head's unchanged package.json files: one that is a link
/// out of the checkout (here to /dev/zero, which File.ReadAllBytes read until out of memory) is
/// not read, and the revision's version counts as unknown.
/// </summary>
public sealed class BaseViewLinkTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "universe-base-links", Guid.NewGuid().ToString("N"));

    [Fact]
    public void AnUnchangedPackageJsonLinkedToDevZeroIsNotRead()
    {
        var revision = Path.Combine(_root, "packages", "F", "foo", "0");
        Directory.CreateDirectory(revision);
        File.CreateSymbolicLink(Path.Combine(revision, "package.json"), "/dev/zero");
        Directory.CreateDirectory(Path.Combine(_root, "packages", "F", "foo", "1"));
        File.WriteAllText(Path.Combine(_root, "packages", "F", "foo", "1", "package.json"), """{"name": "foo", "version": "1.1.0"}""");
        var changes = ChangeSet.FromFiles([new("packages/F/foo/1/package.json", ChangeStatus.Added)]);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var view = BaseView.Infer(_root, changes);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        var onBase = view.RevisionsOf(changes.Packages.Single()).Should().ContainSingle().Subject;
        onBase.ReleaseVersion.Should().Be(0);
        onBase.Version.Should().BeNull();
        view.VersionsComplete.Should().BeFalse();
        allocated.Should().BeLessThan(1024 * 1024);
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }
}
