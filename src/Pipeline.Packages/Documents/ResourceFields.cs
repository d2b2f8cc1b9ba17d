namespace Pipeline.Packages.Documents;

/// <summary>The member names of resource.json that readers look at, named once (see <see cref="PackageFields"/>).</summary>
public static class ResourceFields
{
    public const string Assets = "assets";
    public const string Uris = "uris";
    public const string Container = "container";
    public const string Docker = "docker";
    public const string Images = "images";
    public const string Cli = "cli";
    public const string Binaries = "binaries";
    public const string Kind = "kind";
    public const string Url = "url";
    public const string ContentHash = "contentHash";
    public const string Algorithm = "algo";
    public const string Value = "value";

    /// <summary>The <see cref="Algorithm"/> of the digest clients check.</summary>
    public const string Sha256 = "sha256";

    /// <summary>command.json's list of pip requirements.</summary>
    public const string Pip = "pip";

    public static class Utf8
    {
        public static ReadOnlySpan<byte> Cli => "cli"u8;
    }
}
