namespace Pipeline.Schema.Tests;

/// <summary>
/// Corpus files that our schemas reject because they are invalid under Universe's own schemas too.
/// Key: path relative to the corpus packages folder; value: why the file is invalid.
/// </summary>
internal static class KnownCorpusExceptions
{
    public static IReadOnlyDictionary<string, string> Files { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
    };
}
