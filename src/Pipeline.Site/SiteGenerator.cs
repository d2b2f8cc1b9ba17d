using System.Text.RegularExpressions;
using System.Text;
using Pipeline.Build.Output;
using Pipeline.Packages.Model;
using Pipeline.Packages.Reading;
using Pipeline.Packages;
using Pipeline.Site.Assets;
using Pipeline.Site.Html;
using Pipeline.Site.Model;
using Pipeline.Site.Pages;
using Pipeline.Site.Reading;
using Pipeline.Site.Search;

namespace Pipeline.Site;

/// <summary>
/// Generates the static web site of a package tree, in memory: index.html, a page per package
/// revision and a version list per package, a 404 page, the stylesheet, the search script and its index (paths in <see cref="SitePaths"/>).
/// Pages link to each other and to the repository files relatively, so the site works under any
/// base path (the 404 page, served at any depth, links from <see cref="SiteOptions.BaseUrl"/>), and load nothing from other hosts. It reads the tree itself rather than the build's
/// outputs, so it depends on nothing but the package files. Same tree and options, same bytes.
/// </summary>
public static partial class SiteGenerator
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static IReadOnlyList<BuiltFile> Generate(PackageTree tree, SiteOptions? options = null)
    {
        options ??= new SiteOptions();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxDegreeOfParallelism) };
        var packages = ReadPackages(tree, parallel);
        var site = new SiteContext(
            options.Title ?? tree.Settings.Site.Title ?? tree.Settings.Name,
            tree.Settings.Description,
            options.SourceCommit,
            packages.Count,
            SiteBase.Normalise(options.BaseUrl ?? tree.Settings.Site.BaseUrl),
            options.Release,
            tree.Settings.Name);

        var pages = new List<BuiltFile>[packages.Count];
        Parallel.For(0, packages.Count, parallel, i =>
        {
            var package = packages[i];
            var files = new List<BuiltFile>(package.Revisions.Count + 1) { Page(SitePaths.Versions(package.Name), VersionsPage.Render(site, package)) };
            foreach (var revision in package.Revisions)
            {
                files.Add(Page(PackagePage.Path(package, revision), PackagePage.Render(site, package, revision)));
            }
            pages[i] = files;
        });

        var all = new List<BuiltFile>
        {
            Page(SitePaths.Index, IndexPage.Render(site, packages)),
            Page(SitePaths.NotFound, NotFoundPage.Render(site)),
            new(SitePaths.SearchIndex, SearchIndex.Write(packages)),
            new(SitePaths.Stylesheet, SiteAssets.Read("site.css")),
            new(SitePaths.Script, SiteAssets.Read("search.js")),
        };
        foreach (var files in pages) all.AddRange(files);
        all.Sort(static (a, b) => string.CompareOrdinal(a.Path, b.Path));
        return all;
    }

    /// <summary>Packages in name order, each with its readable revisions newest first.</summary>
    internal static IReadOnlyList<SitePackage> ReadPackages(PackageTree tree, ParallelOptions parallel)
    {
        var revisions = tree.Revisions;
        var read = new SiteRevision?[revisions.Count];
        Parallel.For(0, revisions.Count, parallel, i =>
        {
            // The name becomes a path: anything but a valid package name is left out.
            if (PackageName().IsMatch(revisions[i].Name)) read[i] = RevisionReader.Read(revisions[i]);
        });
        return read
            .OfType<SiteRevision>()
            .GroupBy(r => r.Name, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new SitePackage(g.Key, [.. g.OrderByDescending(r => r.ReleaseVersion)]))
            .ToList();
    }

    private static BuiltFile Page(string path, string html) => new(path, Utf8.GetBytes(html));

    [GeneratedRegex("^[a-z][a-z0-9-]*[a-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex PackageName();
}
