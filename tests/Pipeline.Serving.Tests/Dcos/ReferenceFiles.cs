using System.IO.Compression;
using System.Text.Json;
using Pipeline.Testing;

namespace Pipeline.Serving.Tests.Dcos;

/// <summary>Universe's own build of the shared corpus (../shared/corpus/reference), read in place.</summary>
internal static class ReferenceFiles
{
    public static byte[] Read(string stem)
    {
        using var file = File.OpenRead(Path.Combine(SharedCorpus.Reference, stem + ".json.gz"));
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        gzip.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>
    /// The first difference between two repository files' packages as a multiset (Universe lists
    /// them in directory order, which is not part of the format), or null when they hold the same.
    /// </summary>
    public static string? Difference(byte[] expected, byte[] actual)
    {
        using var wanted = JsonDocument.Parse(expected);
        using var got = JsonDocument.Parse(actual);
        var a = Sorted(wanted);
        var b = Sorted(got);
        if (a.Count != b.Count) return $"expected {a.Count} packages, got {b.Count}";
        for (var i = 0; i < a.Count; i++)
        {
            if (!JsonElement.DeepEquals(a[i], b[i])) return $"{a[i].GetProperty("name")} {a[i].GetProperty("releaseVersion")} differs";
        }
        return null;
    }

    private static List<JsonElement> Sorted(JsonDocument repository) =>
        [.. repository.RootElement.GetProperty("packages").EnumerateArray()
            .OrderBy(p => p.GetProperty("name").GetString(), StringComparer.Ordinal)
            .ThenBy(p => p.GetProperty("releaseVersion").GetInt32())];

    public static IReadOnlyList<string> Names(byte[] repository)
    {
        using var document = JsonDocument.Parse(repository);
        return [.. document.RootElement.GetProperty("packages").EnumerateArray().Select(p => p.GetProperty("name").GetString()!).Distinct().Order(StringComparer.Ordinal)];
    }
}
