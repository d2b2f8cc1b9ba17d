using System.Security.Cryptography;
using System.Text.Json;
using Pipeline.Build.Index;
using Pipeline.Build.Json;
using Pipeline.Packages.Documents;

namespace Pipeline.Build.Revisions;

/// <summary>
/// What the index and the package document say about a revision, read from its parsed files:
/// package.json fields (absent or mistyped ones are null or false; validation reports them),
/// whether it ships a CLI, its descriptors and the SHA-256 of each of its files.
/// </summary>
internal sealed record RevisionFacts(
    string? Version,
    string? PackagingVersion,
    string? MinDcosReleaseVersion,
    IndexPackageFields Summary,
    IReadOnlyList<string> Descriptors,
    bool HasCli,
    IReadOnlyDictionary<string, string> FileHashes)
{
    public static RevisionFacts Of(ParsedRevision documents, string? minDcosReleaseVersion)
    {
        var package = documents.Package.Root;
        var summary = new IndexPackageFields(
            StringMember(package, PackageFields.Utf8.Description),
            Tags(package),
            StringMember(package, PackageFields.Utf8.Maintainer),
            ObjectMembers.TryGet(package, PackageFields.Utf8.Framework, out var framework) && framework.ValueKind == JsonValueKind.True,
            ObjectMembers.TryGet(package, PackageFields.Utf8.Selected, out var selected) && selected.ValueKind == JsonValueKind.True);

        var descriptors = new List<string>();
        foreach (var (name, _) in documents.Revision.Descriptors()) descriptors.Add(name.OutputName);

        var hashes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in documents.Revision.Files)
        {
            hashes[file.Name] = Convert.ToHexStringLower(SHA256.HashData(file.Content.Span));
        }

        return new RevisionFacts(
            StringMember(package, PackageFields.Utf8.Version),
            StringMember(package, PackageFields.Utf8.PackagingVersion),
            minDcosReleaseVersion,
            summary,
            descriptors,
            ShipsCli(documents),
            hashes);
    }

    /// <summary>A CLI comes from resource.json's <c>cli</c> binaries or from command.json.</summary>
    private static bool ShipsCli(ParsedRevision documents) =>
        documents.Command is not null
        || (documents.Resource?.Root is { ValueKind: JsonValueKind.Object } resource && ObjectMembers.TryGet(resource, ResourceFields.Utf8.Cli, out _));

    private static string? StringMember(JsonElement obj, ReadOnlySpan<byte> name) =>
        ObjectMembers.TryGet(obj, name, out var value) && value.ValueKind == JsonValueKind.String ? JsonElementText.Of(value) : null;

    private static List<string> Tags(JsonElement package)
    {
        var tags = new List<string>();
        if (!ObjectMembers.TryGet(package, PackageFields.Utf8.Tags, out var value) || value.ValueKind != JsonValueKind.Array) return tags;
        foreach (var tag in value.EnumerateArray())
        {
            if (tag.ValueKind == JsonValueKind.String) tags.Add(JsonElementText.Of(tag));
        }
        return tags;
    }
}
