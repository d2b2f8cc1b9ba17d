using Pipeline.Json.Dom;
using Pipeline.Json.Options;
using Pipeline.Packages.Model;

namespace Pipeline.Packages.Documents;

/// <summary>
/// The typed read model of one revision: package.json, resource.json and command.json read when
/// this is made, config.json and its option tree when first asked for (a caller that has its
/// checks of a config.json cached never parses it), each file parsed at most once. Never throws on
/// bad content: every file's <see cref="RevisionJsonFile.Outcome"/> says what became of it.
/// Not thread-safe: one reader per revision.
/// </summary>
public sealed class RevisionDocuments
{
    private RevisionJsonFile? _configFile;
    private OptionTree? _options;

    private RevisionDocuments(PackageRevision revision)
    {
        Revision = revision;
        PackageFile = RevisionJsonFile.Read(revision.PackageJson);
        ResourceFile = RevisionJsonFile.Read(revision.ResourceJson);
        CommandFile = RevisionJsonFile.Read(revision.CommandJson);
        Package = PackageFile.Root is { } package ? new PackageDocument(package) : null;
        Resource = ResourceFile.Root is { } resource ? new ResourceDocument(resource) : null;
    }

    /// <summary>Reads the revision's files; its contents must be loaded (<see cref="PackageRevision.Load()"/>).</summary>
    public static RevisionDocuments Read(PackageRevision revision) => new(revision);

    public PackageRevision Revision { get; }

    public RevisionJsonFile PackageFile { get; }
    public RevisionJsonFile ResourceFile { get; }
    public RevisionJsonFile CommandFile { get; }

    /// <summary>config.json, parsed on first use.</summary>
    public RevisionJsonFile ConfigFile => _configFile ??= RevisionJsonFile.Read(Revision.ConfigJson);

    /// <summary>package.json when it parsed (its root of any kind), else null.</summary>
    public PackageDocument? Package { get; }

    /// <summary>resource.json when it parsed, else null.</summary>
    public ResourceDocument? Resource { get; }

    public JsonDatum? Command => CommandFile.Root;

    /// <summary>command.json's <c>pip</c> requirements, the strings of it; empty when absent.</summary>
    public IReadOnlyList<string> PipRequirements => DatumRead.Strings(Command, ResourceFields.Pip);

    /// <summary>config.json's document when it parsed, else null.</summary>
    public JsonDatum? Config => ConfigFile.Root;

    /// <summary>
    /// The options config.json describes, read through composition once and shared by every
    /// reader of the options schema; null without a parsed config.json.
    /// </summary>
    public OptionTree? Options => Config is { } config ? _options ??= OptionTree.Read(config) : null;

    /// <summary>The descriptors (<c>*.mustache</c>) that could be read, as text, in file order.</summary>
    public IEnumerable<(DescriptorName Name, RevisionFile File, string Text)> Descriptors()
    {
        foreach (var (name, file) in Revision.Descriptors())
        {
            if (file.Loaded) yield return (name, file, RevisionText.Of(file.Content));
        }
    }
}
