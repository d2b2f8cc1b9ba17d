using Pipeline.Packages.Documents;

namespace Pipeline.Site.Model;

/// <summary>
/// What the site shows of one package revision, read from its files. Every string is package text,
/// untrusted: it is escaped (or rendered by the sanitizing Markdown pipeline) wherever it is written.
/// </summary>
internal sealed record SiteRevision
{
    public required string Name { get; init; }
    public required int ReleaseVersion { get; init; }
    public string Version { get; init; } = "";
    public string? PackagingVersion { get; init; }
    public string? MinDcosReleaseVersion { get; init; }
    public string? Maintainer { get; init; }
    public string Description { get; init; } = "";
    public IReadOnlyList<string> Tags { get; init; } = [];
    public string? Website { get; init; }
    public string? Scm { get; init; }
    public IReadOnlyList<PackageLicense> Licenses { get; init; } = [];
    public string? PreInstallNotes { get; init; }
    public string? PostInstallNotes { get; init; }
    public string? PostUninstallNotes { get; init; }
    public bool Framework { get; init; }
    public bool Selected { get; init; }
    public bool HasKnownIssues { get; init; }
    public long? LastUpdated { get; init; }
    public IReadOnlyList<string> UpgradesFrom { get; init; } = [];
    public IReadOnlyList<string> DowngradesTo { get; init; } = [];
    public string? Readme { get; init; }
    public IReadOnlyList<OptionRow> Options { get; init; } = [];
    public bool HasConfig { get; init; }
    public IReadOnlyList<Descriptor> Descriptors { get; init; } = [];
    public IReadOnlyList<CliBinaryEntry> CliBinaries { get; init; } = [];
    public IReadOnlyList<string> PipRequirements { get; init; } = [];
    public IReadOnlyList<NamedString> Images { get; init; } = [];
    public IReadOnlyList<NamedString> AssetUris { get; init; } = [];
    public IReadOnlyList<NamedString> DockerImages { get; init; } = [];

    /// <summary>Files that could not be read or parsed; the page says so instead of failing.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];
}

internal sealed record Descriptor(string FileName, string Text);

