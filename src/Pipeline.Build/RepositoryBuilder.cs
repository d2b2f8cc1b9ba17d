using Pipeline.Build.Dcos;
using Pipeline.Build.Index;
using Pipeline.Build.Output;
using Pipeline.Build.PackageDocuments;
using Pipeline.Build.Revisions;
using Pipeline.Diagnostics;
using Pipeline.Packages;

namespace Pipeline.Build;

/// <summary>
/// Builds every output of a package tree in memory: index.json, <c>package/&lt;name&gt;.json</c>,
/// the DC/OS repository files Universe's build writes (see <see cref="DcosFileAssembler"/>), gzip
/// copies when asked, and SHA256SUMS. Revisions that cannot be built are left out with a
/// diagnostic; bad input never throws. The same tree and options give the same bytes.
/// </summary>
public static class RepositoryBuilder
{
    public static BuildResult Build(PackageTree tree, BuildOptions? options = null)
    {
        options ??= new BuildOptions();
        var parallelism = Math.Max(1, options.MaxDegreeOfParallelism);
        var (revisions, diagnostics) = BuildRevisions(tree.Revisions, parallelism);
        var packages = GroupByPackage(revisions);

        var files = new List<OutputFile>();
        DcosFileAssembler.AddFiles(revisions, files);
        PackageDocumentAssembler.AddFiles(packages, files);
        files.Add(IndexWriter.ToFile(IndexBuilder.Build(tree.Settings, options.SourceCommit, packages)));
        if (options.Gzip) files.AddRange(GzipCopies.Compress(files, parallelism));
        files.Add(Sha256Sums.Compute(files, parallelism));
        files.Sort(static (a, b) => string.CompareOrdinal(a.Path, b.Path));
        return new BuildResult(files, diagnostics);
    }

    private static (List<BuiltRevision> Revisions, List<Diagnostic> Diagnostics) BuildRevisions(IReadOnlyList<PackageRevision> revisions, int parallelism)
    {
        var built = new BuiltRevision?[revisions.Count];
        var problems = new List<Diagnostic>?[revisions.Count];
        Parallel.For(
            0,
            revisions.Count,
            new ParallelOptions { MaxDegreeOfParallelism = parallelism },
            () => new RevisionBuilder(),
            (i, _, builder) =>
            {
                var diagnostics = new List<Diagnostic>();
                built[i] = builder.Build(revisions[i], diagnostics);
                if (diagnostics.Count > 0) problems[i] = diagnostics;
                return builder;
            },
            builder => builder.Dispose());

        // Collected in tree order, whatever order the workers finished in.
        var results = new List<BuiltRevision>(revisions.Count);
        var all = new List<Diagnostic>();
        for (var i = 0; i < revisions.Count; i++)
        {
            if (built[i] is { } revision) results.Add(revision);
            if (problems[i] is { } diagnostics) all.AddRange(diagnostics);
        }
        return (results, all);
    }

    /// <summary>Runs of the same package, in name order, each in release-version order.</summary>
    private static List<IReadOnlyList<BuiltRevision>> GroupByPackage(List<BuiltRevision> revisions)
    {
        var packages = new List<IReadOnlyList<BuiltRevision>>();
        List<BuiltRevision>? current = null;
        foreach (var revision in revisions)
        {
            if (current is null || current[0].Name != revision.Name)
            {
                current = [];
                packages.Add(current);
            }
            current.Add(revision);
        }
        return packages;
    }
}
