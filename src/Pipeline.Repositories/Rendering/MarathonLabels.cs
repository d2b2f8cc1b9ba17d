using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Pipeline.Repositories.Sources;
using Pipeline.Packages.Documents;

namespace Pipeline.Repositories.Rendering;

/// <summary>
/// The labels Cosmos puts on every Marathon app it installs, over any the template set:
/// DCOS_PACKAGE_METADATA (base64 of the package's metadata and images), DCOS_PACKAGE_NAME,
/// DCOS_PACKAGE_VERSION, DCOS_PACKAGE_SOURCE (the repository), DCOS_PACKAGE_OPTIONS (base64 of the
/// user's options) and DCOS_PACKAGE_DEFINITION (base64 of a storage envelope holding the gzipped
/// package definition).
/// </summary>
public static class MarathonLabels
{
    public const string Metadata = "DCOS_PACKAGE_METADATA";
    public const string Name = "DCOS_PACKAGE_NAME";
    public const string Version = "DCOS_PACKAGE_VERSION";
    public const string Source = "DCOS_PACKAGE_SOURCE";
    public const string Options = "DCOS_PACKAGE_OPTIONS";
    public const string Definition = "DCOS_PACKAGE_DEFINITION";

    /// <summary>The fields of Cosmos's label.v1 PackageMetadata, in its order.</summary>
    private static readonly string[] MetadataFields =
    [
        PackageFields.PackagingVersion, PackageFields.Name, PackageFields.Version, PackageFields.Maintainer, PackageFields.Description,
        PackageFields.Tags, PackageFields.Selected, PackageFields.Scm, PackageFields.Website, PackageFields.Framework,
        PackageFields.PreInstallNotes, PackageFields.PostInstallNotes, PackageFields.PostUninstallNotes, PackageFields.Licenses,
    ];

    public static IReadOnlyDictionary<string, string> For(PackageDefinition package, string? source, JsonObject userOptions) =>
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Metadata] = Base64(MetadataOf(package)),
            [Name] = package.Name,
            [Version] = package.Version,
            [Source] = source ?? "",
            [Options] = Base64(userOptions),
            [Definition] = Base64(Envelope(package)),
        };

    public static JsonObject MetadataOf(PackageDefinition package)
    {
        var metadata = new JsonObject();
        foreach (var field in MetadataFields)
        {
            if (package.Package[field] is { } value) metadata[field] = value.DeepClone();
        }
        metadata["selected"] ??= false;
        metadata["framework"] ??= false;
        if (package.Resource?["images"] is { } images) metadata["images"] = images.DeepClone();
        return metadata;
    }

    /// <summary>The package as a DC/OS repository lists it: metadata, releaseVersion, config, resource, command, base64 template.</summary>
    public static JsonObject DefinitionOf(PackageDefinition package)
    {
        var definition = (JsonObject)package.Package.DeepClone();
        definition["releaseVersion"] = package.ReleaseVersion;
        if (package.Config is not null) definition["config"] = package.Config.DeepClone();
        if (package.Resource is not null) definition["resource"] = package.Resource.DeepClone();
        if (package.Command is not null) definition["command"] = package.Command.DeepClone();
        if (package.Marathon is { } marathon)
        {
            definition["marathon"] = new JsonObject { ["v2AppMustacheTemplate"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(marathon.Template)) };
        }
        return definition;
    }

    private static JsonObject Envelope(PackageDefinition package)
    {
        var json = Encoding.UTF8.GetBytes(JsonOutput.Write(JsonOutput.DropNulls(DefinitionOf(package)), indented: false));
        using var gzipped = new MemoryStream();
        using (var gzip = new GZipStream(gzipped, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(json);
        var major = package.PackagingVersion?.Split('.')[0] ?? "4";
        return new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["Content-Type"] = $"application/vnd.dcos.universe.package+json;charset=utf-8;version=v{major}",
                ["Content-Encoding"] = "gzip",
            },
            ["data"] = Convert.ToBase64String(gzipped.ToArray()),
        };
    }

    private static string Base64(JsonNode node) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonOutput.Write(JsonOutput.DropNulls(node), indented: false)));
}
