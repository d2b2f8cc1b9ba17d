using Pipeline.Build.Json;

namespace Pipeline.Build.Output;

/// <summary>The members index.json and the package documents write alike.</summary>
internal static class PackageMembers
{
    /// <summary><c>"latest": {"version", "revision"}</c>: the package's newest revision.</summary>
    public static void Latest(CanonicalJsonWriter writer, string? version, int revision)
    {
        writer.PropertyName("latest"u8);
        writer.StartObject();
        writer.Member("version"u8, version);
        writer.Member("revision"u8, revision);
        writer.EndObject();
    }

    /// <summary><c>"files": {"&lt;file&gt;": "&lt;sha256&gt;"}</c>, in the order given.</summary>
    public static void FileHashes(CanonicalJsonWriter writer, IEnumerable<KeyValuePair<string, string>> files)
    {
        writer.PropertyName("files"u8);
        writer.StartObject();
        foreach (var (name, hash) in files)
        {
            writer.PropertyName(name);
            writer.String(hash);
        }
        writer.EndObject();
    }
}
