using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Pipeline.Build.Output;

/// <summary>
/// <c>SHA256SUMS</c> in <c>sha256sum</c>'s format, <c>&lt;hex&gt;  &lt;path&gt;</c> per line, ordered by
/// path, over every other output file; <c>sha256sum -c SHA256SUMS</c> checks a download.
/// </summary>
public static class Sha256Sums
{
    public const string FileName = "SHA256SUMS";

    internal static BuiltFile Compute(IReadOnlyList<BuiltFile> files, int maxDegreeOfParallelism)
    {
        var sorted = files.OrderBy(f => f.Path, StringComparer.Ordinal).ToArray();
        // Files that share one segment list have the same content: hash it once.
        var unique = sorted.DistinctBy(f => f.Segments, ReferenceEqualityComparer.Instance).ToArray();
        var hashes = new string[unique.Length];
        LargestFirst.ForEach(unique, maxDegreeOfParallelism, i => hashes[i] = Hash(unique[i]));
        var hashOf = new Dictionary<object, string>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < unique.Length; i++) hashOf.Add(unique[i].Segments, hashes[i]);

        var text = new StringBuilder();
        foreach (var file in sorted) text.Append(hashOf[file.Segments]).Append("  ").Append(file.Path).Append('\n');
        return new BuiltFile(FileName, Encoding.UTF8.GetBytes(text.ToString()));
    }

    /// <summary>The file listing files hashed as they were written.</summary>
    internal static BuiltFile Of(IEnumerable<WrittenFile> files)
    {
        // Written straight to UTF-8: at 100× the corpus the listing is 8 MB, and going through a
        // StringBuilder and a string held it five times over at the end of the build.
        var sorted = files.ToArray();
        Array.Sort(sorted, static (a, b) => string.CompareOrdinal(a.Path, b.Path));
        var text = new ArrayBufferWriter<byte>(Math.Max(256, sorted.Length * 128));
        foreach (var file in sorted)
        {
            Encoding.UTF8.GetBytes(file.Sha256, text);
            text.Write("  "u8);
            Encoding.UTF8.GetBytes(file.Path, text);
            text.Write("\n"u8);
        }
        return new BuiltFile(FileName, [text.WrittenMemory]);
    }

    public static string Hash(BuiltFile file)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var segment in file.Segments) hash.AppendData(segment.Span);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
