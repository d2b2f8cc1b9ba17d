using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Pipeline.Build.Dcos;
using Pipeline.Build.Index;
using Pipeline.Build.Output;
using Pipeline.Build.PackageDocuments;
using Pipeline.Packages.Model;
using Pipeline.Packages.Reading;
using Pipeline.Packages;

namespace Pipeline.Build.Streaming;

/// <summary>
/// A build written as it goes (<see cref="RepositoryBuilder.BuildTo"/>): packages are loaded and
/// built a few at a time in parallel and consumed in tree order; each package's own files are
/// written as soon as it is built, and its fragments are appended to the open repository files
/// and then dropped; index.json is streamed the same way. What is kept to the end is one small
/// record per written file (path, length, hash) for SHA256SUMS and the final renames: memory is a
/// few packages plus that list, whatever the size of the packages.
/// </summary>
internal static class StreamingBuild
{
    public static BuildSummary Run(PackageTree tree, string outputDirectory, BuildOptions options, IReadOnlyList<BuiltFile> extraFiles)
    {
        var parallelism = Math.Max(1, options.MaxDegreeOfParallelism);
        var packages = PackagesOf(tree.Revisions);
        CheckExtraFiles(packages, extraFiles);
        var root = Path.GetFullPath(outputDirectory);
        CreateFolders(root, extraFiles);

        using var staging = new OutputStaging(root, options.Gzip);
        var written = new List<WrittenFile>();
        var unbuilt = new List<UnbuiltRevision>();
        var universe = new StreamedRepositoryFile(staging, DcosRepositoryFormat.UniverseFileName, options.Gzip);
        var releases = new List<StreamedRepositoryFile>();
        // index.json is written as packages come, like the repository files: at 100× the corpus its
        // entries held to the end were most of the build's memory.
        var index = new StreamedRepositoryFile(
            staging, RepositoryIndex.FileName, options.Gzip,
            IndexWriter.Header(IndexBuilder.Build(tree.Settings, options.SourceCommit, (IReadOnlyList<IndexPackage>)[])), IndexWriter.Footer, IndexWriter.SeparatorLength);
        var workers = new ConcurrentBag<PackageWorker>();
        try
        {
            foreach (var release in DcosRepositoryFormat.Releases)
            {
                releases.Add(new StreamedRepositoryFile(staging, release.RepositoryFileName, options.Gzip));
            }
            OrderedParallel.Run(
                packages.Count,
                parallelism,
                window: 2 * parallelism + 2,
                i =>
                {
                    var worker = workers.TryTake(out var idle) ? idle : new PackageWorker();
                    try
                    {
                        return worker.Build(packages[i], staging);
                    }
                    finally
                    {
                        workers.Add(worker);
                    }
                },
                package =>
                {
                    unbuilt.AddRange(package.Unbuilt);
                    written.AddRange(package.Files);
                    if (package.IndexEntry is not { } entry) return;
                    index.Post([entry], package);
                    var all = new List<ArraySegment<byte>>(package.Revisions.Count);
                    foreach (var revision in package.Revisions) all.Add(revision.UniverseFragment);
                    universe.Post(all, package);
                    for (var r = 0; r < releases.Count; r++)
                    {
                        var release = DcosRepositoryFormat.Releases[r];
                        var included = new List<ArraySegment<byte>>(package.Revisions.Count);
                        foreach (var revision in package.Revisions)
                        {
                            if (revision.IsIn(release)) included.Add(revision.FragmentFor(release));
                        }
                        releases[r].Post(included, package);
                    }
                    package.Release();
                });

            written.AddRange(index.Finish());
            written.AddRange(universe.Finish());
            foreach (var release in releases) written.AddRange(release.Finish());
            var small = DcosFiles();
            small.AddRange(extraFiles);
            var results = new WrittenContent[small.Count];
            Unwrapped(() => LargestFirst.ForEach(small, parallelism, i => results[i] = staging.Write(small[i])));
            foreach (var result in results)
            {
                written.Add(result.File);
                if (result.GzipFile is { } copy) written.Add(copy);
            }

            var sums = Sha256Sums.Of(written);
            Unwrapped(() => written.Add(staging.Commit(sums)));
            written.Sort(static (a, b) => string.CompareOrdinal(a.Path, b.Path));
            return new BuildSummary(written, unbuilt);
        }
        finally
        {
            index.Stop();
            universe.Stop();
            foreach (var release in releases) release.Stop();
            foreach (var worker in workers) worker.Dispose();
        }
    }

