using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Pipeline.Site.Html;

/// <summary>
/// Renders package Markdown (descriptions, READMEs) to HTML that is safe to embed: raw HTML is
/// shown as text (<c>DisableHtml</c>), links keep only http(s), mailto and relative targets, and
/// images become plain links, because an air-gapped site must load nothing from other hosts.
/// </summary>
internal static class SafeMarkdownHtml
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UseTaskLists()
        .DisableHtml()
        .Build();

    /// <param name="headingShift">Levels added to every heading, so a README's "#" sits under the page's own headings.</param>
    public static string ToHtml(string markdown, int headingShift = 0)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        Sanitize(document, headingShift);
        return Markdown.ToHtml(document, Pipeline);
    }

    private static void Sanitize(MarkdownDocument document, int headingShift)
    {
        if (headingShift != 0)
        {
            foreach (var heading in document.Descendants<HeadingBlock>()) heading.Level = Math.Min(6, heading.Level + headingShift);
        }
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (!SafeUrl.IsAllowedInMarkdown(link.Url))
            {
                link.ReplaceBy(new LiteralInline(PlainText(link)), copyChildren: false);
            }
            else if (link.IsImage)
            {
                // Shown as a link to the image: nothing on the page is fetched from another host.
                link.IsImage = false;
                if (link.FirstChild is null) link.AppendChild(new LiteralInline(link.Url!));
            }
        }
        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            var url = autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url;
            if (!SafeUrl.IsAllowedInMarkdown(url)) autolink.ReplaceBy(new LiteralInline(autolink.Url), copyChildren: false);
        }
    }

    private static string PlainText(ContainerInline container)
    {
        var text = new StringBuilder();
        foreach (var inline in container.Descendants<Inline>())
        {
            if (inline is LiteralInline literal) text.Append(literal.Content.ToString());
            else if (inline is CodeInline code) text.Append(code.Content);
        }
        return text.ToString();
    }
}
