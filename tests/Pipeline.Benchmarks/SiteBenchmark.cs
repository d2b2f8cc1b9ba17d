using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using Pipeline.Build.Output;
using Pipeline.Packages.Reading;
using Pipeline.Packages;
using Pipeline.Site;

namespace Pipeline.Benchmarks;

/// <summary>
/// Generates the static web site of the corpus in this process and prints its build time (median
/// of the runs, after one warm-up), page count, total size and the index page's gzipped size.
/// Targets: ≤ 5 s to build, index.html ≤ 250 KB gzipped.
/// </summary>
internal static class SiteBenchmark
{
    public static void Run(string corpus, int runs)
    {
        var read = Stopwatch.StartNew();
        var tree = PackageTreeReader.Read(corpus);
        read.Stop();

        SiteGenerator.Generate(tree);
        var times = new List<TimeSpan>();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        IReadOnlyList<BuiltFile> files = [];
        for (var i = 0; i < Math.Max(1, runs); i++)
        {
            var watch = Stopwatch.StartNew();
            files = SiteGenerator.Generate(tree);
            times.Add(watch.Elapsed);
        }
        var cpuPerRun = (Process.GetCurrentProcess().TotalProcessorTime - cpu) / Math.Max(1, runs);
        times.Sort();

        var pages = files.Where(f => f.Path.EndsWith(".html", StringComparison.Ordinal)).ToList();
        var index = files.First(f => f.Path == SitePaths.Index);
        var largest = pages.MaxBy(f => f.Length)!;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            site (in process, corpus of {tree.Revisions.Count} revisions, tree read in {read.Elapsed.TotalSeconds:F3}s):
              build time            {times[times.Count / 2].TotalSeconds,9:F3}s   median of {times.Count} (target ≤ 5 s); CPU time {cpuPerRun.TotalSeconds:F3}s per run
              pages                 {pages.Count,9}    files {files.Count}
              total size            {files.Sum(f => f.Length) / 1048576.0,9:F1} MB   gzipped {files.Sum(Gzipped) / 1048576.0:F1} MB
              index.html            {index.Length / 1024.0,9:F1} KB   gzipped {Gzipped(index) / 1024.0:F1} KB (target ≤ 250 KB)
              search-index.json     {files.First(f => f.Path == SitePaths.SearchIndex).Length / 1024.0,9:F1} KB
              largest page          {largest.Length / 1024.0,9:F1} KB   {largest.Path}
            """));
    }

    private static long Gzipped(BuiltFile file)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true)) file.CopyTo(gzip);
        return buffer.Length;
    }
}
