using System.Text.Json.Nodes;

namespace Pipeline.Repositories.Sources;

/// <summary>
/// Everything about one version of a package, whichever kind of repository it came from:
/// <see cref="Package"/> is package.json's metadata (without config, resource or templates),
/// <see cref="Config"/> the options schema, <see cref="Resource"/> resource.json.
/// </summary>
public sealed record PackageDefinition(
    string Name,
    string Version,
    int ReleaseVersion,
    string? PackagingVersion,
    JsonObject Package,
    JsonObject? Config,
    JsonObject? Resource,
    JsonObject? Command,
    IReadOnlyList<DescriptorTemplate> Descriptors)
{
    public DescriptorTemplate? Marathon => Descriptors.FirstOrDefault(d => d.Name.IsMarathon);

    public PackageSummary Summary() => PackageFacts.Summarize(Package, Name, Version, ReleaseVersion);
}
