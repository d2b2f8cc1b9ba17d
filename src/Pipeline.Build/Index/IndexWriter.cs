using Pipeline.Build.Json;
using Pipeline.Build.Output;
using Pipeline.Packages.Documents;

namespace Pipeline.Build.Index;

/// <summary>
/// Writes index.json with the same writer as every other output (ASCII text, compact) rather than
/// with <see cref="IndexJsonContext"/>, whose first use costs more than the whole index takes to
/// write. <see cref="IndexJsonContext"/> reads what this writes; the tests hold the two together.
/// </summary>
internal static class IndexWriter
{
    /// <summary>What every index.json ends with, after its last package.</summary>
    public static ReadOnlyMemory<byte> Footer { get; } = "]}\n"u8.ToArray();

    /// <summary>The separator in front of every package entry but the first (compact layout).</summary>
    public const int SeparatorLength = 1;

    public static BuiltFile ToFile(RepositoryIndex index)
    {
        var segments = new List<ReadOnlyMemory<byte>> { Header(index) };
        using var buffer = new JsonOutputBuffer();
        var writer = new CanonicalJsonWriter(buffer, JsonLayout.Compact);
        for (var i = 0; i < index.Packages.Count; i++)
        {
            var entry = Entry(writer, index.Packages[i]);
            segments.Add(i == 0 ? entry.AsMemory(SeparatorLength) : entry);
        }
        segments.Add(Footer);
        return new BuiltFile(RepositoryIndex.FileName, segments);
    }

    /// <summary>
    /// index.json up to its first package: the format, repository and source, and the opening of
    /// <c>packages</c>. (The packages of <paramref name="index"/> are not written.)
    /// </summary>
    public static byte[] Header(RepositoryIndex index)
    {
        using var buffer = new JsonOutputBuffer(1024);
        var writer = new CanonicalJsonWriter(buffer, JsonLayout.Compact);
        writer.StartObject();
        writer.Member("formatVersion"u8, index.FormatVersion);
        writer.PropertyName("repository"u8);
        writer.StartObject();
        writer.Member("name"u8, index.Repository.Name);
        writer.Member("description"u8, index.Repository.Description);
        writer.EndObject();
        writer.PropertyName("source"u8);
        writer.StartObject();
        writer.Member("commit"u8, index.Source.Commit);
        writer.EndObject();
        writer.PropertyName("packages"u8);
        writer.StartArray();
        return buffer.ToArray();
    }

    /// <summary>
    /// One package's entry with the separator in front (<see cref="SeparatorLength"/> bytes, left
    /// out for the first), so a streamed build writes each package's entry as it comes and keeps
    /// none of them. Uses <paramref name="writer"/>'s buffer, which it clears first.
    /// </summary>
    public static byte[] Entry(CanonicalJsonWriter writer, IndexPackage package)
    {
        writer.Output.Clear();
        writer.Reset();
        writer.Output.Write((byte)',');
        WritePackage(writer, package);
        return writer.Output.ToArray();
    }

    private static void WritePackage(CanonicalJsonWriter writer, IndexPackage package)
    {
        writer.StartObject();
        writer.Member("name"u8, package.Name);
        writer.Member("description"u8, package.Description);
        writer.PropertyName("tags"u8);
        WriteStrings(writer, package.Tags);
        writer.Member("maintainer"u8, package.Maintainer);
        writer.Member("framework"u8, package.Framework);
        writer.Member("selected"u8, package.Selected);
        PackageMembers.Latest(writer, package.Latest.Version, package.Latest.Revision);
        writer.PropertyName("versions"u8);
        writer.StartArray();
        foreach (var version in package.Versions) WriteVersion(writer, version);
        writer.EndArray();
        writer.EndObject();
    }

    private static void WriteVersion(CanonicalJsonWriter writer, IndexVersion version)
    {
        writer.StartObject();
        writer.Member("version"u8, version.Version);
        writer.Member("revision"u8, version.Revision);
        writer.Member(PackageFields.Utf8.PackagingVersion, version.PackagingVersion);
        writer.Member("minDcosReleaseVersion"u8, version.MinDcosReleaseVersion);
        writer.PropertyName("descriptors"u8);
        WriteStrings(writer, version.Descriptors);
        writer.Member("hasCli"u8, version.HasCli);
        PackageMembers.FileHashes(writer, version.Files.OrderBy(f => f.Key, StringComparer.Ordinal));
        writer.EndObject();
    }

    private static void WriteStrings(CanonicalJsonWriter writer, IReadOnlyList<string> values)
    {
        writer.StartArray();
        foreach (var value in values) writer.String(value);
        writer.EndArray();
    }
}
