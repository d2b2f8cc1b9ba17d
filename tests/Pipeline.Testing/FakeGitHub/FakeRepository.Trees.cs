using System.Text;

namespace Pipeline.Testing.FakeGitHub;

/// <summary>
/// Trees as GitHub lists them: the fake keeps a tree flat (path → blob), so a listing makes the
/// folders' subtrees on the way (stored by content, as Git would) and answers entries of type
/// <c>tree</c> and <c>blob</c>, all of them with <c>recursive</c>. A blob seeded as a symbolic
/// link is listed with mode 120000.
/// </summary>
public sealed partial class FakeRepository
{
    private readonly HashSet<string> _links = new(StringComparer.Ordinal);

    /// <summary>Adds a symbolic link at <paramref name="path"/> pointing to <paramref name="target"/> on the branch.</summary>
    public string SeedSymlink(string branch, string path, string target)
    {
        var head = SeedBranch(branch, new Dictionary<string, string> { [path] = target }, "Seed a link");
        lock (_gate) _links.Add(StoreBlob(Encoding.UTF8.GetBytes(target)));
        return head;
    }

    /// <summary>The entries of tree <paramref name="sha"/>, or null when there is no such tree.</summary>
    internal IReadOnlyList<FakeTreeEntry>? TreeListing(string sha, bool recursive)
    {
        lock (_gate)
        {
            if (FindTree(sha) is not { } flat) return null;
            var entries = new List<FakeTreeEntry>();
            var folders = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var (path, blob) in flat)
            {
                var segments = path.Split('/');
                for (var i = 1; i < segments.Length; i++) folders.Add(string.Join('/', segments[..i]));
                if (recursive || segments.Length == 1)
                    entries.Add(new FakeTreeEntry(path, _links.Contains(blob) ? "120000" : "100644", "blob", blob, FindBlob(blob)!.Length));
            }
            foreach (var folder in folders)
            {
                if (recursive || !folder.Contains('/')) entries.Add(new FakeTreeEntry(folder, "040000", "tree", Subtree(flat, folder), null));
            }
            return entries.OrderBy(e => e.Path, StringComparer.Ordinal).ToList();
        }
    }

    private string Subtree(SortedDictionary<string, string> flat, string folder)
    {
        var prefix = folder + "/";
        var inside = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, blob) in flat)
        {
            if (path.StartsWith(prefix, StringComparison.Ordinal)) inside[path[prefix.Length..]] = blob;
        }
        return StoreTree(inside);
    }
}

/// <summary>One entry of a tree listing; <see cref="Size"/> only for blobs.</summary>
internal sealed record FakeTreeEntry(string Path, string Mode, string Type, string Sha, int? Size);
