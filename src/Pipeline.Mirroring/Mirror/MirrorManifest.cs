using System.Text;
using System.Text.Json.Nodes;
using JsonParser = Pipeline.Json.Parsing.JsonParser;
using Pipeline.Repositories.Rendering;

namespace Pipeline.Mirroring.Mirror;

/// <summary>
/// <c>mirror-manifest.json</c> in the target: the revisions mirrored completely (with the base URL
/// their assets were rewritten to) and every file downloaded with its digest, so that a run after
/// an interrupted or failed one does only what is left. Saved after every revision.
/// </summary>
public sealed class MirrorManifest
{
    public const string FileName = "mirror-manifest.json";

    private readonly Dictionary<(string Name, int Revision), RevisionEntry> _revisions = [];
    private readonly Dictionary<string, AssetEntry> _assets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Package, string Version, DockerImage Image)> _docker = new(StringComparer.Ordinal);

    public string? Source { get; set; }

    public IReadOnlyCollection<RevisionEntry> Revisions => _revisions.Values;

    public IReadOnlyCollection<AssetEntry> Assets => _assets.Values;

    /// <summary>The manifest at <paramref name="path"/>; an empty one when there is none or it cannot be read (everything is then redone).</summary>
    public static MirrorManifest Load(string path)
    {
        var manifest = new MirrorManifest();
        byte[] bytes;
        try
        {
            if (!File.Exists(path)) return manifest;
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return manifest;
        }
        if (JsonParser.Parse(bytes).Root?.ToJsonNode() is not JsonObject root) return manifest;
        manifest.Source = Text(root["source"]);
        foreach (var entry in (root["revisions"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (Text(entry["name"]) is { } name && Text(entry["version"]) is { } version && Number(entry["revision"]) is { } revision and >= 0 and <= int.MaxValue)
            {
                manifest._revisions[(name, (int)revision)] = new RevisionEntry(name, version, (int)revision, Text(entry["assetsBaseUrl"]));
            }
        }
        foreach (var entry in (root["assets"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (Text(entry["url"]) is { } url && Text(entry["path"]) is { } file && Text(entry["sha256"]) is { } sha && Number(entry["bytes"]) is { } length)
            {
                manifest._assets[url] = new AssetEntry(url, file, sha, length);
            }
        }
        return manifest;
    }

    /// <summary>The revision was mirrored completely, to the same number and with assets at the same base URL (null: none).</summary>
    public bool IsDone(SelectedRevision revision, Uri? assetsBaseUrl) =>
        _revisions.TryGetValue((revision.Name, revision.Revision), out var entry)
        && entry.Version == revision.Version && entry.AssetsBaseUrl == assetsBaseUrl?.AbsoluteUri;

    public void MarkDone(SelectedRevision revision, Uri? assetsBaseUrl) =>
        _revisions[(revision.Name, revision.Revision)] = new RevisionEntry(revision.Name, revision.Version, revision.Revision, assetsBaseUrl?.AbsoluteUri);

    public void Forget(SelectedRevision revision) => _revisions.Remove((revision.Name, revision.Revision));

    /// <summary>The file downloaded from <paramref name="url"/>, or null when there is none on record.</summary>
    public AssetEntry? Asset(Uri url) => _assets.GetValueOrDefault(url.AbsoluteUri);

    public void AddAsset(AssetEntry asset) => _assets[asset.Url] = asset;

    public void AddDockerImage(string package, string version, DockerImage image) => _docker[image.Reference] = (package, version, image);

    /// <summary>Writes the manifest beside itself and renames it into place, so a crash never leaves half a file.</summary>
    public void Save(string path)
    {
        var root = new JsonObject
        {
            ["formatVersion"] = "1",
            ["source"] = Source,
            ["revisions"] = new JsonArray(_revisions.Values.OrderBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.Revision)
                .Select(r => (JsonNode)new JsonObject { ["name"] = r.Name, ["version"] = r.Version, ["revision"] = r.Revision, ["assetsBaseUrl"] = r.AssetsBaseUrl }).ToArray()),
            ["assets"] = new JsonArray(_assets.Values.OrderBy(a => a.Path, StringComparer.Ordinal)
                .Select(a => (JsonNode)new JsonObject { ["url"] = a.Url, ["path"] = a.Path, ["sha256"] = a.Sha256, ["bytes"] = a.Bytes }).ToArray()),
            // Docker images are not downloaded: listed so they can be copied to a registry.
            ["dockerImages"] = new JsonArray(_docker.Values.OrderBy(d => d.Image.Reference, StringComparer.Ordinal)
                .Select(d => (JsonNode)new JsonObject { ["package"] = d.Package, ["version"] = d.Version, ["alias"] = d.Image.Alias, ["image"] = d.Image.Reference }).ToArray()),
        };
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonOutput.Write(root, indented: true) + "\n", new UTF8Encoding(false));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>A whole number however the parser stored it.</summary>
    private static long? Number(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.Number
        && long.TryParse(value.ToJsonString(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue(out string? text) ? text : null;
}

/// <summary>A revision the mirror holds completely.</summary>
public sealed record RevisionEntry(string Name, string Version, int Revision, string? AssetsBaseUrl);

/// <summary>A downloaded file: where from, where it is ('/'-separated, relative to the target), its digest and size.</summary>
public sealed record AssetEntry(string Url, string Path, string Sha256, long Bytes);
