using System.Text.RegularExpressions;

namespace Pipeline.Mirroring.Images;

/// <summary>
/// A Docker image reference, <c>[domain/]path[:tag][@sha256:hex]</c>, with Docker Hub's defaults
/// filled in (<c>docker.io</c>, <c>library/</c> for one-component names, <c>latest</c> when neither
/// tag nor digest is given), parsed by the grammar of the distribution project's reference package.
/// </summary>
public sealed partial record ImageReference(string Domain, string Repository, string? Tag, string? Digest)
{
    public const string DockerHub = "docker.io";

    [GeneratedRegex("^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$")]
    private static partial Regex PathComponent();

    [GeneratedRegex(@"^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:]+\])(?::[0-9]{1,5})?$")]
    private static partial Regex DomainPattern();

    [GeneratedRegex(@"^[\w][\w.-]{0,127}$")]
    private static partial Regex TagPattern();

    /// <summary>The host (and port) requests go to: Docker Hub's API lives on its own host.</summary>
    public string RegistryHost => Domain == DockerHub ? "registry-1.docker.io" : Domain;

    /// <summary>What to ask the registry's manifest endpoint for: the digest when pinned, else the tag.</summary>
    public string ManifestReference => Digest ?? Tag ?? "latest";

    public override string ToString() => $"{Domain}/{Repository}{(Tag is null ? "" : ":" + Tag)}{(Digest is null ? "" : "@" + Digest)}";

    /// <summary>The reference, or null with <paramref name="problem"/> saying what is wrong; never throws.</summary>
    public static ImageReference? Parse(string text, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 512 || text != text.Trim())
        {
            return Fail(out problem, "is empty, too long or padded with spaces");
        }
        string? digest = null;
        var name = text;
        var at = text.IndexOf('@');
        if (at >= 0)
        {
            digest = text[(at + 1)..];
            name = text[..at];
            if (ImageDigest.Parse(digest) is null) return Fail(out problem, $"has digest `{digest}`, not sha256: and 64 lower-case hex digits");
        }
        string? tag = null;
        var colon = name.LastIndexOf(':');
        if (colon > name.LastIndexOf('/'))
        {
            tag = name[(colon + 1)..];
            name = name[..colon];
            if (!TagPattern().IsMatch(tag)) return Fail(out problem, $"has tag `{tag}`, which is not a valid tag");
        }
        var slash = name.IndexOf('/');
        var first = slash < 0 ? null : name[..slash];
        string domain;
        string path;
        if (first is not null && (first.Contains('.') || first.Contains(':') || first == "localhost" || first.Any(char.IsAsciiLetterUpper)))
        {
            domain = first;
            path = name[(slash + 1)..];
            if (!DomainPattern().IsMatch(domain)) return Fail(out problem, $"names registry `{domain}`, which is not a host[:port]");
        }
        else
        {
            domain = DockerHub;
            path = name;
        }
        if (domain == "index.docker.io") domain = DockerHub;
        if (domain == DockerHub && !path.Contains('/')) path = "library/" + path;
        if (path.Length is 0 or > 255 || !path.Split('/').All(PathComponent().IsMatch))
        {
            return Fail(out problem, $"has repository `{path}`: lower-case letters, digits and separators only");
        }
        return new ImageReference(domain, path, tag ?? (digest is null ? "latest" : null), digest);
    }

    private static ImageReference? Fail(out string? problem, string why)
    {
        problem = $"the image reference {why}";
        return null;
    }
}
