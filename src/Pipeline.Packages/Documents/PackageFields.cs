namespace Pipeline.Packages.Documents;

/// <summary>
/// The member names of package.json, named once: readers (the typed <see cref="PackageDocument"/>,
/// the repositories' projections of published indexes) and writers (the index, the DC/OS files,
/// the CLI's JSON output) use these rather than spelling the names again.
/// </summary>
public static class PackageFields
{
    public const string Name = "name";
    public const string Version = "version";
    public const string PackagingVersion = "packagingVersion";
    public const string ReleaseVersion = "releaseVersion";
    public const string Maintainer = "maintainer";
    public const string Description = "description";
    public const string Tags = "tags";
    public const string Selected = "selected";
    public const string Framework = "framework";
    public const string MinDcosReleaseVersion = "minDcosReleaseVersion";
    public const string UpgradesFrom = "upgradesFrom";
    public const string DowngradesTo = "downgradesTo";
    public const string Licenses = "licenses";
    public const string Scm = "scm";
    public const string Website = "website";
    public const string PreInstallNotes = "preInstallNotes";
    public const string PostInstallNotes = "postInstallNotes";
    public const string PostUninstallNotes = "postUninstallNotes";
    public const string HasKnownIssues = "hasKnownIssues";
    public const string LastUpdated = "lastUpdated";

    /// <summary>A license's members.</summary>
    public const string LicenseName = "name";
    public const string LicenseUrl = "url";

    /// <summary>
    /// The names writers and readers of UTF-8 JSON compare or emit as bytes, without encoding a
    /// string each time (a <c>u8</c> literal is a span over the program's data, allocated never).
    /// </summary>
    public static class Utf8
    {
        public static ReadOnlySpan<byte> Name => "name"u8;
        public static ReadOnlySpan<byte> Version => "version"u8;
        public static ReadOnlySpan<byte> PackagingVersion => "packagingVersion"u8;
        public static ReadOnlySpan<byte> Maintainer => "maintainer"u8;
        public static ReadOnlySpan<byte> Description => "description"u8;
        public static ReadOnlySpan<byte> Tags => "tags"u8;
        public static ReadOnlySpan<byte> Selected => "selected"u8;
        public static ReadOnlySpan<byte> Framework => "framework"u8;
        public static ReadOnlySpan<byte> MinDcosReleaseVersion => "minDcosReleaseVersion"u8;
    }
}
