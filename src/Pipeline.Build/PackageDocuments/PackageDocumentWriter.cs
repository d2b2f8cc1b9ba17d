using Pipeline.Build.Json;
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
        writer.PropertyName("revision"u8);
        writer.Number(revision.ReleaseVersion);
        writer.PropertyName("version"u8);
        writer.String(facts.Version);
        writer.PropertyName(PackageFields.Utf8.PackagingVersion);
        writer.String(facts.PackagingVersion);
        writer.PropertyName("minDcosReleaseVersion"u8);
        writer.String(facts.MinDcosReleaseVersion);
        writer.PropertyName("hasCli"u8);
        writer.Boolean(facts.HasCli);
        WriteDocument(writer, "package"u8, documents.Package);
        WriteDocument(writer, "config"u8, documents.Config);
        WriteDocument(writer, "resource"u8, documents.Resource);
        WriteDocument(writer, "command"u8, documents.Command);

        writer.PropertyName("descriptors"u8);
        writer.StartArray();
        foreach (var (name, file) in revision.Descriptors())
        {
            writer.StartObject();
            writer.PropertyName("name"u8);
            writer.String(name.OutputName);
            writer.PropertyName("file"u8);
            writer.String(file.Name);
            writer.PropertyName("target"u8);
            writer.String(name.Target);
            writer.PropertyName("format"u8);
            writer.String(name.Format);
            writer.PropertyName("template"u8);
            writer.StringUtf8(file.Content.Span);
            writer.EndObject();
        }
        writer.EndArray();

        writer.PropertyName("readme"u8);
        if (revision.Readme is { } readme) writer.StringUtf8(readme.Content.Span);
        else writer.Null();

        writer.PropertyName("files"u8);
        writer.StartObject();
        foreach (var (name, hash) in facts.FileHashes)
        {
            writer.PropertyName(name);
            writer.String(hash);
        }
        writer.EndObject();
        writer.EndObject();
    }

    /// <summary>The opening of a package document, up to the revisions array's first item.</summary>
    public static void WriteHeader(CanonicalJsonWriter writer, string packageName, string? latestVersion, int latestRevision)
    {
        writer.StartObject();
        writer.PropertyName("formatVersion"u8);
        writer.String(FormatVersion);
        writer.PropertyName("name"u8);
        writer.String(packageName);
        writer.PropertyName("latest"u8);
        writer.StartObject();
        writer.PropertyName("version"u8);
        writer.String(latestVersion);
        writer.PropertyName("revision"u8);
        writer.Number(latestRevision);
        writer.EndObject();
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
