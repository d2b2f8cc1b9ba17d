using Pipeline.Json.Dom;
using Pipeline.Packages.Model;

namespace Pipeline.Packages.Documents;

/// <summary>
/// package.json as its readers see it: each field typed, a field that is absent or of the wrong
/// kind reads as null, false or empty (validation reports it). <see cref="Root"/> keeps the
/// document, of whatever kind, for positions and for rules that read beyond these fields.
/// </summary>
public sealed class PackageDocument(JsonDatum root)
{
    public JsonDatum Root { get; } = root;

    /// <summary>A package.json file on its own (loaded), when it parses; null when absent, unreadable or malformed.</summary>
    public static PackageDocument? Read(RevisionFile? file) => RevisionJsonFile.Read(file).Root is { } root ? new PackageDocument(root) : null;

    public bool IsObject => Root.Kind == JsonKind.Object;

    /// <summary>The value of a member as written, of any kind, for its position; null when absent.</summary>
    public JsonDatum? Field(string name) => Root[name];

    public string? Name => DatumRead.String(Root, PackageFields.Name);
    public string? Version => DatumRead.String(Root, PackageFields.Version);

    /// <summary>As written, supported or not.</summary>
    public string? PackagingVersion => DatumRead.String(Root, PackageFields.PackagingVersion);

    public string? Maintainer => DatumRead.String(Root, PackageFields.Maintainer);
    public string? Description => DatumRead.String(Root, PackageFields.Description);
    public IReadOnlyList<string> Tags => DatumRead.Strings(Root, PackageFields.Tags);
    public bool Selected => DatumRead.True(Root, PackageFields.Selected);
    public bool Framework => DatumRead.True(Root, PackageFields.Framework);
    public bool HasKnownIssues => DatumRead.True(Root, PackageFields.HasKnownIssues);
    public long? LastUpdated => DatumRead.Integer(Root, PackageFields.LastUpdated);
    public string? MinDcosReleaseVersion => DatumRead.String(Root, PackageFields.MinDcosReleaseVersion);
    public IReadOnlyList<string> UpgradesFrom => DatumRead.Strings(Root, PackageFields.UpgradesFrom);
    public IReadOnlyList<string> DowngradesTo => DatumRead.Strings(Root, PackageFields.DowngradesTo);
    public string? Scm => DatumRead.String(Root, PackageFields.Scm);
    public string? Website => DatumRead.String(Root, PackageFields.Website);
    public string? PreInstallNotes => DatumRead.String(Root, PackageFields.PreInstallNotes);
    public string? PostInstallNotes => DatumRead.String(Root, PackageFields.PostInstallNotes);
    public string? PostUninstallNotes => DatumRead.String(Root, PackageFields.PostUninstallNotes);

    /// <summary>The licenses that have a name, in order.</summary>
    public IReadOnlyList<PackageLicense> Licenses
    {
        get
        {
            if (Root[PackageFields.Licenses] is not { Kind: JsonKind.Array } array) return [];
            var licenses = new List<PackageLicense>();
            foreach (var license in array.Items)
            {
                if (DatumRead.String(license, PackageFields.LicenseName) is { } name) licenses.Add(new PackageLicense(name, DatumRead.String(license, PackageFields.LicenseUrl)));
            }
            return licenses;
        }
    }
}
