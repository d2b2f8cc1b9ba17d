using Pipeline.Build;
using Pipeline.Diagnostics;
using Pipeline.Packages.Reading;
using Pipeline.Packages;
using Pipeline.Site;
using Pipeline.Validation;

namespace Pipeline.Mirroring.Mirror;

/// <summary>A bundle's <c>site/</c>: the web site, index.json and DC/OS repository files built from its <c>tree/</c>, as `universe build` builds them.</summary>
public static class BundleSite
{
    public static IReadOnlyList<Diagnostic> Build(string treeRoot, string siteFolder)
    {
        var tree = PackageTreeReader.Read(treeRoot, new TreeReaderOptions { LoadContent = false });
        var pages = SiteGenerator.Generate(tree, new SiteOptions());
        var summary = RepositoryBuilder.BuildTo(tree, siteFolder, new BuildOptions(), pages);
        return [.. summary.Unbuilt.SelectMany(u => UnbuiltRevisionFindings.For(u.Revision, u.FileName, tree.Settings))];
    }
}
