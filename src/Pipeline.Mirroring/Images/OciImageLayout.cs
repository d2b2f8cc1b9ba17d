using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Pipeline.Repositories.Rendering;
using JsonParser = Pipeline.Json.Parsing.JsonParser;

namespace Pipeline.Mirroring.Images;

/// <summary>
/// An OCI image layout folder (<c>oci-layout</c>, <c>index.json</c>, <c>blobs/sha256/&lt;hex&gt;</c>):
/// every blob is written beside its place and renamed into it once complete and verified, so a
/// file under a digest's name always holds that digest's content and an interrupted run restarts
/// only the blob it was writing. <c>index.json</c> has one entry per image, named by the original
/// reference in <c>org.opencontainers.image.ref.name</c>.
/// </summary>
public sealed class OciImageLayout
{
    public const string RefName = "org.opencontainers.image.ref.name";

    /// <summary>On an index written with only some platforms: the digest of the registry's full index.</summary>
    public const string SourceDigest = "io.universe.source.digest";

    private readonly Lock _index = new();

    public OciImageLayout(string folder)
    {
        Folder = folder;
        Directory.CreateDirectory(Path.Combine(folder, "blobs", "sha256"));
        if (!IsLayout(folder)) WriteAtomically(Path.Combine(folder, "oci-layout"), Encoding.UTF8.GetBytes("{\"imageLayoutVersion\":\"1.0.0\"}\n"));
    }

    public string Folder { get; }

    public string BlobPath(ImageDigest digest) => BlobPath(Folder, digest);

    public static string BlobPath(string folder, ImageDigest digest) => Path.Combine(folder, "blobs", "sha256", digest.Hex);

    /// <summary>Whether <paramref name="folder"/> is an image layout (has its <c>oci-layout</c> file); nothing is created.</summary>
    public static bool IsLayout(string folder) => File.Exists(Path.Combine(folder, "oci-layout"));

    /// <summary>Whether the blob is present with its size and digest; a file that is not is deleted.</summary>
    public bool HasVerified(ImageDigest digest, long size)
    {
        var path = BlobPath(digest);
        var file = new FileInfo(path);
        if (!file.Exists) return false;
        bool good;
        using (var stream = file.OpenRead())
        {
            good = stream.Length == size && Convert.ToHexStringLower(SHA256.HashData(stream)) == digest.Hex;
        }
        if (!good) File.Delete(path);
        return good;
    }

    /// <summary>Fills a temporary file with <paramref name="fill"/> (which verifies what it writes) and renames it to the digest's name; on failure nothing stays.</summary>
    public async Task WriteBlobAsync(ImageDigest digest, Func<Stream, Task> fill)
    {
        var path = BlobPath(digest);
        // What an interrupted run left of this blob is started over, not trusted.
        foreach (var stale in Directory.EnumerateFiles(Path.GetDirectoryName(path)!, digest.Hex + ".*.part")) File.Delete(stale);
        var part = $"{path}.{Guid.NewGuid():N}.part";
        try
        {
            await using (var stream = new FileStream(part, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                await fill(stream).ConfigureAwait(false);
            }
            File.Move(part, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(part)) File.Delete(part);
        }
    }

    /// <summary>Writes content already checked against <paramref name="digest"/> (a manifest).</summary>
    public void WriteBlob(ImageDigest digest, ReadOnlySpan<byte> content) => WriteAtomically(BlobPath(digest), content);

    public byte[] ReadBlob(ImageDigest digest) => File.ReadAllBytes(BlobPath(digest));

    public Stream OpenBlob(ImageDigest digest) => new FileStream(BlobPath(digest), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);

    /// <summary>Records <paramref name="image"/> in index.json under <paramref name="reference"/>, replacing an entry of that name.</summary>
    public void AddImage(ContentDescriptor image, string reference, ImageDigest? sourceDigest = null)
    {
        lock (_index)
        {
            var entries = ReadIndex().Where(e => e.Reference != reference).ToList();
            entries.Add(new LayoutImage(image, reference, sourceDigest));
            var manifests = entries.OrderBy(e => e.Reference, StringComparer.Ordinal).Select(e =>
            {
                var json = e.Descriptor.ToJson();
                var annotations = new JsonObject { [RefName] = e.Reference };
                if (e.SourceDigest is not null) annotations[SourceDigest] = e.SourceDigest.ToString();
                json["annotations"] = annotations;
                return (JsonNode)json;
            });
            var root = new JsonObject { ["schemaVersion"] = 2, ["mediaType"] = ManifestDocument.OciIndex, ["manifests"] = new JsonArray(manifests.ToArray()) };
            WriteAtomically(Path.Combine(Folder, "index.json"), Encoding.UTF8.GetBytes(JsonOutput.Write(root, indented: true) + "\n"));
        }
    }

    /// <summary>The images index.json names; entries it cannot read are passed over.</summary>
    public IReadOnlyList<LayoutImage> ReadIndex() => ReadIndex(Folder);

    /// <summary>The images the index.json of the layout in <paramref name="folder"/> names, read without writing anything.</summary>
    public static IReadOnlyList<LayoutImage> ReadIndex(string folder)
    {
        var path = Path.Combine(folder, "index.json");
        if (!File.Exists(path) || JsonParser.Parse(File.ReadAllBytes(path)).Root?.ToJsonNode() is not JsonObject root) return [];
        var images = new List<LayoutImage>();
        foreach (var node in root["manifests"] as JsonArray ?? [])
        {
            if (ContentDescriptor.Read(node) is { } descriptor && node?["annotations"]?[RefName] is JsonValue v && v.TryGetValue(out string? reference))
            {
                var source = node["annotations"]?[SourceDigest] is JsonValue s && s.TryGetValue(out string? text) ? ImageDigest.Parse(text) : null;
                images.Add(new LayoutImage(descriptor, reference, source));
            }
        }
        return images;
    }

    private static void WriteAtomically(string path, ReadOnlySpan<byte> content)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}.part";
        File.WriteAllBytes(temporary, content.ToArray());
        File.Move(temporary, path, overwrite: true);
    }
}

/// <summary>One image of a layout: its top manifest or index, the reference it was copied from, and the full index's digest when only some platforms were kept.</summary>
public sealed record LayoutImage(ContentDescriptor Descriptor, string Reference, ImageDigest? SourceDigest);
