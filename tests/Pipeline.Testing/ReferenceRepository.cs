using System.IO.Compression;
using System.Text.Json;

namespace Pipeline.Testing;

/// <summary>The files Universe's own build made of the shared corpus (gzipped JSON and content types).</summary>
public static class ReferenceRepository
{
    public static JsonDocument ReadJson(string stem) => JsonDocument.Parse(ReadBytes(stem));

    /// <summary>The file <c>&lt;stem&gt;.json</c>, decompressed.</summary>
    public static byte[] ReadBytes(string stem)
    {
        using var file = File.OpenRead(Path.Combine(SharedCorpus.Reference, stem + ".json.gz"));
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        gzip.CopyTo(buffer);
        return buffer.ToArray();
    }

    public static byte[] ReadContentType(string stem) =>
        File.ReadAllBytes(Path.Combine(SharedCorpus.Reference, stem + ".content_type"));

    /// <summary>The media type Universe serves <c>&lt;stem&gt;.json</c> with.</summary>
    public static string MediaType(string stem) => System.Text.Encoding.ASCII.GetString(ReadContentType(stem)).Trim();

    /// <summary>
    /// The packages of a repository file by name, then releaseVersion. Universe lists them in the
    /// order its directory listing returned them, which no file system defines; we list them sorted.
    /// </summary>
    public static List<JsonElement> SortedPackages(JsonDocument repository) =>
        [.. repository.RootElement.GetProperty("packages").EnumerateArray()
            .OrderBy(p => p.GetProperty("name").GetString(), StringComparer.Ordinal)
            .ThenBy(p => p.GetProperty("releaseVersion").GetInt32())];
}
