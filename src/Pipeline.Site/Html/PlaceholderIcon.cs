using System.Text;

namespace Pipeline.Site.Html;

/// <summary>
/// A package's icon drawn locally: its initial on a colour picked from its name. Package icons are
/// remote URLs, and an air-gapped site must load nothing from other hosts, so the site never
/// embeds them (the package page lists their addresses as plain links).
/// </summary>
internal static class PlaceholderIcon
{
    // Dark enough for white text to meet WCAG AA contrast.
    private static readonly string[] Colours =
        ["#1f5f99", "#7a3e9d", "#2e7d32", "#ad1457", "#00695c", "#5d4037", "#c62828", "#283593", "#6a4f00", "#37474f", "#8e2400", "#00577a"];

    public static string Svg(string name, int size)
    {
        var initial = name.Length > 0 && char.IsAsciiLetterOrDigit(name[0]) ? char.ToUpperInvariant(name[0]) : '?';
        var svg = new StringBuilder(256);
        svg.Append("<svg class=\"icon\" width=\"").Append(size).Append("\" height=\"").Append(size)
            .Append("\" viewBox=\"0 0 40 40\" aria-hidden=\"true\" focusable=\"false\"><rect width=\"40\" height=\"40\" rx=\"8\" fill=\"")
            .Append(Colours[Hash(name) % (uint)Colours.Length])
            .Append("\"/><text x=\"20\" y=\"27\" text-anchor=\"middle\" font-size=\"20\" font-family=\"sans-serif\" font-weight=\"600\" fill=\"#fff\">")
            .Append(initial)
            .Append("</text></svg>");
        return svg.ToString();
    }

    /// <summary>FNV-1a: stable across runs and platforms, unlike string.GetHashCode.</summary>
    private static uint Hash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text) hash = (hash ^ c) * 16777619u;
        return hash;
    }
}
