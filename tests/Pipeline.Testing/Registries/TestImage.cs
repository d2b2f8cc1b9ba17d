using System.Formats.Tar;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Pipeline.Testing.Registries;

/// <summary>A manifest or blob of a test image: its exact bytes, digest and media type.</summary>
public sealed record TestContent(string MediaType, byte[] Bytes)
{
    public string Digest => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Bytes));

    public JsonObject Descriptor() => new() { ["mediaType"] = MediaType, ["digest"] = Digest, ["size"] = Bytes.Length };
}

/// <summary>
/// A small multi-platform image made from blobs, as a build would make it: per platform a config
/// JSON and one gzip layer holding one file, an OCI manifest for each, and an OCI index over them.
/// <see cref="PushAsync"/> uploads it with plain API calls (not the product's pusher).
/// </summary>
public sealed class TestImage
{
    public const string IndexType = "application/vnd.oci.image.index.v1+json";
    public const string ManifestType = "application/vnd.oci.image.manifest.v1+json";

    private TestImage(TestContent index, IReadOnlyDictionary<string, TestContent> manifests, IReadOnlyDictionary<string, IReadOnlyList<TestContent>> blobs)
    {
        Index = index;
        Manifests = manifests;
        Blobs = blobs;
    }

    public TestContent Index { get; }

    /// <summary>Per platform ("linux/amd64"), its manifest.</summary>
    public IReadOnlyDictionary<string, TestContent> Manifests { get; }

    /// <summary>Per platform, its config and layer.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<TestContent>> Blobs { get; }

    public IEnumerable<TestContent> AllBlobs => Blobs.Values.SelectMany(b => b);

    public static TestImage Create(string seed, params string[] platforms)
    {
        var manifests = new Dictionary<string, TestContent>();
        var blobs = new Dictionary<string, IReadOnlyList<TestContent>>();
        var entries = new JsonArray();
        foreach (var platform in platforms.Length == 0 ? ["linux/amd64", "linux/arm64"] : platforms)
        {
            var (os, architecture) = (platform.Split('/')[0], platform.Split('/')[1]);
            var (layer, diffId) = Layer($"{seed} for {platform}\n");
            var config = new TestContent("application/vnd.oci.image.config.v1+json", Json(new JsonObject
            {
                ["architecture"] = architecture,
                ["os"] = os,
                ["config"] = new JsonObject { ["Cmd"] = new JsonArray("/hello") },
                ["rootfs"] = new JsonObject { ["type"] = "layers", ["diff_ids"] = new JsonArray(diffId) },
            }));
            var manifest = new TestContent(ManifestType, Json(new JsonObject
            {
                ["schemaVersion"] = 2,
                ["mediaType"] = ManifestType,
                ["config"] = config.Descriptor(),
                ["layers"] = new JsonArray(layer.Descriptor()),
            }));
            manifests[platform] = manifest;
            blobs[platform] = [config, layer];
            var entry = manifest.Descriptor();
            entry["platform"] = new JsonObject { ["architecture"] = architecture, ["os"] = os };
            entries.Add(entry);
        }
        var index = new TestContent(IndexType, Json(new JsonObject { ["schemaVersion"] = 2, ["mediaType"] = IndexType, ["manifests"] = entries }));
        return new TestImage(index, manifests, blobs);
    }

    /// <summary>Uploads every blob (POST, then PUT ?digest=), the manifests by digest, and the index by digest and <paramref name="tag"/>.</summary>
    public async Task PushAsync(HttpClient http, Uri registry, string repository, string tag, CancellationToken cancellationToken = default)
    {
        foreach (var blob in AllBlobs)
        {
            using var start = await http.PostAsync(new Uri(registry, $"v2/{repository}/blobs/uploads/"), null, cancellationToken);
            Expect(start, HttpStatusCode.Accepted);
            var location = new Uri(registry, start.Headers.Location!);
            var separator = location.Query.Length > 0 ? "&" : "?";
            using var body = new ByteArrayContent(blob.Bytes);
            body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            using var done = await http.PutAsync(new Uri(location + separator + "digest=" + Uri.EscapeDataString(blob.Digest)), body, cancellationToken);
            Expect(done, HttpStatusCode.Created);
        }
        foreach (var manifest in Manifests.Values) await PutManifestAsync(http, registry, repository, manifest.Digest, manifest, cancellationToken);
        await PutManifestAsync(http, registry, repository, Index.Digest, Index, cancellationToken);
        await PutManifestAsync(http, registry, repository, tag, Index, cancellationToken);
    }

    private static async Task PutManifestAsync(HttpClient http, Uri registry, string repository, string reference, TestContent manifest, CancellationToken cancellationToken)
    {
        using var body = new ByteArrayContent(manifest.Bytes);
        body.Headers.ContentType = new MediaTypeHeaderValue(manifest.MediaType);
        using var response = await http.PutAsync(new Uri(registry, $"v2/{repository}/manifests/{reference}"), body, cancellationToken);
        Expect(response, HttpStatusCode.Created);
    }

    private static void Expect(HttpResponseMessage response, HttpStatusCode status)
    {
        if (response.StatusCode != status) throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode}, expected {(int)status}");
    }

    private static byte[] Json(JsonObject json) => Encoding.UTF8.GetBytes(json.ToJsonString());

    /// <summary>A gzip tar holding one file, and the digest of the uncompressed tar (the config's diff_id).</summary>
    private static (TestContent Layer, string DiffId) Layer(string text)
    {
        using var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            var entry = new PaxTarEntry(TarEntryType.RegularFile, "hello.txt") { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(text)) };
            writer.WriteEntry(entry);
        }
        using var gzip = new MemoryStream();
        using (var compressor = new GZipStream(gzip, CompressionLevel.Optimal, leaveOpen: true)) compressor.Write(tar.ToArray());
        return (new TestContent("application/vnd.oci.image.layer.v1.tar+gzip", gzip.ToArray()), "sha256:" + Convert.ToHexStringLower(SHA256.HashData(tar.ToArray())));
    }
}
