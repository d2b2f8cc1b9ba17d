using System.IO.Compression;

namespace Pipeline.Build.Output;

/// <summary>
/// <c>&lt;file&gt;.gz</c> copies for static hosts that serve precompressed files, kept only where
/// smaller than the file. .NET writes the gzip header without a timestamp, so copies are
/// deterministic.
/// </summary>
internal static class GzipCopies
{
    public const string Extension = ".gz";

    public static IReadOnlyList<OutputFile> Compress(IReadOnlyList<OutputFile> files, int maxDegreeOfParallelism)
    {
        var copies = new OutputFile?[files.Count];
        LargestFirst.ForEach(files, maxDegreeOfParallelism, i =>
        {
            var file = files[i];
            using var compressed = new MemoryStream();
            using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            {
                file.CopyTo(gzip);
            }
            if (compressed.Length < file.Length) copies[i] = new OutputFile(file.Path + Extension, compressed.ToArray());
        });
        return [.. copies.OfType<OutputFile>()];
    }
}
