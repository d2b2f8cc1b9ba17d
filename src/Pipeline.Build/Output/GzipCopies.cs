using System.IO.Compression;

namespace Pipeline.Build.Output;

/// <summary>
/// <c>&lt;file&gt;.gz</c> copies for static hosts that serve precompressed files (as Universe's own
/// server does with nginx's <c>gzip_static</c>), kept only where smaller than the file. .NET writes
/// the gzip header without a timestamp, so copies are deterministic.
/// </summary>
internal static class GzipCopies
{
    public const string Extension = ".gz";

    public static IReadOnlyList<BuiltFile> Compress(IReadOnlyList<BuiltFile> files, int maxDegreeOfParallelism)
    {
        // Files that share one segment list have the same content: compress it once.
        var unique = files.DistinctBy(f => f.Segments, ReferenceEqualityComparer.Instance).ToArray();
        var compressed = new byte[unique.Length][];
        LargestFirst.ForEach(unique, maxDegreeOfParallelism, i => compressed[i] = Gzip(unique[i]));
        var byContent = new Dictionary<object, byte[]>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < unique.Length; i++) byContent.Add(unique[i].Segments, compressed[i]);

        var copies = new List<BuiltFile>();
        foreach (var file in files)
        {
            var bytes = byContent[file.Segments];
            if (bytes.Length < file.Length) copies.Add(new BuiltFile(file.Path + Extension, bytes));
        }
        return copies;
    }

    public static byte[] Gzip(BuiltFile file)
    {
        // JSON shrinks several times over; start the buffer near the expected size.
        using var buffer = new MemoryStream((int)Math.Min(int.MaxValue, file.Length / 4 + 1024));
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            file.CopyTo(gzip);
        }
        return buffer.ToArray();
    }
}
