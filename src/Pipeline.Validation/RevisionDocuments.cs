using Pipeline.Json.Dom;
using Pipeline.Json.Options;
using Pipeline.Json;
using Pipeline.Packages.Model;
using Pipeline.Packages;

namespace Pipeline.Validation;

/// <summary>The parsed JSON files of one revision (null when absent or unparsable).</summary>
public sealed record RevisionDocuments(PackageRevision Revision, JsonDatum? Package, JsonDatum? Config, JsonDatum? Resource, JsonDatum? Command)
{
    private OptionTree? _options;

    /// <summary>
    /// The options config.json describes, read through composition once and shared by every rule
    /// that reads the options schema; null without a config.json.
    /// </summary>
    public OptionTree? Options => Config is null ? null : _options is { } known && ReferenceEquals(known.Schema, Config) ? known : _options = OptionTree.Read(Config);

    /// <summary>packagingVersion when it is one of the supported strings, else null.</summary>
    public string? PackagingVersion =>
        Package?["packagingVersion"] is { Kind: JsonKind.String, String: { } v } && Schemas.SchemaSet.PackagingVersions.Contains(v) ? v : null;

    public string? Version => Package?["version"] is { Kind: JsonKind.String } v ? v.String : null;

    public string? MinDcosReleaseVersion => Package?["minDcosReleaseVersion"] is { Kind: JsonKind.String } v ? v.String : null;
}
