using System.Text.Json.Nodes;
using System.Text;
using Pipeline.Packages.Model;
using Pipeline.Packages.Documents;

namespace Pipeline.Repositories.Sources;

/// <summary>
/// A DC/OS repository file (<c>universe.json</c>, <c>repo-up-to-*.json</c>, a <c>/repo</c> answer;
/// repository versions v3, v4 and v5): <c>{"packages": [ {name, version, releaseVersion,
/// packagingVersion, config, resource, marathon: {v2AppMustacheTemplate: base64}, …} ]}</c>, one
/// object per revision. Read whole and strictly, as Cosmos reads it: a file whose packages are not
/// an array of objects each with a string name and version and a whole releaseVersion is refused,
/// naming the first offending entry. Every revision is listed (one version may have several, the
/// real Universe has 36 such); a name and version resolve to the highest releaseVersion, and a
/// repeated name and releaseVersion keeps the later entry.
/// </summary>
public sealed class DcosRepositorySource : IPackageSource
{
    private const string MediaTypePrefix = "application/vnd.dcos.universe.repo+json";
    private static readonly string[] SupportedVersions = ["v3", "v4", "v5"];
    private static readonly string[] Parts = ["config", "resource", "marathon", "command", "releaseVersion"];

    private readonly Dictionary<(string Name, int ReleaseVersion), JsonObject> _revisions = [];
    private readonly Dictionary<(string Name, string Version), int> _latest = [];
    private readonly IReadOnlyList<PackageSummary> _summaries;
    private readonly bool _configEscaped;

    /// <param name="document">The repository file, already fetched.</param>
    /// <param name="mediaType">The media type the server gave, checked when it is a DC/OS one.</param>
    /// <param name="address">Where it came from: without a DC/OS media type, a <c>repo-up-to-1.8/1.9.json</c> name says v3.</param>
    /// <exception cref="SourceUnavailableException">An unsupported repository version or a malformed package list.</exception>
    public DcosRepositorySource(string location, JsonObject document, string? mediaType, Uri? address = null)
    {
        Location = location;
        RepositoryVersion = DcosRepositoryVersion.Of(mediaType, address);
        if (RepositoryVersion is { } version && !SupportedVersions.Contains(version))
        {
            throw new SourceUnavailableException($"{location}: DC/OS repository version {version} is not supported (v3, v4 and v5 are)");
        }
        _configEscaped = RepositoryVersion == "v3";
        if (document["packages"] is not JsonArray packages) throw Malformed("`packages` is not an array");
        var summaries = new Dictionary<(string, int), PackageSummary>();
        for (var i = 0; i < packages.Count; i++)
        {
            if (packages[i] is not JsonObject package) throw Malformed($"packages[{i}] is not an object");
            var name = PackageFacts.String(package, PackageFields.Name) ?? throw Malformed($"packages[{i}] has no string `name`");
            var number = PackageFacts.String(package, PackageFields.Version) ?? throw Malformed($"packages[{i}] ({name}) has no string `version`");
            if (PackageFacts.Integer(package, PackageFields.ReleaseVersion) is not { } release || release < 0)
            {
                throw Malformed($"packages[{i}] ({name} {number}) has no whole non-negative `releaseVersion`");
            }
            _revisions[(name, release)] = package;
            summaries[(name, release)] = PackageFacts.Summarize(package, name, number, release);
        }
        foreach (var summary in summaries.Values)
        {
            var key = (summary.Name, summary.Version);
            if (!_latest.TryGetValue(key, out var known) || known < summary.ReleaseVersion) _latest[key] = summary.ReleaseVersion;
        }
        _summaries = [.. summaries.Values];
    }

    public string Location { get; }

    /// <summary>"v3", "v4" or "v5" when the media type or the file name tells; null when neither does.</summary>
    public string? RepositoryVersion { get; }

    /// <summary>
    /// An object with <c>packages</c> that are not our index's (no <c>versions</c> lists): read as a
    /// DC/OS repository, whose constructor then says what is wrong with a malformed one.
    /// </summary>
    public static bool Recognizes(JsonObject document) =>
        document["packages"] is { } packages && (packages is not JsonArray list || list.All(p => p is not JsonObject o || o["versions"] is null));

    /// <summary>The <c>version</c> parameter of a DC/OS repository media type, or null for any other type.</summary>
    public static string? MediaTypeVersion(string? mediaType)
    {
        if (mediaType is null || !mediaType.StartsWith(MediaTypePrefix, StringComparison.OrdinalIgnoreCase)) return null;
        foreach (var parameter in mediaType.Split(';').Skip(1))
        {
            var pair = parameter.Split('=', 2);
            if (pair.Length == 2 && pair[0].Trim().Equals("version", StringComparison.OrdinalIgnoreCase)) return pair[1].Trim().Trim('"');
        }
        return null;
    }

    public Task<IReadOnlyList<PackageSummary>> ListAsync(CancellationToken cancellationToken = default) => Task.FromResult(_summaries);

    public Task<PackageDefinition?> GetAsync(string name, string version, CancellationToken cancellationToken = default) =>
        Task.FromResult(_latest.TryGetValue((name, version), out var release) ? Define(name, version, _revisions[(name, release)]) : null);

    /// <summary>The listed revision itself, when one version has several.</summary>
    public Task<PackageDefinition?> GetRevisionAsync(PackageSummary revision, CancellationToken cancellationToken = default) =>
        Task.FromResult(_revisions.TryGetValue((revision.Name, revision.ReleaseVersion), out var package)
            && PackageFacts.String(package, PackageFields.Version) == revision.Version
            ? Define(revision.Name, revision.Version, package)
            : null);

    private PackageDefinition Define(string name, string version, JsonObject package)
    {
        var metadata = new JsonObject();
        foreach (var (key, value) in package)
        {
            if (!Parts.Contains(key)) metadata[key] = value?.DeepClone();
        }
        var descriptors = new List<DescriptorTemplate>();
        if (PackageFacts.Object(package, "marathon") is { } marathon)
        {
            if (PackageFacts.String(marathon, "v2AppMustacheTemplate") is not { } encoded)
            {
                throw new SourceUnavailableException($"{Location}: {name} {version}: marathon.v2AppMustacheTemplate is not a string");
            }
            descriptors.Add(new DescriptorTemplate(new DescriptorName("marathon", "json"), Decode(encoded, name, version)));
        }
        var config = PackageFacts.Object(package, "config")?.DeepClone() as JsonObject;
        if (_configEscaped && config is not null) DcosConfigUnescaping.Apply(config);
        return new PackageDefinition(
            name,
            version,
            PackageFacts.Integer(package, PackageFields.ReleaseVersion) ?? 0,
            PackageFacts.String(package, PackageFields.PackagingVersion),
            metadata,
            config,
            PackageFacts.Object(package, "resource")?.DeepClone() as JsonObject,
            PackageFacts.Object(package, "command")?.DeepClone() as JsonObject,
            descriptors);
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private string Decode(string base64, string name, string version)
    {
        try
        {
            return StrictUtf8.GetString(Convert.FromBase64String(base64));
        }
        catch (FormatException e)
        {
            throw new SourceUnavailableException($"{Location}: {name} {version}: marathon.v2AppMustacheTemplate is not base64", e);
        }
        catch (DecoderFallbackException e)
        {
            throw new SourceUnavailableException($"{Location}: {name} {version}: marathon.v2AppMustacheTemplate is not UTF-8 text once decoded", e);
        }
    }

    private SourceUnavailableException Malformed(string problem) =>
        new($"{Location}: not a usable DC/OS repository: {problem} (Cosmos refuses such a repository whole)");
}
