using System.Globalization;
using System.Text.RegularExpressions;
using Pipeline.Build.Dcos;

namespace Pipeline.Serving.Negotiation;

/// <summary>
/// Chooses the DC/OS repository file and media type for <c>/repo</c> the way Universe's server
/// (its nginx configuration) does: the release from <c>dcos/X.Y</c> in the User-Agent (Cosmos
/// sends it), the repository version from the highest
/// <c>application/vnd.dcos.universe.repo+json;charset=utf-8;version=vN</c> in Accept. Beyond nginx:
/// a release between built ones is clamped down to the nearest built release, no release means the
/// newest, a release older than the oldest built one is refused, and when the client cannot read
/// its release's repository version the newest older release it can read is served. A file is
/// labelled with the highest accepted version not older than its own, since a repository of a
/// newer version may list packages of older packaging versions (nginx labels it likewise).
/// </summary>
public static partial class RepositoryNegotiation
{
    public const string MediaType = "application/vnd.dcos.universe.repo+json";

    private static readonly string[] s_versions = ["v3", "v4", "v5"];

    public static RepositoryChoice Choose(string? userAgent, string? accept)
    {
        var releases = DcosRepositoryFormat.Releases;
        var newest = releases.Count - 1;
        if (ClientRelease(userAgent) is { } client)
        {
            newest = -1;
            for (var i = 0; i < releases.Count; i++)
            {
                if (Compare(ParseRelease(releases[i].Version)!.Value, client) <= 0) newest = i;
            }
            if (newest < 0)
            {
                return new RepositoryChoice(null, null,
                    $"DC/OS {client.Major}.{client.Minor} is older than the oldest release served ({releases[0].Version})");
            }
        }

        var accepted = AcceptedVersions(accept, out var asked);
        if (!asked) return new RepositoryChoice(releases[newest], releases[newest].RepositoryVersion, null);
        if (accepted.Count == 0)
        {
            return new RepositoryChoice(null, null, $"none of the repository versions accepted is served; ask for {MediaType};charset=utf-8;version=v3, v4 or v5");
        }
        var best = accepted.Max(Rank);
        for (var i = newest; i >= 0; i--)
        {
            if (Rank(releases[i].RepositoryVersion) <= best) return new RepositoryChoice(releases[i], s_versions[best], null);
        }
        return new RepositoryChoice(null, null, $"no release up to {releases[newest].Version} is served in a repository version accepted ({string.Join(", ", accepted)})");
    }

    /// <summary>The DC/OS release in a User-Agent such as <c>cosmos/0.6.0 dcos/1.10.0</c>; not <c>dcos-cli/…</c>, whose numbers are the CLI's own.</summary>
    internal static (int Major, int Minor)? ClientRelease(string? userAgent) =>
        userAgent is not null && DcosProduct().Match(userAgent) is { Success: true } match
            ? (int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture))
            : null;

    /// <summary>The supported repository versions Accept names with a q above 0; <paramref name="asked"/> whether it names the repository media type at all.</summary>
    internal static IReadOnlyList<string> AcceptedVersions(string? accept, out bool asked)
    {
        asked = false;
        var versions = new List<string>();
        foreach (var range in (accept ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = range.Split(';', StringSplitOptions.TrimEntries);
            if (!parts[0].Equals(MediaType, StringComparison.OrdinalIgnoreCase)) continue;
            asked = true;
            string? version = null;
            var quality = 1.0;
            foreach (var parameter in parts.Skip(1))
            {
                var equals = parameter.IndexOf('=', StringComparison.Ordinal);
                if (equals < 0) continue;
                var name = parameter[..equals].Trim();
                var value = parameter[(equals + 1)..].Trim().Trim('"');
                if (name.Equals("version", StringComparison.OrdinalIgnoreCase)) version = value.ToLowerInvariant();
                else if (name.Equals("q", StringComparison.OrdinalIgnoreCase)
                    && !double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out quality))
                {
                    quality = 0;
                }
            }
            if (quality > 0 && version is not null && Array.IndexOf(s_versions, version) >= 0 && !versions.Contains(version)) versions.Add(version);
        }
        return versions;
    }

    private static int Rank(string version) => Array.IndexOf(s_versions, version);

    private static (int Major, int Minor)? ParseRelease(string text)
    {
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        return dot > 0
            && int.TryParse(text.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            && int.TryParse(text.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var minor)
            ? (major, minor)
            : null;
    }

    private static int Compare((int Major, int Minor) a, (int Major, int Minor) b) =>
        a.Major != b.Major ? a.Major.CompareTo(b.Major) : a.Minor.CompareTo(b.Minor);

    [GeneratedRegex(@"(?<![\w.-])dcos/(\d{1,4})\.(\d{1,4})", RegexOptions.CultureInvariant)]
    private static partial Regex DcosProduct();
}
