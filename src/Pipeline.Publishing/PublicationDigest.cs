using System.Security.Cryptography;
using System.Text;
using Pipeline.Build;

namespace Pipeline.Publishing;

/// <summary>
/// The digest that says whether a build publishes anything new: SHA-256 over the checksums of
/// the repository files (DC/OS files and package documents). index.json is left out because it
/// records the source commit, which changes with every push, and the site because a change of
/// its look is not a new universe; the index's package content is in the package documents.
/// </summary>
public static class PublicationDigest
{
    public static string Of(BuildSummary build, IReadOnlySet<string> siteFiles)
    {
        var lines = new StringBuilder();
        foreach (var file in build.Files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            if (siteFiles.Contains(file.Path) || file.Path.EndsWith(".gz", StringComparison.Ordinal)) continue;
            if (file.Path is "index.json" or "SHA256SUMS") continue;
            lines.Append(file.Sha256).Append("  ").Append(file.Path).Append('\n');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(lines.ToString())));
    }
}
