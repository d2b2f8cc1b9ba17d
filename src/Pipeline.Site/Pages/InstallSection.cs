using System.Text.RegularExpressions;
using Pipeline.Diagnostics.Reports;
using Pipeline.Json.Options;
using Pipeline.Site.Html;
using Pipeline.Site.Model;

namespace Pipeline.Site.Pages;

/// <summary>
/// A package page's "How to install": the commands to run, each one POSIX shell line in a
/// <c>pre.command</c> block (tests run them). <c>universe repo add</c> is printed when the site
/// knows its own absolute address; <c>universe render</c> and <c>dcos package install</c> always.
/// </summary>
internal static partial class InstallSection
{
    public static void Write(HtmlWriter html, SiteContext site, SiteRevision revision)
    {
        html.Raw("<section aria-labelledby=\"install\"><h2 id=\"install\">How to install</h2>\n");
        if (site.IndexUrl is { } indexUrl)
        {
            html.Raw("<p>Add this repository to the <code>universe</code> tool once:</p>\n<pre class=\"command\"><code>universe repo add ")
                .Text(ShellText.Word(RepositoryName(site.RepositoryName))).Raw(" ").Text(ShellText.Word(indexUrl)).Raw("</code></pre>\n")
                .Raw("<p>Then render the descriptors");
        }
        else
        {
            html.Raw("<p>Render the descriptors with the <code>universe</code> tool, once this repository is added to it (<code>universe repo add</code>)");
        }
        var needed = Needed(revision);
        if (needed.Count > 0)
        {
            html.Raw(", with your options in a JSON file: this version needs a value for ");
            for (var i = 0; i < needed.Count; i++) html.Raw(i == 0 ? "" : i == needed.Count - 1 ? " and " : ", ").Raw("<code>").Text(needed[i]).Raw("</code>");
            html.Raw(" (see <a href=\"#options\">Options</a>)");
        }
        else if (revision.Options.Count > 0)
        {
            html.Raw(", optionally with your options in a JSON file (see <a href=\"#options\">Options</a>)");
        }
        // The CLI names a version as PKG@VERSION; the whole reference is one shell word.
        html.Raw(":</p>\n<pre class=\"command\"><code>universe render ").Text(ShellText.Word($"{revision.Name}@{revision.Version}"));
        if (revision.Options.Count > 0) html.Raw(" --options options.json");
        html.Raw("</code></pre>\n<p>or install it on a DC/OS cluster whose package repositories include this one:</p>\n<pre class=\"command\"><code>dcos package install ")
            .Text(revision.Name).Raw(" --package-version=").Text(ShellText.Word(revision.Version));
        if (revision.Options.Count > 0) html.Raw(" --options=options.json");
        html.Raw("</code></pre>\n</section>\n");
    }

    /// <summary>Options the render refuses to go without: required, no default, not an object the defaults fill in, not inside an array.</summary>
    private static List<string> Needed(SiteRevision revision) =>
        [.. revision.Options
            .Where(o => o.Required == Requirement.Required && o.Default is null && o.Type != "object" && !o.Path.Contains("[]", StringComparison.Ordinal))
            .Select(o => o.Path)];

    /// <summary>The repository's name when <c>repo add</c> accepts it as a name, else a plain one.</summary>
    private static string RepositoryName(string name) => RepoName().IsMatch(name) ? name : "universe";

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$", RegexOptions.CultureInvariant)]
    private static partial Regex RepoName();
}
