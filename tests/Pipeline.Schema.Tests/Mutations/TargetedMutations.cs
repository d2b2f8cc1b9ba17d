using Newtonsoft.Json.Linq;

namespace Pipeline.Schema.Tests.Mutations;

/// <summary>
/// Mutations aimed at the rules of one kind of file: broken patterns, values outside an enum, bad digests,
/// empty lists that must not be empty. A mutation is made only where its target exists in the document
/// (or, for one that adds a member, where the target's parent exists).
/// packagingVersion "9.0" is not among them: it selects no schema of ours, so there is nothing to compare.
/// </summary>
internal static class TargetedMutations
{
    public static IEnumerable<Mutation> For(string fileName, JToken document) => fileName switch
    {
        "package.json" => Apply(document, Package(document)),
        "resource.json" => Apply(document, Resource(document)),
        "command.json" => Apply(document, Command()),
        "config.json" => Apply(document, Config(document)),
        _ => [],
    };

    /// <summary>Sets the value at <see cref="Pointer"/>; <see cref="Adds"/> allows the last member to be new.</summary>
    private sealed record Change(string Kind, string Pointer, JToken? Value, bool Adds = false);

    private static IEnumerable<Change> Package(JToken doc)
    {
        yield return new("pattern:name-uppercase", "/name", "Bad-Name");
        yield return new("pattern:name-leading-hyphen", "/name", "-name");
        yield return new("pattern:name-trailing-hyphen", "/name", "name-");
        yield return new("pattern:version-space", "/version", "1.0 beta");
        yield return new("pattern:version-plus", "/version", "1.0+build");
        yield return new("pattern:tag-whitespace", "/tags/0", "two words");
        yield return new("pattern:license-url-no-scheme", "/licenses/0/url", "www.apache.org/licenses/LICENSE-2.0");
        yield return new("pattern:license-url-ftp", "/licenses/0/url", "ftp://example.com/LICENSE");
        yield return new("required:license-url", "/licenses/0/url", null);
        yield return new("unknown-key:license", "/licenses/0/spdx", "MIT", Adds: true);
        yield return new("pattern:min-dcos-letters", "/minDcosReleaseVersion", "1.x");
        yield return new("pattern:min-dcos-leading-zero", "/minDcosReleaseVersion", "1.08");
        yield return new("pattern:manager-name-uppercase", "/manager/packageName", "Kubernetes");
        yield return new("pattern:manager-version-space", "/manager/minPackageVersion", "1 0", Adds: true);
        yield return new("unknown-key:manager", "/manager/extra", "x", Adds: true);
        yield return new("enum:packaging-version-number", "/packagingVersion", 3.0);
        // A field of a newer packaging version in an older file.
        if (doc["packagingVersion"]?.ToString() is { } version && version != "5.0")
        {
            yield return new("version-field:manager", "/manager", new JObject { ["packageName"] = "kubernetes" }, Adds: true);
            if (version is "2.0" or "3.0") yield return new("version-field:upgradesFrom", "/upgradesFrom", new JArray("*"), Adds: true);
            if (version is "2.0") yield return new("version-field:minDcosReleaseVersion", "/minDcosReleaseVersion", "1.10", Adds: true);
        }
    }

    private static IEnumerable<Change> Resource(JToken doc)
    {
        yield return new("pattern:icon-no-scheme", "/images/icon-small", "downloads.example.com/icon.png");
        yield return new("pattern:screenshot-no-scheme", "/images/screenshots/0", "downloads.example.com/shot.png");
        if (doc["cli"]?["binaries"] is not JObject binaries) yield break;
        foreach (var platform in binaries.Properties().Select(p => p.Name))
        {
            var binary = $"/cli/binaries/{platform}/x86-64";
            yield return new("enum:cli-kind", $"{binary}/kind", "tarball");
            yield return new("pattern:cli-url-no-scheme", $"{binary}/url", "downloads.example.com/cli");
            yield return new("enum:hash-algo", $"{binary}/contentHash/0/algo", "md5");
            yield return new("sha256:too-short", $"{binary}/contentHash/0/value", new string('a', 63));
            yield return new("sha256:too-long", $"{binary}/contentHash/0/value", new string('a', 65));
            yield return new("sha256:not-hex", $"{binary}/contentHash/0/value", new string('g', 64));
            yield return new("sha256:prefixed", $"{binary}/contentHash/0/value", "sha256:" + new string('a', 64));
            yield return new("min-items:content-hash", $"{binary}/contentHash", new JArray());
            yield return new("unknown-architecture", $"/cli/binaries/{platform}/arm64", binaries[platform]?["x86-64"]?.DeepClone() ?? new JObject(), Adds: true);
        }
        yield return new("min-properties:binaries", "/cli/binaries", new JObject());
        yield return new("unknown-platform", "/cli/binaries/plan9", new JObject(), Adds: true);
    }

    private static IEnumerable<Change> Command() =>
    [
        new("empty:pip", "/pip", new JArray()),
        new("wrong-type:pip-item", "/pip/0", 1),
    ];

    private static IEnumerable<Change> Config(JToken doc)
    {
        yield return new("enum:root-type", "/type", "objects", Adds: true);
        yield return new("empty:root-required", "/required", new JArray(), Adds: true);
        yield return new("duplicates:root-required", "/required", new JArray("a", "a"), Adds: true);
        if (doc["properties"] is not JObject properties || properties.Properties().FirstOrDefault() is not { } first) yield break;
        var option = "/properties/" + first.Name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
        yield return new("enum:option-type", $"{option}/type", "strin", Adds: true);
        yield return new("duplicates:option-type-list", $"{option}/type", new JArray("string", "string"), Adds: true);
        yield return new("empty:option-enum", $"{option}/enum", new JArray(), Adds: true);
        yield return new("negative:option-min-length", $"{option}/minLength", -1, Adds: true);
        yield return new("fraction:option-max-items", $"{option}/maxItems", 1.5, Adds: true);
        yield return new("empty:option-all-of", $"{option}/allOf", new JArray(), Adds: true);
        yield return new("zero:option-multiple-of", $"{option}/multipleOf", 0, Adds: true);
        yield return new("dependency:option-exclusive-minimum", $"{option}/exclusiveMinimum", true, Adds: true);
    }

    private static IEnumerable<Mutation> Apply(JToken doc, IEnumerable<Change> changes)
    {
        foreach (var change in changes)
        {
            var cut = change.Pointer.LastIndexOf('/');
            var parentPointer = change.Pointer[..cut];
            var member = JsonPointer.Unescape(change.Pointer[(cut + 1)..]);
            if (JsonPointer.Find(doc, parentPointer) is not { } parent) continue;
            var exists = parent switch
            {
                JObject obj => obj.ContainsKey(member),
                JArray array => int.TryParse(member, out var i) && i < array.Count,
                _ => false,
            };
            if (!exists && !(change.Adds && parent is JObject)) continue;
            var edited = TreeMutator.Edit(doc, parentPointer, change.Kind, target =>
            {
                if (target is JArray array) array[int.Parse(member, System.Globalization.CultureInfo.InvariantCulture)] = change.Value!.DeepClone();
                else if (change.Value is null) ((JObject)target).Remove(member);
                else target[member] = change.Value.DeepClone();
            });
            yield return edited with { Pointer = change.Pointer };
        }
    }
}
