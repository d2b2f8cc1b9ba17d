namespace Pipeline.Build.Dcos;

/// <summary>
/// A DC/OS release Universe writes a <c>repo-up-to-&lt;version&gt;.json</c> for, with the repository
/// format version (content type) that release understands.
/// </summary>
public sealed class DcosRelease
{
    public DcosRelease(string version, string repositoryVersion)
    {
        Version = version;
        RepositoryVersion = repositoryVersion;
        LooseVersion = LooseVersion.Parse(version);
    }

    public string Version { get; }

    /// <summary>"v3", "v4" or "v5": the <c>version</c> parameter of the file's content type.</summary>
    public string RepositoryVersion { get; }

    internal LooseVersion LooseVersion { get; }

    /// <summary>
    /// Releases before 1.10 only know packaging 3.0: their packages are downgraded and their config
    /// strings escaped once more (see <see cref="PackageForm.DowngradedToV3"/>).
    /// </summary>
    internal PackageForm Form => RepositoryVersion == "v3" ? PackageForm.DowngradedToV3 : PackageForm.Universe;

    public string RepositoryFileName => $"repo-up-to-{Version}.json";

    public string ContentTypeFileName => $"repo-up-to-{Version}.content_type";

    public string ContentType => DcosRepositoryFormat.ContentType(RepositoryVersion);

    /// <summary>The release's file for one package, <c>&lt;version&gt;/package/&lt;name&gt;.json</c>.</summary>
    public string PackageFilePath(string packageName) => $"{Version}/package/{packageName}.json";

    public override string ToString() => Version;
}
