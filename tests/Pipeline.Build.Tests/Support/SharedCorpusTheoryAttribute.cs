namespace Pipeline.Build.Tests.Support;

/// <summary>A theory that needs the shared Universe corpus; skipped, saying why, when it is absent.</summary>
public sealed class SharedCorpusTheoryAttribute : TheoryAttribute
{
    public SharedCorpusTheoryAttribute()
    {
        if (SharedCorpus.MissingReason is { } reason) Skip = $"Skipped: {reason}.";
    }
}
