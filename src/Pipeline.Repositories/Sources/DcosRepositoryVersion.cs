using System.Globalization;
using System.Text.RegularExpressions;

namespace Pipeline.Repositories.Sources;

/// <summary>
/// Which DC/OS repository version a fetched file is: the <c>version</c> parameter of its DC/OS media
/// type; without one (a file on disk, a server answering plain JSON), a file named
/// <c>repo-up-to-X.Y.json</c> for a release before 1.10 or <c>repo-empty-v3.json</c> is v3 (Universe's
/// build makes those v3), and anything else is left unknown, which reads as v4/v5 (nothing escaped).
/// </summary>
public static partial class DcosRepositoryVersion
{
    public static string? Of(string? mediaType, Uri? address)
    {
        if (DcosRepositorySource.MediaTypeVersion(mediaType) is { } version) return version.ToLowerInvariant();
        var name = address is null ? "" : Path.GetFileName(address.IsFile ? address.LocalPath : address.AbsolutePath);
        if (name == "repo-empty-v3.json") return "v3";
        if (ReleaseFile().Match(name) is not { Success: true } match) return null;
        var major = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var minor = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        return major == 1 && minor < 10 ? "v3" : null;
    }

    [GeneratedRegex(@"^repo-up-to-(\d{1,4})\.(\d{1,4})\.json$", RegexOptions.CultureInvariant)]
    private static partial Regex ReleaseFile();
}
