using System.Text.Json.Nodes;
using Pipeline.Bumping.Assets;

namespace Pipeline.Bumping.Editing;

/// <summary>
/// The asset URLs of resource.json a bump changes. First every URL string (see
/// <see cref="ResourceUrls"/>) that contains the previous version gets the new version in its
/// place, each occurrence; then each <c>--asset KEY=URL</c> sets one, with <c>{{version}}</c> in
/// the given URL replaced by the new version.
/// </summary>
internal static class ResourceEdits
{
    public const string VersionPlaceholder = "{{version}}";

    /// <summary>Each URL of the previous revision's resource.json by its JSON Pointer, taken before any edit.</summary>
    public static IReadOnlyDictionary<string, string> Before(JsonFile? resource) =>
        resource is null ? new Dictionary<string, string>() : ResourceUrls.In(resource.Root).ToDictionary(u => u.Pointer, u => u.Value, StringComparer.Ordinal);

    /// <param name="before">From <see cref="Before"/>: a URL a <c>--set resource.json:…</c> changed is downloaded like the others.</param>
    /// <returns>Every URL that now differs from the previous revision's, with what it was ("" for a new one).</returns>
    /// <exception cref="BumpRefusal">An <c>--asset</c> is malformed or names nothing.</exception>
    public static IReadOnlyList<(ResourceUrl Url, string Previous)> Apply(JsonFile? resource, IReadOnlyDictionary<string, string> before, string previousVersion, string version, IReadOnlyList<string> assets)
    {
        if (resource is null)
        {
            if (assets.Count > 0) throw new BumpRefusal($"--asset {Planning.PackageFolder.Shown(assets[0])}: the latest revision has no resource.json");
            return [];
        }
        var urls = ResourceUrls.In(resource.Root);
        foreach (var url in urls)
        {
            if (url.Value.Contains(previousVersion, StringComparison.Ordinal)) url.Value = url.Value.Replace(previousVersion, version, StringComparison.Ordinal);
        }
        foreach (var asset in assets)
        {
            var equals = asset.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || equals == asset.Length - 1) throw new BumpRefusal($"--asset {Planning.PackageFolder.Shown(asset)}: expected KEY=URL, e.g. --asset jre-tar-gz=https://example.org/jre-{{{{version}}}}.tgz");
            var key = asset[..equals];
            var target = Find(urls, key) ?? throw new BumpRefusal(
                $"--asset {Planning.PackageFolder.Shown(key)}: resource.json has no such asset; it has {(urls.Count == 0 ? "none" : string.Join(", ", urls.Select(Name)))}");
            target.Value = asset[(equals + 1)..].Replace(VersionPlaceholder, version, StringComparison.Ordinal);
        }
        var changed = urls.Where(u => u.Value != before.GetValueOrDefault(u.Pointer)).Select(u => (u, before.GetValueOrDefault(u.Pointer) ?? "")).ToArray();
        if (changed.Length > 0) resource.Changed = true;
        return changed;
    }

    /// <summary>A name under assets.uris, else a dotted path (a CLI binary's path stands for its url).</summary>
    private static ResourceUrl? Find(IReadOnlyList<ResourceUrl> urls, string key) =>
        urls.FirstOrDefault(u => u.Path == "assets.uris." + key)
        ?? urls.FirstOrDefault(u => u.Path == key)
        ?? urls.FirstOrDefault(u => u.Binary is not null && u.Path == key + ".url");

    /// <summary>How a key is shown in a refusal: an assets.uris name bare, anything else by its path.</summary>
    private static string Name(ResourceUrl url) =>
        url.Path.StartsWith("assets.uris.", StringComparison.Ordinal) ? url.Path["assets.uris.".Length..]
        : url.Binary is not null ? url.Path[..^".url".Length]
        : url.Path;

    /// <summary>Sets the sha256 of a CLI binary in its contentHash (adding the entry when the list has none).</summary>
    /// <returns>Whether the binary had a contentHash list to write into.</returns>
    public static bool SetSha256(JsonObject binary, string sha256)
    {
        if (binary["contentHash"] is not JsonArray hashes) return false;
        foreach (var entry in hashes.OfType<JsonObject>())
        {
            if (entry["algo"] is JsonValue algo && algo.TryGetValue<string>(out var name) && string.Equals(name, "sha256", StringComparison.OrdinalIgnoreCase))
            {
                entry["value"] = sha256;
                return true;
            }
        }
        hashes.Add((JsonNode)new JsonObject { ["algo"] = "sha256", ["value"] = sha256 }); // the JsonNode overload: the generic one is not trim-safe
        return true;
    }
}
