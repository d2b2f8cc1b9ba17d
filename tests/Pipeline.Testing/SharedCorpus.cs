using Xunit;

namespace Pipeline.Testing;

/// <summary>
/// The real Universe repository in ../shared (its package tree, meta/schema and the reference
/// outputs Universe's own build made from it). Tests read it from there and never copy it.
/// </summary>
public static class SharedCorpus
{
    /// <summary>Universe's repository folder: packages/ and meta/ are in it.</summary>
    public static string Repository { get; } = Path.Combine(RepositoryFolders.Shared, "corpus", "universe", "repo");

    public static string Packages { get; } = Path.Combine(Repository, "packages");

    /// <summary>Universe's own schemas (meta/schema), which the project's are compared with.</summary>
    public static string UniverseSchemas { get; } = Path.Combine(Repository, "meta", "schema");

    /// <summary>What Universe's build produced from the tree, for byte comparisons.</summary>
    public static string Reference { get; } = Path.Combine(RepositoryFolders.Shared, "corpus", "reference");

    /// <summary>Why the tests that need the corpus cannot run here, or null when they can.</summary>
    public static string? MissingReason { get; } =
        new[] { Packages, UniverseSchemas, Reference }.FirstOrDefault(folder => !Directory.Exists(folder)) is { } missing
            ? $"needs the Universe corpus from ../shared beside the checkout ({missing} is absent)"
            : null;
}

/// <summary>A fact over the shared Universe corpus: skipped, saying why, without it (never a silent pass).</summary>
public sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute()
    {
        if (SharedCorpus.MissingReason is { } reason) Skip = reason;
    }
}

/// <summary>A theory over the shared Universe corpus: skipped, saying why, without it.</summary>
public sealed class CorpusTheoryAttribute : TheoryAttribute
{
    public CorpusTheoryAttribute()
    {
        if (SharedCorpus.MissingReason is { } reason) Skip = reason;
    }
}
