using System.Text.RegularExpressions;

namespace Pipeline.Mirroring.Images;

/// <summary>
/// The site's registry images are pushed to, <c>host[:port][/prefix]</c>: an image from
/// <c>docker.io/library/nginx</c> goes to <c>host[:port]/prefix/library/nginx</c>.
/// </summary>
public sealed partial record PushTarget(RegistryEndpoint Registry, string? Prefix)
{
    [GeneratedRegex("^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$")]
    private static partial Regex PrefixPattern();

    public string Repository(ImageReference source) => Prefix is null ? source.Repository : $"{Prefix}/{source.Repository}";

    /// <summary>How packages name the pushed image: by digest, so what runs is exactly what was copied.</summary>
    public string PinnedReference(ImageReference source, ImageDigest digest) => $"{Registry.Host}/{Repository(source)}@{digest}";

    /// <summary>The target, or null when <paramref name="text"/> is not a host with an optional port and path.</summary>
    public static PushTarget? Parse(string text)
    {
        var trimmed = text.Trim().TrimEnd('/');
        if (trimmed.Contains("://", StringComparison.Ordinal)) return null;
        var slash = trimmed.IndexOf('/');
        var host = slash < 0 ? trimmed : trimmed[..slash];
        var prefix = slash < 0 ? null : trimmed[(slash + 1)..];
        // The host part parses as a reference's domain would.
        if (host.Length == 0 || ImageReference.Parse($"{host}/x", out _) is not { } probe || probe.Domain != host) return null;
        if (prefix is not null && !PrefixPattern().IsMatch(prefix)) return null;
        return new PushTarget(new RegistryEndpoint(host), prefix);
    }
}
