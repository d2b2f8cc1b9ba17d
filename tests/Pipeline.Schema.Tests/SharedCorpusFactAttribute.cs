namespace Pipeline.Schema.Tests;

/// <summary>A fact that needs Universe's tree and schemas from ../shared/corpus and is skipped, saying so, without them.</summary>
public sealed class SharedCorpusFactAttribute : FactAttribute
{
    public SharedCorpusFactAttribute()
    {
        if (!RepositoryLayout.HasSharedCorpus) Skip = SharedCorpus.MissingReason;
    }
}

/// <summary>A theory that needs Universe's tree and schemas from ../shared/corpus and is skipped, saying so, without them.</summary>
public sealed class SharedCorpusTheoryAttribute : TheoryAttribute
{
    public SharedCorpusTheoryAttribute()
    {
        if (!RepositoryLayout.HasSharedCorpus) Skip = SharedCorpus.MissingReason;
    }
}
