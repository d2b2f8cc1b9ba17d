namespace Pipeline.Build.Tests.Support;

/// <summary>A fact that needs the shared Universe corpus; skipped, saying why, when it is absent.</summary>
public sealed class SharedCorpusFactAttribute : FactAttribute
{
    public SharedCorpusFactAttribute()
    {
        if (SharedCorpus.MissingReason is { } reason) Skip = $"Skipped: {reason}.";
    }
}
