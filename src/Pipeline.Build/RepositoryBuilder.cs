using Pipeline.Build.Dcos;
using Pipeline.Build.Index;
using Pipeline.Build.Output;
using Pipeline.Build.PackageDocuments;
using Pipeline.Build.Revisions;
using Pipeline.Build.Streaming;
using Pipeline.Packages.Model;
using Pipeline.Packages.Reading;
using Pipeline.Packages;

namespace Pipeline.Build;

/// <summary>
/// Builds every output of a package tree, streamed into a folder (<see cref="BuildTo"/>) or in
/// memory (<see cref="Build"/>, for tests and small trees): index.json, <c>package/&lt;name&gt;.json</c>,
/// the DC/OS repository files Universe's build writes (see <see cref="DcosFileAssembler"/>), gzip
/// copies when asked, and SHA256SUMS. Revisions that cannot be built are left out and listed
/// (<see cref="UnbuiltRevision"/>); bad input never throws. The same tree and options give the same bytes.
/// </summary>
public static class RepositoryBuilder
{
    /// <summary>
    /// Builds the tree into <paramref name="outputDirectory"/>, writing every file as it is
    /// produced: revisions are loaded package by package (a tree read without content needs only
    /// one package at a time in memory) and nothing is kept but small index entries, so memory
    /// stays bounded whatever the tree's size. Files are hashed and compressed while written.
    /// Every file, <paramref name="extraFiles"/> (say, the web site) among them, is written under
    /// a temporary name and renamed into place only once all were written, SHA256SUMS last; on a
    /// failure the temporary files are deleted and the previous build is left as it was. The
    /// bytes are those <see cref="Build"/> gives.
    /// </summary>
    /// <param name="extraFiles">More files to publish with the build, also listed in SHA256SUMS
    /// (and gzipped when asked); none may have the path of a build output.</param>
    /// <exception cref="ArgumentException">An extra file would replace a build output, or two share a path.</exception>
    /// <exception cref="IOException">The folder could not be written.</exception>
    public static BuildSummary BuildTo(PackageTree tree, string outputDirectory, BuildOptions? options = null, IReadOnlyList<BuiltFile>? extraFiles = null) =>
        StreamingBuild.Run(tree, outputDirectory, options ?? new BuildOptions(), extraFiles ?? []);

    public static BuildResult Build(PackageTree tree, BuildOptions? options = null)
    {
        options ??= new BuildOptions();
        var parallelism = Math.Max(1, options.MaxDegreeOfParallelism);
        var (revisions, unbuilt) = BuildRevisions(tree.Revisions, parallelism);
        var packages = GroupByPackage(revisions);

        var files = new List<BuiltFile>();
        DcosFileAssembler.AddFiles(revisions, files);
        PackageDocumentAssembler.AddFiles(packages, files);
        files.Add(IndexWriter.ToFile(IndexBuilder.Build(tree.Settings, options.SourceCommit, packages)));
        if (options.Gzip) files.AddRange(GzipCopies.Compress(files, parallelism));
        files.Add(Sha256Sums.Compute(files, parallelism));
        files.Sort(static (a, b) => string.CompareOrdinal(a.Path, b.Path));
        return new BuildResult(files, unbuilt);
    }

    private static (List<BuiltRevision> Revisions, List<UnbuiltRevision> Unbuilt) BuildRevisions(IReadOnlyList<PackageRevision> revisions, int parallelism)
    {
        var built = new BuiltRevision?[revisions.Count];
        var problems = new List<UnbuiltRevision>?[revisions.Count];
        Parallel.For(
            0,
            revisions.Count,
            new ParallelOptions { MaxDegreeOfParallelism = parallelism },
            () => new RevisionBuilder(),
            (i, _, builder) =>
            {
                var unbuilt = new List<UnbuiltRevision>();
                built[i] = builder.Build(revisions[i], unbuilt);
                if (unbuilt.Count > 0) problems[i] = unbuilt;
                return builder;
            },
            builder => builder.Dispose());

        // Collected in tree order, whatever order the workers finished in.
        var results = new List<BuiltRevision>(revisions.Count);
        var all = new List<UnbuiltRevision>();
        for (var i = 0; i < revisions.Count; i++)
        {
            if (built[i] is { } revision) results.Add(revision);
            if (problems[i] is { } unbuilt) all.AddRange(unbuilt);
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