    /// <summary>Runs parallel work, throwing its failure as it is rather than in an <see cref="AggregateException"/>.</summary>
    private static void Unwrapped(Action work)
    {
        try
        {
            work();
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }
    }

    /// <summary>The tree's revisions as runs of one package each: the tree is in name, then release order.</summary>
    private static List<ArraySegment<PackageRevision>> PackagesOf(IReadOnlyList<PackageRevision> revisions)
    {
        var all = revisions as PackageRevision[] ?? [.. revisions];
        var packages = new List<ArraySegment<PackageRevision>>();
        var start = 0;
        for (var i = 1; i <= all.Length; i++)
        {
            if (i == all.Length || all[i].Name != all[start].Name)
            {
                packages.Add(new ArraySegment<PackageRevision>(all, start, i - start));
                start = i;
            }
        }
        return packages;
    }

    /// <summary>The small fixed files: content types and the empty repository.</summary>
    private static List<BuiltFile> DcosFiles()
    {
        var files = new List<BuiltFile>
        {
            DcosFileAssembler.ContentTypeFile(DcosRepositoryFormat.UniverseContentTypeFileName, DcosRepositoryFormat.UniverseRepositoryVersion),
            DcosFileAssembler.RepositoryFile(DcosRepositoryFormat.EmptyFileName, []),
            DcosFileAssembler.ContentTypeFile(DcosRepositoryFormat.EmptyContentTypeFileName, DcosRepositoryFormat.EmptyRepositoryVersion),
        };
        foreach (var release in DcosRepositoryFormat.Releases)
        {
            files.Add(DcosFileAssembler.ContentTypeFile(release.ContentTypeFileName, release.RepositoryVersion));
        }
        return files;
    }

    /// <summary>An extra file may not take the place of a build output (nor of its gzip copy): checked before anything is written.</summary>
    private static void CheckExtraFiles(List<ArraySegment<PackageRevision>> packages, IReadOnlyList<BuiltFile> extraFiles)
    {
        if (extraFiles.Count == 0) return;
        var taken = new HashSet<string>(StringComparer.Ordinal)
        {
            Sha256Sums.FileName, RepositoryIndex.FileName, DcosRepositoryFormat.UniverseFileName,
        };
        foreach (var file in DcosFiles()) taken.Add(file.Path);
        foreach (var release in DcosRepositoryFormat.Releases) taken.Add(release.RepositoryFileName);
        foreach (var package in packages)
        {
            var name = package[0].Name;
            taken.Add(PackageDocumentWriter.PathOf(name));
            foreach (var release in DcosRepositoryFormat.Releases) taken.Add(release.PackageFilePath(name));
        }
        foreach (var path in taken.ToArray()) taken.Add(path + GzipCopies.Extension);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in extraFiles)
        {
            if (taken.Contains(file.Path)) throw new ArgumentException($"extra file {file.Path} would replace a build output", nameof(extraFiles));
            if (!seen.Add(file.Path)) throw new ArgumentException($"extra file {file.Path} is given twice", nameof(extraFiles));
        }
    }

    private static void CreateFolders(string root, IReadOnlyList<BuiltFile> extraFiles)
    {
        Directory.CreateDirectory(Path.Combine(root, Path.GetDirectoryName(PackageDocumentWriter.PathOf("x"))!));
        foreach (var release in DcosRepositoryFormat.Releases)
        {
            Directory.CreateDirectory(Path.Combine(root, Path.GetDirectoryName(release.PackageFilePath("x"))!));
        }
        foreach (var file in extraFiles)
        {
            if (Path.GetDirectoryName(file.Path) is { Length: > 0 } folder) Directory.CreateDirectory(Path.Combine(root, folder));
        }
    }
}
