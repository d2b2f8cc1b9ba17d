using System.Collections.Concurrent;
using Pipeline.Build;
using Pipeline.Build.Dcos;
using Pipeline.Packages.Settings;

namespace Pipeline.Serving.Upstreams;

/// <summary>
/// A DC/OS repository fetched from an upstream, converted once (per fetched copy) into everything
/// serve merges: read back into revisions (<see cref="DcosRepositoryReader"/>) and built as a tree
/// is, so its index.json entries, package files and each release's repository file are exactly
/// what our build (and Universe's) makes of the same packages. The files merged are made into one
/// array each the first time they are asked for, and kept with the build.
/// </summary>
internal sealed class DcosUpstreamBuild
{
    private readonly BuildResult _build;
    private readonly ConcurrentDictionary<string, Lazy<byte[]>> _files = new(StringComparer.Ordinal);

    private DcosUpstreamBuild(BuildResult build, DcosRepositoryRead read)
    {
        _build = build;
        Names = read.Tree!.Revisions.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        LeftOut = read.LeftOut;
        LeftOutCount = read.LeftOutCount;
    }

    public IReadOnlySet<string> Names { get; }

    /// <summary>The packages left out, each with the reason (the first few); <see cref="LeftOutCount"/> counts them all.</summary>
    public IReadOnlyList<string> LeftOut { get; }

    public int LeftOutCount { get; }

    /// <summary>The build of the repository file, or why the file cannot be served at all.</summary>
    public static (DcosUpstreamBuild? Build, string? Problem) Convert(byte[] content, string upstreamName)
    {
        var read = DcosRepositoryReader.Read(content, upstreamName, new RepositorySettings { Name = upstreamName });
        if (read.Tree is null) return (null, read.Rejected);
        // One worker: serve shares the machine with its clients, and converts once per upstream change.
        var build = RepositoryBuilder.Build(read.Tree, new BuildOptions { MaxDegreeOfParallelism = 1 });
        return (new DcosUpstreamBuild(build, read), null);
    }

    public byte[] Index => File("index.json");

    public byte[] Repository(DcosRelease release) => File(release.RepositoryFileName);

    /// <summary>Our package file of a package it lists (small: made per request), or null.</summary>
    /// <summary>The package's file, the same array for every request (so its ETag and encodings are made once).</summary>
    public byte[]? Package(string name) => Names.Contains(name) && _build.Find($"package/{name}.json") is not null ? File($"package/{name}.json") : null;

    private byte[] File(string path) =>
        _files.GetOrAdd(path, p => new Lazy<byte[]>(() => _build.GetBytes(p), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
}
