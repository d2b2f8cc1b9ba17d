using System.Text.RegularExpressions;
using Pipeline.Diagnostics;
using Pipeline.Json.Dom;
using Pipeline.Json;
using Pipeline.Packages.Settings;
using Pipeline.Packages;
using Pipeline.Validation.Files;
using Pipeline.Validation.Schemas;
using Pipeline.Packages.Documents;

namespace Pipeline.Validation.Rules;

/// <summary>resource.json: its schema, sha256 checksums and image URLs.</summary>
public static partial class ResourceRules
{
    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex Sha256();

    public static void Check(RevisionDocuments documents, RepositorySettings settings, List<Diagnostic> diagnostics)
    {
        if (documents.Resource?.Root is not { } resource || documents.Revision.ResourceJson is not { } file) return;
        var path = file.RelativePath;
        var specific = new List<Diagnostic>();
        CheckHashes(resource, path, specific);
        CheckImages(resource, path, specific);
        // The dedicated rules say more than the schema's pattern/format errors at the same place.
        var covered = specific.Select(d => (d.Line, d.Column)).ToHashSet();
        SchemaDiagnostics.Validate(SchemaSet.Resource, resource, path, null, diagnostics,
            skip: e => covered.Contains((e.Position.Line, e.Position.Column)));
        diagnostics.AddRange(specific);
    }

    private static void CheckHashes(JsonDatum resource, string path, List<Diagnostic> diagnostics)
    {
        if (resource["cli"]?["binaries"] is not { Kind: JsonKind.Object } binaries) return;
        foreach (var platform in binaries.Properties)
        {
            foreach (var arch in platform.Value.Properties)
            {
                if (arch.Value["contentHash"] is not { Kind: JsonKind.Array } hashes) continue;
                foreach (var hash in hashes.Items)
                {
                    if (hash["algo"] is not { String: "sha256" } || hash["value"] is not { } value) continue;
                    if (value.Kind == JsonKind.String && Sha256().IsMatch(value.String!)) continue;
                    var shown = value.Kind == JsonKind.String ? $"\"{Truncate(value.String!)}\" ({value.String!.Length} characters)" : PackageJsonRules.Describe(value);
                    diagnostics.Add(RuleCatalog.BadSha256.At(path, value.Position,
                        $"the sha256 of the {platform.Name} {arch.Name} CLI binary is {shown}, not 64 hexadecimal digits"));
                }
            }
        }
    }

    private static void CheckImages(JsonDatum resource, string path, List<Diagnostic> diagnostics)
    {
        if (resource["images"] is not { Kind: JsonKind.Object } images) return;
        foreach (var image in images.Properties)
        {
            if (image.Value.Kind == JsonKind.Array)
            {
                foreach (var item in image.Value.Items) CheckUrl(item, $"images.{image.Name}[]", path, diagnostics);
            }
            else
            {
                CheckUrl(image.Value, $"images.{image.Name}", path, diagnostics);
            }
        }
    }

    private static void CheckUrl(JsonDatum value, string field, string path, List<Diagnostic> diagnostics)
    {
        if (value.Kind == JsonKind.String
            && Uri.TryCreate(value.String, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
        {
            return;
        }
        diagnostics.Add(RuleCatalog.BadImageUrl.At(path, value.Position,
            $"`{field}` is {PackageJsonRules.Describe(value)}, not an absolute http(s) URL"));
    }

    private static string Truncate(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
