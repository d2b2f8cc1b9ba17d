using Pipeline.Packages.Model;

namespace Pipeline.Bumping.Editing;

/// <summary>
/// One <c>--set path=value</c>: a dotted path into package.json (<c>minDcosReleaseVersion=1.12</c>)
/// or into another JSON file of the revision (<c>config.json:properties.service.properties.cpus.default=2</c>);
/// the value is JSON when it parses as JSON, else a string.
/// </summary>
internal sealed record FileSetting(string File, string Path, string Value)
{
    private static readonly string[] Files = [KnownFiles.Package, KnownFiles.Config, KnownFiles.Resource, KnownFiles.Command];

    /// <exception cref="BumpRefusal">Not <c>path=value</c>, or a file the revision cannot hold.</exception>
    public static FileSetting Parse(string option)
    {
        var equals = option.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0) throw new BumpRefusal($"--set {Planning.PackageFolder.Shown(option)}: expected path=value, e.g. --set minDcosReleaseVersion=1.12");
        var target = option[..equals];
        var value = option[(equals + 1)..];
        var file = KnownFiles.Package;
        var colon = target.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            file = target[..colon];
            target = target[(colon + 1)..];
            if (!Files.Contains(file, StringComparer.Ordinal))
            {
                throw new BumpRefusal($"--set {Planning.PackageFolder.Shown(option)}: `{Planning.PackageFolder.Shown(file)}` is not a JSON file of a revision ({string.Join(", ", Files)})");
            }
        }
        if (target.Length == 0 || target.Split('.').Any(s => s.Length == 0))
        {
            throw new BumpRefusal($"--set {Planning.PackageFolder.Shown(option)}: `{Planning.PackageFolder.Shown(target)}` is not a dotted path (names joined by '.')");
        }
        return new FileSetting(file, target, value);
    }

    /// <summary>Whether this would set the package's name or version, which the bump owns.</summary>
    public bool TouchesIdentity => File == KnownFiles.Package && Path is "version" or "name";
}
