using System.Text;

namespace Pipeline.Site.Html;

/// <summary>
/// Builds a page. <see cref="Raw"/> is for the generator's own markup only; every piece of package
/// text goes through <see cref="Text"/> or <see cref="Link"/>, which escape it.
/// </summary>
internal sealed class HtmlWriter
{
    private readonly StringBuilder _html = new(16 * 1024);

    public HtmlWriter Raw(string markup)
    {
        _html.Append(markup);
        return this;
    }

    public HtmlWriter Text(string? text)
    {
        Encode(text, _html);
        return this;
    }

    /// <summary>A link when the URL is an http(s) address, else the URL as text (no javascript:, data: …).</summary>
    public HtmlWriter Link(string url, string? text = null)
    {
        if (!SafeUrl.IsWebAddress(url)) return Text(text ?? url);
        _html.Append("<a href=\"");
        Encode(url, _html);
        _html.Append("\" rel=\"nofollow noopener\">");
        Encode(text ?? url, _html);
        _html.Append("</a>");
        return this;
    }

    /// <summary>A link to a page of this site; <paramref name="href"/> is the generator's own relative path.</summary>
    public HtmlWriter SiteLink(string href, string text, string? attributes = null)
    {
        _html.Append("<a href=\"");
        Encode(href, _html);
        _html.Append('"');
        if (attributes is not null) _html.Append(' ').Append(attributes);
        _html.Append('>');
        Encode(text, _html);
        _html.Append("</a>");
        return this;
    }

    public override string ToString() => _html.ToString();

    public static string Encode(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var builder = new StringBuilder(text.Length + 16);
        Encode(text, builder);
        return builder.ToString();
    }

    /// <summary>Escapes the five characters that matter in element content and quoted attributes.</summary>
    public static void Encode(string? text, StringBuilder into)
    {
        if (text is null) return;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var replacement = text[i] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                '\0' => "\uFFFD",
                _ => null,
            };
            if (replacement is null) continue;
            into.Append(text, start, i - start).Append(replacement);
            start = i + 1;
        }
        into.Append(text, start, text.Length - start);
    }
}
