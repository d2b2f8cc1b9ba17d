using System.Globalization;
using System.Text.Json.Nodes;
using Pipeline.Build.Output;
using Pipeline.Packages.Reading;
using Pipeline.Packages;
using Pipeline.Site.Tests.Support;

namespace Pipeline.Site.Tests.Unit;

/// <summary>
/// The site grows linearly with a package's revisions: every version listed on every revision page
/// made 1,000 revisions 120 MB of pages and 4,000 revisions 1.9 GB. Measured in bytes, not time.
/// </summary>
public sealed class SiteSizeTests : IDisposable
{
    private const int Revisions = 1_000;

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void DoublingTheRevisionsOfAPackageAtMostDoublesTheSite()
    {
        var small = Generate("small", Revisions);
        var large = Generate("large", 2 * Revisions);

        var ratio = (double)TotalBytes(large) / TotalBytes(small);
        ratio.Should().BeLessThan(2.2, "the site's size is linear in the revisions (bytes {0:N0} → {1:N0})", TotalBytes(small), TotalBytes(large));

        var largestPage = large.Where(f => IsRevisionPage(f.Path)).Max(f => f.Length);
        largestPage.Should().BeLessThan(20_000, "a revision page lists a few neighbouring versions, not all of them");
        largestPage.Should().BeLessThanOrEqualTo(small.Where(f => IsRevisionPage(f.Path)).Max(f => f.Length) + 100, "a revision page does not grow with its package's revisions");

        var versions = large.Single(f => f.Path == "packages/gen/versions.html");
        versions.Length.Should().BeLessThan(2 * Revisions * 400L, "the version list holds one short row per revision");
    }

    [Fact]
    public void EveryRevisionIsListedOnceOnTheVersionListAndLinksToIt()
    {
        var files = Generate("list", 12);

        var list = SiteFiles.Text(files, "packages/gen/versions.html");
        for (var i = 0; i < 12; i++) list.Should().Contain($"<td>{i}</td>").And.Contain(i == 11 ? "href=\"index.html\"" : $"href=\"{i}.html\"");
        list.IndexOf("<td>11</td>", StringComparison.Ordinal).Should().BeLessThan(list.IndexOf("<td>0</td>", StringComparison.Ordinal), "newest first");

        var middle = SiteFiles.Text(files, "packages/gen/5.html");
        middle.Should().Contain("href=\"versions.html\"").And.Contain("<span aria-current=\"page\">0.5</span>");
        foreach (var neighbour in new[] { 3, 4, 6, 7 }) middle.Should().Contain($"href=\"{neighbour}.html\"");
        middle.Should().NotContain("href=\"2.html\"").And.NotContain("href=\"8.html\"").And.NotContain("href=\"0.html\"");

        var latest = SiteFiles.Text(files, "packages/gen/index.html");
        latest.Should().Contain("href=\"versions.html\"").And.Contain("href=\"10.html\"").And.Contain("href=\"9.html\"").And.NotContain("href=\"8.html\"");
    }

    private IReadOnlyList<BuiltFile> Generate(string folder, int revisions)
    {
        var tree = new TreeBuilder(Path.Combine(_temp.Path, folder));
        for (var i = 0; i < revisions; i++)
        {
            var package = TreeBuilder.Package($"0.{i}", $"Revision {i} of a generated package. " + new string('x', i % 50), "gen", $"t{i % 7}");
            package["lastUpdated"] = 1_600_000_000L + (i * 3600L);
            var config = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["name"] = new JsonObject { ["type"] = "string", ["default"] = $"gen-{i}" } } };
            tree.Revision("gen", i, package, config, marathon: "{\"id\": \"{{name}}\", \"cmd\": \"run " + i.ToString(CultureInfo.InvariantCulture) + "\"}");
        }
        return SiteGenerator.Generate(PackageTreeReader.Read(tree.Root));
    }

    private static long TotalBytes(IReadOnlyList<BuiltFile> files) => files.Sum(f => (long)f.Length);

    private static bool IsRevisionPage(string path) =>
        path.StartsWith("packages/gen/", StringComparison.Ordinal) && path != "packages/gen/versions.html";
}
