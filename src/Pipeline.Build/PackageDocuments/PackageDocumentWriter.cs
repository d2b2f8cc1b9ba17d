using Pipeline.Build.Json;
using Pipeline.Build.Output;
using Pipeline.Build.Revisions;
using Pipeline.Packages.Documents;

namespace Pipeline.Build.PackageDocuments;

/// <summary>
/// Writes <c>package/&lt;name&gt;.json</c>, everything about a package for clients and the site:
/// <code>
/// { "formatVersion": "1", "name", "latest": {"version", "revision"},
///   "revisions": [ { "revision", "version", "packagingVersion", "minDcosReleaseVersion", "hasCli",
///                    "package", "config", "resource", "command",      (the files' JSON, or null)
///                    "descriptors": [ {"name", "file", "target", "format", "template"} ],
///                    "readme", "files": {"&lt;file&gt;": "&lt;sha256&gt;"} } ] }   (newest first)
/// </code>
/// Each revision is written once as a fragment; the document is assembled from them.
/// </summary>
internal static class PackageDocumentWriter
{
    public const string FormatVersion = "1";

    public static string PathOf(string packageName) => $"package/{packageName}.json";

    public static void WriteRevision(CanonicalJsonWriter writer, ParsedRevision documents, RevisionFacts facts)
    {
        var revision = documents.Revision;
        writer.StartObject();
        writer.Member("revision"u8, revision.ReleaseVersion);
        writer.Member("version"u8, facts.Version);
        writer.Member(PackageFields.Utf8.PackagingVersion, facts.PackagingVersion);
        writer.Member("minDcosReleaseVersion"u8, facts.MinDcosReleaseVersion);
        writer.Member("hasCli"u8, facts.HasCli);
        WriteDocument(writer, "package"u8, documents.Package);
        WriteDocument(writer, "config"u8, documents.Config);
        WriteDocument(writer, "resource"u8, documents.Resource);
        WriteDocument(writer, "command"u8, documents.Command);

        writer.PropertyName("descriptors"u8);
        writer.StartArray();
        foreach (var (name, file) in revision.Descriptors())
        {
            writer.StartObject();
            writer.Member("name"u8, name.OutputName);
            writer.Member("file"u8, file.Name);
            writer.Member("target"u8, name.Target);
            writer.Member("format"u8, name.Format);
            writer.PropertyName("template"u8);
            writer.StringUtf8(file.Content.Span);
            writer.EndObject();
        }
        writer.EndArray();

        writer.PropertyName("readme"u8);
        if (revision.Readme is { } readme) writer.StringUtf8(readme.Content.Span);
        else writer.Null();

        PackageMembers.FileHashes(writer, facts.FileHashes);
        writer.EndObject();
    }

    /// <summary>The opening of a package document, up to the revisions array's first item.</summary>
    public static void WriteHeader(CanonicalJsonWriter writer, string packageName, string? latestVersion, int latestRevision)
    {
        writer.StartObject();
        writer.Member("formatVersion"u8, FormatVersion);
        writer.Member("name"u8, packageName);
        PackageMembers.Latest(writer, latestVersion, latestRevision);
        writer.PropertyName("revisions"u8);
        writer.StartArray();
    }

    public static byte[] Footer { get; } = "]}\n"u8.ToArray();

    private static void WriteDocument(CanonicalJsonWriter writer, ReadOnlySpan<byte> name, ParsedJson? document)
    {
        writer.PropertyName(name);
        if (document is null) writer.Null();
        else writer.Element(document.Root, document.MayRepeatNames);
    }
}
