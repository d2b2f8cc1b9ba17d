namespace Pipeline.Repositories.Tests;

/// <summary>A test that reads the real Universe tree in ../shared; skipped, saying why, without it (never a silent pass).</summary>
public sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute()
    {
        if (UniverseCorpus.Root is null) Skip = UniverseCorpus.MissingReason;
    }
}

/// <summary>The Universe corpus, ../shared/corpus/universe/repo beside the checkout.</summary>
internal static class UniverseCorpus
{
    public const string MissingReason = "needs the Universe corpus in ../shared/corpus/universe/repo beside the checkout";

    public static string? Root { get; } = Find();

    private static string? Find()
    {
        var candidate = Path.Combine(Pipeline.Testing.RepositoryFolders.Shared, "corpus", "universe", "repo");
        return Directory.Exists(Path.Combine(candidate, "packages")) ? candidate : null;
    }
}
