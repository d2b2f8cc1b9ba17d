using Pipeline.Testing;
using Pipeline.Testing.Git;

namespace Pipeline.Action.Tests.Adoption;

/// <summary>
/// The real Universe repository as its maintainers would adopt the pipeline: a Git repository
/// holding the corpus laid out as Universe lays it out (<c>repo/packages/…</c>, <c>repo/meta/…</c>),
/// with a baseline made by <c>universe baseline repo</c> committed on main. Made once for the class
/// (copying and committing 4,000 files takes seconds); each test works in its own clone.
/// </summary>
public sealed class AdoptedUniverse : IDisposable
{
    private GitRepository? _origin;

    /// <summary>The baseline command's exit status and output, for the test that checks them.</summary>
    public (int Status, string Output) Baselining { get; private set; }

    public string MainSha { get; private set; } = "";

    /// <summary>The repository with main committed; made on first use, so a skipped class costs nothing.</summary>
    public GitRepository Origin
    {
        get
        {
            if (_origin is not null) return _origin;
            var origin = new GitRepository();
            Copy(SharedCorpus.Repository, Path.Combine(origin.Root, "repo"));
            origin.Commit("Universe as it is");
            Baselining = Cli.Run("baseline", Path.Combine(origin.Root, "repo"));
            MainSha = origin.Commit("Adopt Universe Pipeline: baseline of accepted findings");
            return _origin = origin;
        }
    }

    /// <summary>A full clone of main, on a new branch <paramref name="branch"/>.</summary>
    public GitRepository Clone(string branch)
    {
        var clone = Origin.Clone();
        clone.Branch(branch);
        return clone;
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var directory in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
        }
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            File.Copy(file, target);
            // ../shared is read-only in CI; the copy is the repository's own files.
            File.SetAttributes(target, FileAttributes.Normal);
        }
    }

    public void Dispose() => _origin?.Dispose();
}
