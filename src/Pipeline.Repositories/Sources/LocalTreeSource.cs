using System.Text.Json.Nodes;
using System.Text;
using Pipeline.Packages.Model;
using Pipeline.Packages.Reading;
using Pipeline.Packages;
using Pipeline.Packages.Documents;

namespace Pipeline.Repositories.Sources;

/// <summary>
/// A universe tree on disk (<c>packages/&lt;I&gt;/&lt;name&gt;/&lt;revision&gt;/</c>). The tree is
/// scanned once without contents; package.json is read for listing and a revision's other files
/// only when it is fetched. Revisions whose package.json is unreadable are left out. Every revision
/// is listed; two with one version resolve to the later, as on a server.
/// </summary>
public sealed class LocalTreeSource(string location) : IPackageSource
{
    private PackageTree? _tree;
    private Dictionary<(string Name, string Version), PackageRevision>? _revisions;
    private Dictionary<(string Name, int Revision), PackageRevision>? _byNumber;
    private IReadOnlyList<PackageSummary>? _summaries;

    public string Location { get; } = location;

    public Task<IReadOnlyList<PackageSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        Scan();
        return Task.FromResult(_summaries!);
    }

    public Task<PackageDefinition?> GetAsync(string name, string version, CancellationToken cancellationToken = default)
    {
        Scan();
        if (!_revisions!.TryGetValue((name, version), out var revision)) return Task.FromResult<PackageDefinition?>(null);
        return Task.FromResult<PackageDefinition?>(Define(revision));
    }

    public Task<PackageDefinition?> GetRevisionAsync(PackageSummary revision, CancellationToken cancellationToken = default)
    {
        Scan();
        return Task.FromResult(_byNumber!.TryGetValue((revision.Name, revision.ReleaseVersion), out var found) ? Define(found) : null);
    }

    private void Scan()
    {
        if (_summaries is not null) return;
        var root = TreeLocator.FindRoot(Location, out var reason) ?? throw new SourceUnavailableException(reason!);
        try
        {
            _tree = PackageTreeReader.Read(root, new TreeReaderOptions { LoadContent = false });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SourceUnavailableException($"{Location}: {e.Message}", e);
        }
        var revisions = new Dictionary<(string, string), PackageRevision>();
        var byNumber = new Dictionary<(string, int), PackageRevision>();
        var summaries = new List<PackageSummary>();
        foreach (var revision in _tree.Revisions)
        {
            // Read with the Packages read model, typed: listing needs no JSON nodes.
            if (PackageDocument.Read(revision.PackageJson?.Load()) is not { IsObject: true } package) continue;
            var version = package.Version;
            if (version is null) continue;
            if (!revisions.TryGetValue((revision.Name, version), out var known) || known.ReleaseVersion < revision.ReleaseVersion) revisions[(revision.Name, version)] = revision;
            byNumber[(revision.Name, revision.ReleaseVersion)] = revision;
            summaries.Add(PackageFacts.Summarize(package, revision.Name, version, revision.ReleaseVersion));
        }
        _revisions = revisions;
        _byNumber = byNumber;
        _summaries = [.. summaries];
    }

    /// <summary>A revision of a tree as a package definition (its files loaded).</summary>
    public static PackageDefinition Define(PackageRevision revision)
    {
        revision = revision.Load();
        var package = ReadObject(revision.PackageJson) ?? [];
        var descriptors = new List<DescriptorTemplate>();
        foreach (var (name, file) in revision.Descriptors())
        {
            if (file.Loaded) descriptors.Add(new DescriptorTemplate(name, Encoding.UTF8.GetString(file.Content.Span)));
        }
        return new PackageDefinition(
            revision.Name,
            PackageFacts.String(package, PackageFields.Version) ?? "",
            revision.ReleaseVersion,
            PackageFacts.String(package, PackageFields.PackagingVersion),
            package,
            ReadObject(revision.ConfigJson),
            ReadObject(revision.ResourceJson),
            ReadObject(revision.CommandJson),
            descriptors);
    }

    private static JsonObject? ReadObject(RevisionFile? file) =>
        RevisionJsonFile.Read(file?.Load()).Object?.ToJsonNode() as JsonObject;
}
