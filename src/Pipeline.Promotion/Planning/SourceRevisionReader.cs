using System.Text.Json.Nodes;
using System.Text;
using Pipeline.Packages.Model;
using Pipeline.Packages.Reading;
using Pipeline.Packages;
using Pipeline.Repositories.Sources;
using Pipeline.Packages.Documents;

namespace Pipeline.Promotion.Planning;

/// <summary>
/// Finds a version in a source and takes its files. A local tree's files are copied byte for byte
/// (README.md included); an index or DC/OS repository file only holds the parsed documents, which
/// are written back as indented JSON (ASCII-only, as Universe requires) and the descriptors as text.
/// </summary>
public static class SourceRevisionReader
{
    /// <returns>The revision, or null with the reason when the source has no such version.</returns>
    /// <exception cref="SourceUnavailableException">The source cannot be read.</exception>
    public static async Task<(SourceRevision? Revision, string? Problem)> ReadAsync(
        IPackageSource source, string name, string version, CancellationToken cancellationToken = default)
    {
        if (source is LocalTreeSource local) return ReadLocal(local.Location, name, version);
        var definition = await source.GetAsync(name, version, cancellationToken).ConfigureAwait(false);
        if (definition is null) return (null, NotFound(source, name, version));
        var files = new List<PromotionFile> { Json(KnownFiles.Package, definition.Package) };
        if (definition.Config is { } config) files.Add(Json(KnownFiles.Config, config));
        if (definition.Resource is { } resource) files.Add(Json(KnownFiles.Resource, resource));
        if (definition.Command is { } command) files.Add(Json(KnownFiles.Command, command));
        var skipped = new List<string>();
        foreach (var descriptor in definition.Descriptors)
        {
            var fileName = descriptor.Name.FileName;
            if (IsPackageFile(fileName)) files.Add(new PromotionFile(fileName, Encoding.UTF8.GetBytes(descriptor.Template)));
            else skipped.Add(fileName);
        }
        return (new SourceRevision(name, version, definition.ReleaseVersion, source.Location, Ordered(files), skipped), null);
    }

    private static (SourceRevision?, string?) ReadLocal(string location, string name, string version)
    {
        var root = TreeLocator.FindRoot(location, out var reason) ?? throw new SourceUnavailableException(reason!);
        PackageTree tree;
        try
        {
            tree = PackageTreeReader.Read(root, new TreeReaderOptions { LoadContent = false, OnlyPackages = new HashSet<string>(StringComparer.Ordinal) { name } });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SourceUnavailableException($"{location}: {e.Message}", e);
        }
        // Two revisions with one version: the later one, as a server would serve it.
        var revision = tree.Revisions
            .Where(r => r.Name == name)
            .Select(r => r.Load())
            .Where(r => PackageDocument.Read(r.PackageJson)?.Version == version)
            .MaxBy(r => r.ReleaseVersion);
        if (revision is null) return (null, NotFound(location, name, version));
        var files = new List<PromotionFile>();
        var skipped = new List<string>();
        foreach (var file in revision.Files)
        {
            if (file.Loaded && IsPackageFile(file.Name)) files.Add(new PromotionFile(file.Name, file.Content));
            else skipped.Add(file.Name);
        }
        return (new SourceRevision(name, version, revision.ReleaseVersion, location, Ordered(files), skipped), null);
    }

    /// <summary>A file a revision folder may hold, named without any path (a descriptor name from an index is not trusted).</summary>
    public static bool IsPackageFile(string fileName) =>
        KnownFiles.IsKnown(fileName) && Path.GetFileName(fileName) == fileName
        && !fileName.StartsWith('.') && fileName.IndexOfAny(['/', '\\', ':']) < 0;

    private static PromotionFile Json(string fileName, JsonNode node) => new(fileName, PackageFileText.Json(node));

    private static PromotionFile[] Ordered(List<PromotionFile> files) => [.. files.OrderBy(f => f.Name, StringComparer.Ordinal)];

    private static string NotFound(IPackageSource source, string name, string version) => NotFound(source.Location, name, version);

    private static string NotFound(string location, string name, string version) => $"{location} has no {name}@{version}";
}
