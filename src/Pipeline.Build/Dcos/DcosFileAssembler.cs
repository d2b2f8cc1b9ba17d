using System.Runtime.InteropServices;
using System.Text;
using Pipeline.Build.Output;
using Pipeline.Build.Revisions;

namespace Pipeline.Build.Dcos;

/// <summary>
/// Assembles the DC/OS repository files from the revisions' fragments, as Universe's
/// <c>gen_universe.py</c> lays them out:
/// <list type="bullet">
/// <item><c>universe.json</c> (every revision), <c>repo-empty-v3.json</c>, and per release
/// <c>repo-up-to-&lt;release&gt;.json</c> (revisions whose minDcosReleaseVersion is at most the
/// release, downgraded before 1.10), each with its <c>.content_type</c> file (no line end);</item>
/// <item>per release, <c>&lt;release&gt;/package/&lt;name&gt;.json</c>: gen_universe.py
/// (<c>_populate_dcos_version_json_to_folder</c>) splits every repo-up-to file into one file per
/// package, <c>{"packages": [its revisions]}</c>, and Universe's server answers
/// <c>/package/&lt;name&gt;</c> with it for the client's DC/OS release. Ours are named and shaped
/// the same way, so the same server rules serve them (Universe writes no content-type files for
/// them either).</item>
/// </list>
/// Revisions are listed by package name, then release version. Universe lists them in directory
/// enumeration order, which no file system defines, so the order is not part of the format.
/// </summary>
internal static class DcosFileAssembler
{
    internal const int SeparatorLength = 2; // ", " in front of every Python-layout fragment
    private static readonly byte[] s_header = "{\"packages\": ["u8.ToArray();
    private static readonly byte[] s_footer = "]}"u8.ToArray();

    /// <summary>What every repository file starts with, up to its first package.</summary>
    internal static ReadOnlyMemory<byte> Header => s_header;

    /// <summary>What every repository file ends with, after its last package.</summary>
    internal static ReadOnlyMemory<byte> Footer => s_footer;

    /// <summary>A package fragment as a repository file lists it: the first drops its separator.</summary>
    internal static ReadOnlyMemory<byte> Item(ArraySegment<byte> fragment, bool first) => first ? fragment.AsMemory(SeparatorLength) : fragment;

    public static void AddFiles(IReadOnlyList<BuiltRevision> revisions, List<BuiltFile> files)
    {
        var all = new List<ArraySegment<byte>>(revisions.Count);
        foreach (var revision in revisions) all.Add(revision.UniverseFragment);
        files.Add(RepositoryFile(DcosRepositoryFormat.UniverseFileName, all));
        files.Add(ContentTypeFile(DcosRepositoryFormat.UniverseContentTypeFileName, DcosRepositoryFormat.UniverseRepositoryVersion));
        files.Add(RepositoryFile(DcosRepositoryFormat.EmptyFileName, []));
        files.Add(ContentTypeFile(DcosRepositoryFormat.EmptyContentTypeFileName, DcosRepositoryFormat.EmptyRepositoryVersion));

        // A package's file is often the same in consecutive releases; such files share one segment
        // list, so its content is hashed once (see Sha256Sums).
        var previous = new Dictionary<string, BuiltFile>(StringComparer.Ordinal);
        foreach (var release in DcosRepositoryFormat.Releases)
        {
            var included = new List<ArraySegment<byte>>(revisions.Count);
            var packageName = "";
            var packageFragments = new List<ArraySegment<byte>>();
            foreach (var revision in revisions)
            {
                if (!revision.IsIn(release)) continue;
                if (revision.Name != packageName)
                {
                    AddPackageFile(release, packageName, packageFragments, previous, files);
                    packageName = revision.Name;
                    packageFragments = [];
                }
                var fragment = revision.FragmentFor(release);
                included.Add(fragment);
                packageFragments.Add(fragment);
            }
            AddPackageFile(release, packageName, packageFragments, previous, files);
            files.Add(RepositoryFile(release.RepositoryFileName, included));
            files.Add(ContentTypeFile(release.ContentTypeFileName, release.RepositoryVersion));
        }
    }

    private static void AddPackageFile(
        DcosRelease release, string packageName, List<ArraySegment<byte>> fragments, Dictionary<string, BuiltFile> previous, List<BuiltFile> files)
    {
        if (fragments.Count == 0) return;
        var path = release.PackageFilePath(packageName);
        var file = previous.TryGetValue(packageName, out var earlier) && SameFragments(earlier, fragments)
            ? new BuiltFile(path, earlier.Segments)
            : RepositoryFile(path, fragments);
        previous[packageName] = file;
        files.Add(file);
    }

    private static bool SameFragments(BuiltFile file, List<ArraySegment<byte>> fragments)
    {
        if (file.Segments.Count != fragments.Count + 2) return false;
        for (var i = 0; i < fragments.Count; i++)
        {
            if (!MemoryMarshal.TryGetArray(file.Segments[i + 1], out var segment)
                || !ReferenceEquals(segment.Array, fragments[i].Array))
            {
                return false;
            }
        }
        return true;
    }

    internal static BuiltFile RepositoryFile(string path, List<ArraySegment<byte>> fragments)
    {
        var segments = new List<ReadOnlyMemory<byte>>(fragments.Count + 2) { s_header };
        for (var i = 0; i < fragments.Count; i++)
        {
            segments.Add(Item(fragments[i], i == 0));
        }
        segments.Add(s_footer);
        return new BuiltFile(path, segments);
    }

    internal static BuiltFile ContentTypeFile(string path, string repositoryVersion) =>
        new(path, Encoding.UTF8.GetBytes(DcosRepositoryFormat.ContentType(repositoryVersion)));
}
