using System.Globalization;
using Pipeline.Json.Options;
using Pipeline.Json;
using Pipeline.Packages.Documents;
using Pipeline.Site.Html;
using Pipeline.Site.Model;

namespace Pipeline.Site.Pages;

/// <summary>The sections of a package page that come from its files: notes, options, descriptors, CLI, resources.</summary>
internal static class PackageSections
{
    public static void Notes(HtmlWriter html, SiteRevision revision)
    {
        if (revision.PreInstallNotes is null && revision.PostInstallNotes is null && revision.PostUninstallNotes is null) return;
        html.Raw("<section aria-labelledby=\"notes\"><h2 id=\"notes\">Notes</h2>\n");
        Note(html, "Before installing", revision.PreInstallNotes);
        Note(html, "After installing", revision.PostInstallNotes);
        Note(html, "After uninstalling", revision.PostUninstallNotes);
        html.Raw("</section>\n");
    }

    private static void Note(HtmlWriter html, string heading, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return;
        html.Raw("<h3>").Text(heading).Raw("</h3>\n<p class=\"note\">").Text(text.Trim()).Raw("</p>\n");
    }

    public static void Options(HtmlWriter html, SiteRevision revision)
    {
        if (!revision.HasConfig) return;
        html.Raw("<section aria-labelledby=\"options\"><h2 id=\"options\">Options</h2>\n");
        if (revision.Options.Count == 0)
        {
            html.Raw("<p>This version has no options.</p></section>\n");
            return;
        }
        html.Raw("<p>From <code>config.json</code>. Nested options are shown by their dotted path; set them as nested objects in the options file.</p>\n")
            .Raw("<div class=\"table-wrap\"><table class=\"options\"><caption>Options of ").Text(revision.Name).Text(" ").Text(revision.Version)
            .Raw("</caption>\n<thead><tr><th scope=\"col\">Option</th><th scope=\"col\">Type</th><th scope=\"col\">Default</th><th scope=\"col\">Required</th><th scope=\"col\">Allowed values</th><th scope=\"col\">Description</th></tr></thead>\n<tbody>\n");
        foreach (var row in revision.Options)
        {
            var depth = Math.Min(row.Depth, 6);
            html.Raw("<tr class=\"depth-").Raw(depth.ToString(CultureInfo.InvariantCulture)).Raw("\"><th scope=\"row\"><code>");
            var dot = row.Path.LastIndexOf('.');
            if (dot >= 0) html.Raw("<span class=\"parent\">").Text(row.Path[..(dot + 1)]).Raw("</span>");
            html.Text(row.Path[(dot + 1)..]).Raw("</code></th><td>").Text(row.Type).Raw("</td><td>");
            if (row.Default is not null) html.Raw("<code>").Text(PageLayout.Shorten(row.Default, 400)).Raw("</code>");
            html.Raw("</td><td>").Raw(Required(row.Required)).Raw("</td><td>");
            for (var i = 0; i < row.Enum.Count; i++)
            {
                if (i > 0) html.Raw(" ");
                html.Raw("<code>").Text(row.Enum[i]).Raw("</code>");
            }
            html.Raw("</td><td>").Text(row.Description);
            if (row.Constraints is not null) html.Raw("<span class=\"constraints\">").Text(row.Constraints).Raw("</span>");
            html.Raw("</td></tr>\n");
        }
        html.Raw("</tbody></table></div></section>\n");
    }

    /// <summary>Required only in some branches of the schema (oneOf, dependencies) reads as such.</summary>
    private static string Required(Requirement requirement) => requirement switch
    {
        Requirement.Required => "yes",
        Requirement.Conditional => "conditionally",
        _ => "no",
    };

    public static void Descriptors(HtmlWriter html, SiteRevision revision)
    {
        if (revision.Descriptors.Count == 0) return;
        html.Raw("<section aria-labelledby=\"descriptors\"><h2 id=\"descriptors\">Descriptors</h2>\n")
            .Raw("<p>Mustache templates, rendered over the options by <code>universe render</code>.</p>\n");
        foreach (var descriptor in revision.Descriptors)
        {
            html.Raw("<details class=\"descriptor\"><summary><code>").Text(descriptor.FileName).Raw("</code> ")
                .Text(Size(descriptor.Text.Length)).Raw("</summary>\n<pre><code>").Text(descriptor.Text).Raw("</code></pre></details>\n");
        }
        html.Raw("</section>\n");
    }

    private static string Size(int characters) =>
        characters < 1024
            ? string.Create(CultureInfo.InvariantCulture, $"({characters} bytes)")
            : string.Create(CultureInfo.InvariantCulture, $"({characters / 1024.0:F1} KB)");

    public static void Cli(HtmlWriter html, SiteRevision revision)
    {
        if (revision.CliBinaries.Count == 0 && revision.PipRequirements.Count == 0) return;
        html.Raw("<section aria-labelledby=\"cli\"><h2 id=\"cli\">Command-line interface</h2>\n");
        if (revision.CliBinaries.Count > 0)
        {
            html.Raw("<div class=\"table-wrap\"><table class=\"cli\"><caption>CLI binaries per platform</caption>\n")
                .Raw("<thead><tr><th scope=\"col\">Platform</th><th scope=\"col\">Architecture</th><th scope=\"col\">Kind</th><th scope=\"col\">Download</th><th scope=\"col\">SHA-256</th></tr></thead>\n<tbody>\n");
            foreach (var binary in revision.CliBinaries)
            {
                html.Raw("<tr><th scope=\"row\">").Text(binary.Platform).Raw("</th><td>").Text(binary.Architecture).Raw("</td><td>").Text(binary.Kind)
                    .Raw("</td><td class=\"url\">").Link(binary.Url).Raw("</td><td class=\"hash\"><code>").Text(binary.Sha256 ?? "—").Raw("</code></td></tr>\n");
            }
            html.Raw("</tbody></table></div>\n");
        }
        if (revision.PipRequirements.Count > 0)
        {
            html.Raw("<p>A Python CLI, installed with pip from:</p><ul>");
            foreach (var requirement in revision.PipRequirements) html.Raw("<li class=\"url\">").Link(requirement).Raw("</li>");
            html.Raw("</ul>\n");
        }
        html.Raw("</section>\n");
    }

    public static void Resources(HtmlWriter html, SiteRevision revision)
    {
        if (revision.Images.Count == 0 && revision.AssetUris.Count == 0 && revision.DockerImages.Count == 0) return;
        html.Raw("<section aria-labelledby=\"resources\"><h2 id=\"resources\">Resources</h2>\n");
        // Icons and screenshots stay links: the site shows nothing fetched from another host.
        NamedList(html, "Images", revision.Images);
        NamedList(html, "Downloads at install time", revision.AssetUris);
        NamedList(html, "Docker images", revision.DockerImages);
        html.Raw("</section>\n");
    }

    private static void NamedList(HtmlWriter html, string heading, IReadOnlyList<NamedString> values)
    {
        if (values.Count == 0) return;
        html.Raw("<h3>").Text(heading).Raw("</h3>\n<dl class=\"resources\">");
        foreach (var value in values) html.Raw("<dt>").Text(value.Name).Raw("</dt><dd class=\"url\">").Link(value.Value).Raw("</dd>");
        html.Raw("</dl>\n");
    }
}
